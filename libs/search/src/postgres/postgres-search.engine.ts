import { accentedQuerySpellings, toSearchTermGroups } from '@vigil/domain';
import type { ItemsRepository } from '@vigil/persistence';
import type { SearchEngine, SearchHits, SearchQuery } from '../search-engine';

/** Search served by PostgreSQL itself: each item's search row (item_search) carries its folded title and tsvector. */
export class PostgresSearchEngine implements SearchEngine {
  readonly name = 'postgres' as const;
  readonly needsIndexing = false;

  constructor(private readonly items: ItemsRepository) {}

  async prepare(): Promise<void> {
    // The migrations create item_search, its GIN and trigram indexes and the triggers that fill it.
  }

  async index(): Promise<void> {
    // Nothing to copy: the statement that stores an item writes its search row too (a trigger on items).
  }

  async removeSource(): Promise<void> {
    // Nothing to delete: the search rows go with the items they belong to.
  }

  async search(query: SearchQuery): Promise<SearchHits> {
    const groups = toSearchTermGroups(query.q);
    if (groups.length === 0) return { ids: [], total: 0, totalIsEstimate: false };
    return this.items.searchFullText({
      groups,
      accented: accentedQuerySpellings(query.q),
      sourceId: query.sourceId,
      from: query.from,
      to: query.to,
      language: query.language,
      sort: query.sort ?? 'relevance',
      limit: query.limit,
      offset: query.offset,
    });
  }

  async rebuild(): Promise<null> {
    return null;
  }

  async ping(): Promise<void> {
    await this.items.ping();
  }
}
