import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@vigil/domain';
import { ItemsRepository } from '@vigil/persistence';
import { SEARCH_ENGINE, type SearchEngine } from '@vigil/search';

// Enough to tell a lagging index from a stopped one without counting a whole outage's backlog on every scrape.
const COUNT_UP_TO = 1_000_000;

export interface IndexLagReading {
  /** Items the engine lacks (at most COUNT_UP_TO). */
  backlog: number;
  /** Seconds since the oldest of them was ready to index; 0 when none waits. */
  lagSeconds: number;
}

/** How far the search engine is behind PostgreSQL: read by /health and the metrics. */
@Injectable()
export class IndexLag {
  constructor(
    private readonly items: ItemsRepository,
    @Inject(SEARCH_ENGINE) private readonly search: SearchEngine,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async read(): Promise<IndexLagReading> {
    // PostgreSQL search reads the items table itself: nothing is ever behind.
    if (!this.search.needsIndexing) return { backlog: 0, lagSeconds: 0 };
    const { count, oldestReadyAt } = await this.items.indexBacklog(COUNT_UP_TO);
    const lagSeconds = oldestReadyAt ? Math.max(0, (this.clock.now().getTime() - oldestReadyAt.getTime()) / 1000) : 0;
    return { backlog: count, lagSeconds: Math.round(lagSeconds) };
  }
}
