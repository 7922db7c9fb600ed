import { Inject, Injectable, Logger } from '@nestjs/common';
import { ItemsRepository, SourcesRepository } from '@vigil/persistence';
import { JobQueue } from '@vigil/queue';
import { SEARCH_ENGINE, type SearchEngine } from '@vigil/search';
import { enrichJobId } from '../processors/enrich-item.processor';

// Per sweep: enough to refill the queue after a restart, bounded so one sweep stays one short query and one bulk add.
const ITEMS_PER_SWEEP = 2000;
const SOURCES_PER_SWEEP = 500;
const PURGES_PER_SWEEP = 20;

/** One id per source: every sweep that finds its index outbox non-empty queues one drain. */
export function indexJobId(sourceId: string): string {
  return `index-${sourceId}`;
}

/**
 * PostgreSQL, not the queue, is the record of pending work: an item with no enriched_at still needs its page, one
 * with no indexed_at still needs the search engine. The sweep queues that work again, so nothing is lost to a crash,
 * a restart (in-process jobs live in memory), a lost Redis or retries that ran out. Job ids dedupe it against work
 * already queued, and both processors are idempotent, so sweeping too often costs a query and nothing else. A
 * source removed with its items stays marked until the engine has deleted their documents.
 */
@Injectable()
export class SweepOutboxTask {
  private readonly logger = new Logger(SweepOutboxTask.name);

  constructor(
    private readonly items: ItemsRepository,
    private readonly sources: SourcesRepository,
    @Inject(JobQueue) private readonly queue: JobQueue,
    @Inject(SEARCH_ENGINE) private readonly search: SearchEngine,
  ) {}

  async handle(): Promise<void> {
    const unenriched = await this.items.findUnenrichedIds(ITEMS_PER_SWEEP);
    await this.queue.enqueueMany('enrich-item', unenriched.map((itemId) => ({ payload: { itemId }, jobId: enrichJobId(itemId) })));
    // PostgreSQL search reads the items table itself: only a separate engine can lack an item.
    const unindexed = this.search.name === 'postgres' ? [] : await this.items.findSourcesWithUnindexed(SOURCES_PER_SWEEP);
    await this.queue.enqueueMany('index-source', unindexed.map((sourceId) => ({ payload: { sourceId }, jobId: indexJobId(sourceId) })));
    const purged = await this.purgeRemovedSources();
    if (purged) this.logger.log(`Outbox sweep: search documents of ${purged} removed source(s) deleted`);
    if (unenriched.length || unindexed.length) {
      this.logger.log(`Outbox sweep: ${unenriched.length} item(s) not yet enriched, ${unindexed.length} source(s) not yet indexed`);
    }
  }

  /** One source at a time, each cleared once its documents are gone: an engine outage leaves the rest marked. */
  private async purgeRemovedSources(): Promise<number> {
    const pending = await this.sources.findSearchPurgePending(PURGES_PER_SWEEP);
    let purged = 0;
    try {
      for (const sourceId of pending) {
        await this.search.removeSource(sourceId);
        await this.sources.markSearchPurged(sourceId);
        purged += 1;
      }
    } catch (error) {
      this.logger.warn(`Search documents of ${pending.length - purged} removed source(s) left for the next sweep: ${(error as Error).message}`);
    }
    return purged;
  }
}
