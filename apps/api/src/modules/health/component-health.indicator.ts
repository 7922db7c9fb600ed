import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { IndexLag } from '@vigil/metrics';
import { ItemsRepository } from '@vigil/persistence';
import { JobQueue } from '@vigil/queue';
import { SEARCH_ENGINE, type SearchEngine } from '@vigil/search';

/**
 * Longest one probe may take. A client that queues commands until its server is back (BullMQ's Redis connection
 * must) would otherwise hold readiness open for the whole outage instead of answering "not ready".
 */
const PROBE_TIMEOUT_MS = 3000;

/** Probes each part Vigil needs; every probe names the mode in use so operators see what is running. */
@Injectable()
export class ComponentHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly items: ItemsRepository,
    @Inject(JobQueue) private readonly queue: JobQueue,
    @Inject(SEARCH_ENGINE) private readonly search: SearchEngine,
    private readonly indexLag: IndexLag,
  ) {}

  database(): Promise<HealthIndicatorResult> {
    return this.probe('database', {}, () => this.items.ping());
  }

  jobQueue(): Promise<HealthIndicatorResult> {
    return this.probe('queue', { mode: this.queue.mode }, () => this.queue.ping());
  }

  /** The engine, and how far its index is behind PostgreSQL (read from the database, so it shows during an outage too). */
  async searchEngine(): Promise<HealthIndicatorResult> {
    const lag = await this.indexLag.read().catch(() => null);
    return this.probe('search', { engine: this.search.name, ...(lag ?? {}) }, () => this.search.ping());
  }

  private async probe(key: string, details: Record<string, string | number>, ping: () => Promise<void>): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(key);
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const timedOut = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
      });
      await Promise.race([ping(), timedOut]);
      return indicator.up(details);
    } catch (error) {
      return indicator.down({ ...details, message: (error as Error).message });
    } finally {
      clearTimeout(timer);
    }
  }
}
