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
export class ScheduleDueSourcesTask {
  constructor(
    private readonly sources: SourcesRepository,
    @Inject(JobQueue) private readonly queue: JobQueue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(): Promise<void> {
    const due = await this.sources.findDue(this.clock.now(), SOURCES_PER_TICK);
    // A poll whose job failed for good was given a later due time (a new id); one whose failure could not even be
    // recorded is still due under its old id, which the queue accepts again once that job has failed.
    await this.queue.enqueueMany('collect-source', due.map((source) => ({ payload: { sourceId: source.id }, jobId: collectJobId(source.id, source.nextFetchAt) })));
  }
}
