import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { ItemsRepository } from '@vigil/persistence';
import { JobQueue } from '@vigil/queue';
import { SEARCH_ENGINE, type SearchEngine } from '@vigil/search';

/** Probes each part Vigil needs; every probe names the mode in use so operators see what is running. */
@Injectable()
export class ComponentHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly items: ItemsRepository,
    @Inject(JobQueue) private readonly queue: JobQueue,
    @Inject(SEARCH_ENGINE) private readonly search: SearchEngine,
  ) {}

  database(): Promise<HealthIndicatorResult> {
    return this.probe('database', {}, () => this.items.ping());
  }

  jobQueue(): Promise<HealthIndicatorResult> {
    return this.probe('queue', { mode: this.queue.mode }, () => this.queue.ping());
  }

  searchEngine(): Promise<HealthIndicatorResult> {
    return this.probe('search', { engine: this.search.name }, () => this.search.ping());
  }

  private async probe(key: string, details: Record<string, string>, ping: () => Promise<void>): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(key);
    try {
      await ping();
      return indicator.up(details);
    } catch (error) {
      return indicator.down({ ...details, message: (error as Error).message });
    }
  }
}
