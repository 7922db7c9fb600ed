import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@vigil/domain';
import { SourcesRepository } from '@vigil/persistence';
import { JobQueue } from '@vigil/queue';

const SOURCES_PER_TICK = 200;

/** One id per source and due time: every path that queues the same due poll queues it once. */
export function collectJobId(sourceId: string, dueAt: Date): string {
  return `collect-${sourceId}-${dueAt.getTime()}`;
}

/**
 * Enqueues a collection job for every source whose poll is due. The job id names the source and its due time,
 * so ticks from several schedulers, or a tick that runs twice, queue each poll once.
 */
@Injectable()
export class ScheduleDueSourcesProcessor {
  constructor(
    private readonly sources: SourcesRepository,
    @Inject(JobQueue) private readonly queue: JobQueue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(): Promise<void> {
    const due = await this.sources.findDue(this.clock.now(), SOURCES_PER_TICK);
    for (const source of due) {
      await this.queue.enqueue('collect-source', { sourceId: source.id }, { jobId: collectJobId(source.id, source.nextFetchAt) });
    }
  }
}
