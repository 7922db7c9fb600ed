import { Global, Inject, Module, OnModuleInit } from '@nestjs/common';
import { JobQueue } from '@vigil/queue';
import { IndexLag } from './index-lag';
import { MetricsScrape } from './metrics-scrape';
import { VigilMetrics } from './vigil-metrics';

/**
 * One VigilMetrics per process, for every module that records (collection, deadlines, the API). Job runs are
 * recorded as the queue reports them; the queue's depth and the index lag are read when metrics are scraped.
 */
@Global()
@Module({
  providers: [{ provide: VigilMetrics, useFactory: () => new VigilMetrics() }, IndexLag, MetricsScrape],
  exports: [VigilMetrics, IndexLag, MetricsScrape],
})
export class MetricsModule implements OnModuleInit {
  constructor(
    private readonly metrics: VigilMetrics,
    @Inject(JobQueue) private readonly queue: JobQueue,
  ) {}

  onModuleInit(): void {
    this.queue.onRun(({ name, waitedMs, ranMs, outcome }) => {
      this.metrics.jobWait.observe({ job: name }, waitedMs / 1000);
      this.metrics.jobRun.observe({ job: name, outcome }, ranMs / 1000);
    });
  }
}
