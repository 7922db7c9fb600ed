import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { SourceView } from '@vigil/contracts';
import { CLOCK, type Clock } from '@vigil/domain';
import { SourcesRepository } from '@vigil/persistence';
import { JobQueue } from '@vigil/queue';
import { type CreateSourceDto, DEFAULT_POLL_INTERVAL_SEC } from './source.dto';
import { toSourceView } from './source.presenter';

@Injectable()
export class SourcesService {
  constructor(
    private readonly sources: SourcesRepository,
    @Inject(JobQueue) private readonly queue: JobQueue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A new source is due at once, and is also queued now so its first items arrive without waiting for a scheduler tick. */
  async create(request: CreateSourceDto): Promise<SourceView> {
    const source = await this.sources.create(
      { name: request.name.trim(), url: request.url, kind: request.kind, pollIntervalSec: request.pollIntervalSec ?? DEFAULT_POLL_INTERVAL_SEC },
      this.clock.now(),
    );
    await this.enqueueCollection(source.id);
    return toSourceView(source);
  }

  async list(): Promise<SourceView[]> {
    return (await this.sources.list()).map(toSourceView);
  }

  async get(id: string): Promise<SourceView> {
    const source = await this.sources.findById(id);
    if (!source) throw new NotFoundException(`No source with id ${id}`);
    return toSourceView(source);
  }

  async fetchNow(id: string): Promise<{ queued: true }> {
    await this.get(id);
    await this.enqueueCollection(id);
    return { queued: true };
  }

  private async enqueueCollection(sourceId: string): Promise<void> {
    await this.queue.enqueue('collect-source', { sourceId }, { jobId: `collect-${sourceId}-now-${this.clock.now().getTime()}` });
  }
}
