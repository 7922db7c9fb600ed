import { Inject, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { VIGIL_CONFIG, type VigilConfig } from '@vigil/config';
import { DetectionModule, DigestComposer } from '@vigil/detection';
import { JobQueue } from '@vigil/queue';
import { MetricsModule } from '@vigil/metrics';
import { RealtimeModule } from '@vigil/realtime';
import { CollectSourceProcessor } from './processors/collect-source.processor';
import { CollectionModule } from './collection.module';
import { EnrichItemProcessor } from './processors/enrich-item.processor';
import { ItemEventRecorder } from './processors/item-event-recorder';
import { ScheduleDueSourcesTask } from './tasks/schedule-due-sources.task';
import { SearchIndexer } from './search-indexer';
import { SourceReader } from './source-reader';
import { SweepOutboxTask } from './tasks/sweep-outbox.task';
import { WatchCheckProcessor } from './processors/watch-check.processor';
import { DeliverWebhookProcessor } from './webhooks/deliver-webhook.processor';

/**
 * The ingestion worker: polls due sources, archives new items, re-checks watched ones, sends webhook deliveries, and
 * sweeps PostgreSQL for work the queue lost. Hosted by the ingestor, or by the API in single-process mode.
 */
@Module({
  // Item events raise live events and collection is counted: RealtimeModule and MetricsModule are global, imported
  // here too so every host of the worker has them.
  imports: [CollectionModule, RealtimeModule, MetricsModule, DetectionModule],
  providers: [ItemEventRecorder, SourceReader, SearchIndexer, CollectSourceProcessor, EnrichItemProcessor, ScheduleDueSourcesTask, WatchCheckProcessor, SweepOutboxTask, DeliverWebhookProcessor],
})
export class CollectionWorkerModule implements OnApplicationBootstrap {
  private readonly logger = new Logger(CollectionWorkerModule.name);

  constructor(
    @Inject(VIGIL_CONFIG) private readonly config: VigilConfig,
    @Inject(JobQueue) private readonly queue: JobQueue,
    private readonly collect: CollectSourceProcessor,
    private readonly enrich: EnrichItemProcessor,
    private readonly schedule: ScheduleDueSourcesTask,
    private readonly watch: WatchCheckProcessor,
    private readonly indexer: SearchIndexer,
    private readonly sweep: SweepOutboxTask,
    private readonly webhooks: DeliverWebhookProcessor,
    private readonly digests: DigestComposer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.queue.process('collect-source', (payload, context) => this.collect.handle(payload, context));
    this.queue.process('enrich-item', (payload, context) => this.enrich.handle(payload, context));
    this.queue.process('index-source', ({ sourceId }) => this.indexer.indexPending(sourceId));
    this.queue.process('sweep-outbox', async () => {
      await this.sweep.handle();
      await this.webhooks.recoverDue();
    });
    this.queue.process('deliver-webhook', (payload) => this.webhooks.handle(payload));
    // Page fetches left out of a full in-memory backlog are still pending in PostgreSQL: sweep them in once there is room.
    this.queue.onBacklogRoom((name) => {
      if (name === 'enrich-item') void this.queue.enqueue('sweep-outbox', {}, { jobId: 'sweep-outbox-refill' });
    });
    this.queue.process('schedule-due-sources', () => this.schedule.handle());
    this.queue.process('schedule-watch-checks', () => this.watch.scheduleDue());
    this.queue.process('check-watched-item', (payload) => this.watch.check(payload));
    this.queue.process('compose-digest', async () => {
      await this.digests.composeDue();
    });
    await this.queue.repeat('schedule-due-sources', {}, this.config.queue.schedulerTickMs);
    await this.queue.repeat('schedule-watch-checks', {}, this.config.queue.schedulerTickMs);
    await this.queue.repeat('sweep-outbox', {}, this.config.collection.outboxSweepMs);
    // One cheap read per tick; a period's digest is composed by whichever worker first sees it ended.
    await this.queue.repeat('compose-digest', {}, this.config.queue.schedulerTickMs);
    this.logger.log(`Collection worker started (${this.queue.mode}, concurrency ${this.config.queue.concurrency})`);
  }
}
