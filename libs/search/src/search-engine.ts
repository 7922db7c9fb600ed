import type { ItemFacets, ItemSort } from '@vigil/contracts';

/** What the search layer stores per item: already-normalised text from the collection pipeline. */
export interface SearchDocument {
  id: string;
  sourceId: string;
  title: string;
  /** Main text of the item (summary or extracted article text). */
  text: string;
  url: string;
  language: string | null;
  publishedAt: Date | null;
}

export interface SearchQuery {
  /** Free text typed by a user, any diacritics or none. */
  q: string;
  sourceId?: string;
  /** Published at or after (inclusive); a date range leaves undated items out. */
  from?: Date;
  /** Published before (exclusive). */
  to?: Date;
  language?: string;
  /** Default `relevance`. */
  sort?: ItemSort;
  limit: number;
  /** Items to skip; with `after`, how many were served before it (the page itself starts after the key). */
  offset: number;
  /** The page after the one a previous search answered with this key (`SearchHits.next`), under the same sort. */
  after?: SearchAfterKey;
  /** Count sources, languages and days (Asia/Ho_Chi_Minh) of the matches too. */
  facets?: boolean;
}

/**
 * Where the next page starts, in the engine's own sort key (opaque to everyone else; search-cursor.ts wraps it).
 * Each engine checks the shape of a key it is given and refuses a foreign one (search_cursor_invalid).
 */
export type SearchAfterKey = (string | number | null)[];

export interface SearchHits {
  /** Item ids, best match first (or newest first). */
  ids: string[];
  /** Exact up to ITEM_TOTAL_EXACT_UP_TO; beyond it that bound, with `totalIsEstimate` set. */
  total: number;
  totalIsEstimate: boolean;
  /** The sort key of the last hit when more follow; null on the last page (or when a short list pages by offset). */
  next: SearchAfterKey | null;
  /** When asked for. */
  facets?: ItemFacets;
}

/**
 * A new index version being filled beside the one in use (`vigil reindex`): searches and writes keep going to the
 * current one until complete() swaps the alias in one step.
 */
export interface IndexRebuild {
  /** The new index's name. */
  readonly target: string;
  add(documents: SearchDocument[]): Promise<void>;
  /** Makes the new index searchable, points the alias at it and deletes the versions it replaces. */
  complete(): Promise<void>;
  /** Deletes the new index; the alias stays where it was. */
  abandon(): Promise<void>;
}

/**
 * One port, two engines: PostgreSQL full-text search when no Elasticsearch is configured,
 * Elasticsearch otherwise. Both must fold Vietnamese diacritics the same way.
 */
export interface SearchEngine {
  readonly name: 'postgres' | 'elasticsearch';
  /**
   * False when the engine reads the items table itself (PostgreSQL): index() is then a no-op, so the indexer
   * skips reading the outbox at all.
   */
  readonly needsIndexing: boolean;
  /** Creates indexes/templates if missing. Idempotent. */
  prepare(): Promise<void>;
  /** Adds or replaces documents by id. Idempotent. */
  index(documents: SearchDocument[]): Promise<void>;
  /** Deletes every document of a source (removed with its items). Idempotent. */
  removeSource(sourceId: string): Promise<void>;
  search(query: SearchQuery): Promise<SearchHits>;
  /** Throws when the engine is unusable; used by the health check. */
  ping(): Promise<void>;
  /** Starts filling a new index version from scratch; null when the engine reads PostgreSQL itself (nothing to rebuild). */
  rebuild(): Promise<IndexRebuild | null>;
}

export const SEARCH_ENGINE = Symbol('SEARCH_ENGINE');
