import { Inject, Injectable, Logger } from '@nestjs/common';
import { CLOCK, type Clock } from '@vigil/domain';
import { type ItemEnrichment, type ItemEntity, ItemsRepository } from '@vigil/persistence';
import { SEARCH_ENGINE, type SearchDocument, type SearchEngine } from '@vigil/search';

const INDEX_BATCH = 500;

/**
 * Drains a source's index outbox: every item whose current version the search engine lacks (indexed_at null).
 * If the engine is down the items stay pending and the next job for the source sends them.
 */
@Injectable()
export class SearchIndexer {
  private readonly logger = new Logger(SearchIndexer.name);

  constructor(
    private readonly items: ItemsRepository,
    @Inject(SEARCH_ENGINE) private readonly search: SearchEngine,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async indexPending(sourceId: string): Promise<void> {
    // PostgreSQL search reads the items table itself: the outbox is never drained, so it is not read either.
    if (!this.search.needsIndexing) return;
    for (;;) {
      const pending = await this.items.findUnindexed(sourceId, INDEX_BATCH);
      if (pending.length === 0) return;
      await this.search.index(pending.map(toSearchDocument));
      await this.items.markIndexed(pending.map((item) => item.id), this.clock.now());
    }
  }

  /**
   * Sends one item's new version to the engine before the write that stores it, so that one write also marks it
   * indexed: answers when the engine took it, or null when the engine reads the items table itself or is down
   * (the item then stays in the outbox for indexPending). The enriched version is assembled only for an engine that
   * takes it: merging the two objects costs ~20 µs per item on this V8.
   */
  async indexBeforeWrite(item: ItemEntity, enrichment?: ItemEnrichment): Promise<Date | null> {
    if (!this.search.needsIndexing) return null;
    try {
      await this.search.index([toSearchDocument(enrichment ? { ...item, ...enrichment } : item)]);
      return this.clock.now();
    } catch (error) {
      this.logger.warn(`Item ${item.id} left for the index outbox: ${(error as Error).message}`);
      return null;
    }
  }
}

export function toSearchDocument(item: ItemEntity): SearchDocument {
  return {
    id: item.id,
    sourceId: item.sourceId,
    title: item.title,
    text: item.text,
    url: item.url,
    language: item.language,
    publishedAt: item.publishedAt,
  };
}
