import { Inject, Injectable } from '@nestjs/common';
import { JobQueue } from '@vigil/queue';
import { IndexLag } from './index-lag';
import { VigilMetrics } from './vigil-metrics';

/** One scrape: the gauges read on demand (queue depth, index lag), then the registry in Prometheus' text format. */
@Injectable()
export class MetricsScrape {
  constructor(
    private readonly metrics: VigilMetrics,
    private readonly indexLag: IndexLag,
    @Inject(JobQueue) private readonly queue: JobQueue,
  ) {}

  get contentType(): string {
    return this.metrics.registry.contentType;
  }

  async render(): Promise<string> {
    const [depth, lag] = await Promise.all([this.queue.depth(), this.indexLag.read()]);
    for (const [state, jobs] of Object.entries(depth)) this.metrics.queueDepth.set({ state }, jobs);
    this.metrics.indexBacklog.set(lag.backlog);
    this.metrics.indexLag.set(lag.lagSeconds);
    return this.metrics.render();
  }
}
