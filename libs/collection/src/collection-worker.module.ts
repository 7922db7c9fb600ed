import { Inject, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { VIGIL_CONFIG, type VigilConfig } from '@vigil/config';
import { JobQueue } from '@vigil/queue';
import { CollectSourceProcessor } from './collect-source.processor';
import { FeedFetcher } from './feed-fetcher';
import { FeedParser } from './feed-parser';
import { ScheduleDueSourcesProcessor } from './schedule-due-sources.processor';

/** The ingestion worker: polls due sources and collects them. Hosted by the ingestor, or by the API in single-process mode. */
@Module({ providers: [FeedFetcher, FeedParser, CollectSourceProcessor, ScheduleDueSourcesProcessor] })
export class CollectionWorkerModule implements OnApplicationBootstrap {
  private readonly logger = new Logger(CollectionWorkerModule.name);

  constructor(
    @Inject(VIGIL_CONFIG) private readonly config: VigilConfig,
    @Inject(JobQueue) private readonly queue: JobQueue,
    private readonly collect: CollectSourceProcessor,
    private readonly schedule: ScheduleDueSourcesProcessor,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.queue.process('collect-source', (payload) => this.collect.handle(payload));
    this.queue.process('schedule-due-sources', () => this.schedule.handle());
    await this.queue.repeat('schedule-due-sources', {}, this.config.queue.schedulerTickMs);
    this.logger.log(`Collection worker started (${this.queue.mode}, concurrency ${this.config.queue.concurrency})`);
  }
}
