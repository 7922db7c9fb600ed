import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@vigil/domain';
import { ItemsRepository } from '@vigil/persistence';
import { SEARCH_ENGINE, type SearchEngine } from '@vigil/search';
import { SearchIndexer, toSearchDocument } from './search-indexer';

const REBUILD_BATCH = 1000;
// Longer than one bulk request takes: a write to the old index that was in flight at the swap has been marked by then.
const IN_FLIGHT_GRACE_MS = 5000;
const OUTBOX_SOURCES = 1000;

export interface ReindexProgress {
  done: number;
  total: number;
}

export interface ReindexResult {
  engine: SearchEngine['name'];
  /** The new index (null when the engine reads PostgreSQL itself and there was nothing to rebuild). */
  index: string | null;
  items: number;
  /** Versions written to the old index while the copy ran, sent again to the new one. */
  resent: number;
}

/**
 * Rebuilds the search index from PostgreSQL, the source of truth (`vigil reindex`): a new index version is filled
 * beside the one in use, then the alias swaps in one step, so search never goes blind. Nothing is lost to writes
 * made meanwhile: every version indexed since the copy began goes back to the outbox and is sent again.
 */
@Injectable()
export class SearchReindexer {
  constructor(
    private readonly items: ItemsRepository,
    private readonly indexer: SearchIndexer,
    @Inject(SEARCH_ENGINE) private readonly search: SearchEngine,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async reindex(onProgress: (progress: ReindexProgress) => void = () => undefined, options: { graceMs?: number } = {}): Promise<ReindexResult> {
    const rebuild = await this.search.rebuild();
    if (!rebuild) return { engine: this.search.name, index: null, items: 0, resent: 0 };
    const startedAt = this.clock.now();
    const total = await this.items.countIndexable();
    let done = 0;
    try {
      let after: string | null = null;
      for (;;) {
        const page = await this.items.indexableAfter(after, REBUILD_BATCH);
        if (page.length === 0) break;
        await rebuild.add(page.map(({ item }) => toSearchDocument(item)));
        // Just before the copy began: the resend below (versions indexed since then) leaves these alone.
        await this.items.markCopied(page.map(({ item, rowVersion }) => ({ id: item.id, rowVersion })), new Date(startedAt.getTime() - 1));
        done += page.length;
        after = page[page.length - 1]!.item.id;
        onProgress({ done, total: Math.max(total, done) });
      }
      await rebuild.complete();
    } catch (error) {
      await rebuild.abandon();
      throw error;
    }
    let resent = await this.items.unmarkIndexedSince(startedAt);
    await sleep(options.graceMs ?? IN_FLIGHT_GRACE_MS);
    resent += await this.items.unmarkIndexedSince(startedAt);
    await this.drainOutbox();
    return { engine: this.search.name, index: rebuild.target, items: done, resent };
  }

  /** Sends the outbox now rather than at the ingestors' next sweep (there may be none running). */
  private async drainOutbox(): Promise<void> {
    for (;;) {
      const sources = await this.items.findSourcesWithUnindexed(OUTBOX_SOURCES);
      if (sources.length === 0) return;
      for (const sourceId of sources) await this.indexer.indexPending(sourceId);
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
