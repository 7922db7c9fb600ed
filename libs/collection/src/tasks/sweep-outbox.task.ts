import { Inject, Injectable, Logger } from '@nestjs/common';
import { ItemsRepository } from '@vigil/persistence';
import { JobQueue } from '@vigil/queue';
import { SEARCH_ENGINE, type SearchEngine } from '@vigil/search';
import { enrichJobId } from '../processors/enrich-item.processor';

// Per sweep: enough to refill the queue after a restart, bounded so one sweep stays one short query and one bulk add.
const ITEMS_PER_SWEEP = 2000;
const SOURCES_PER_SWEEP = 500;

/** One id per source: every sweep that finds its index outbox non-empty queues one drain. */
export function indexJobId(sourceId: string): string {
  return `index-${sourceId}`;
}

/**
 * PostgreSQL, not the queue, is the record of pending work: an item with no enriched_at still needs its page, one
 * with no indexed_at still needs the search engine. The sweep queues that work again, so nothing is lost to a crash,
 * a restart (in-process jobs live in memory), a lost Redis or retries that ran out. Job ids dedupe it against work
 * already queued, and both processors are idempotent, so sweeping too often costs a query and nothing else.
 */
@Injectable()
export class SweepOutboxTask {
  private readonly logger = new Logger(SweepOutboxTask.name);

  constructor(
    private readonly items: ItemsRepository,
    @Inject(JobQueue) private readonly queue: JobQueue,
    @Inject(SEARCH_ENGINE) private readonly search: SearchEngine,
  ) {}

  async handle(): Promise<void> {
    const unenriched = await this.items.findUnenrichedIds(ITEMS_PER_SWEEP);
    await this.queue.enqueueMany('enrich-item', unenriched.map((itemId) => ({ payload: { itemId }, jobId: enrichJobId(itemId) })));
    // PostgreSQL search reads the items table itself: only a separate engine can lack an item.
    const unindexed = this.search.name === 'postgres' ? [] : await this.items.findSourcesWithUnindexed(SOURCES_PER_SWEEP);
    await this.queue.enqueueMany('index-source', unindexed.map((sourceId) => ({ payload: { sourceId }, jobId: indexJobId(sourceId) })));
    if (unenriched.length || unindexed.length) {
      this.logger.log(`Outbox sweep: ${unenriched.length} item(s) not yet enriched, ${unindexed.length} source(s) not yet indexed`);
    }
  }
}
