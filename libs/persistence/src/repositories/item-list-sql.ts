import type { ItemEntity } from '../entities/item.entity';

/** SQL pieces of the item lists and full-text search (ItemsRepository): one order, one filter, summary columns. */

/** What a list shows of an item: never its text, which can be a whole article. */
export type ItemSummaryRow = Pick<ItemEntity, 'id' | 'sourceId' | 'title' | 'url' | 'publishedAt' | 'language' | 'snippet'>;

/** A list row: the summary plus the triage flags and its source, read for a whole page in one statement (LIST_ENTRY_COLUMNS). */
export interface ItemListRow extends ItemSummaryRow {
  edited: boolean;
  removed: boolean;
  storyId: string | null;
  storySize: number;
  /** The source's name, removed sources too (an empty name if its row is gone). */
  sourceName: string;
  sourceRemoved: boolean;
}

/** What every item list can be narrowed by; a date range reads published_at, so undated items fall outside it. */
export interface ItemFilters {
  sourceId?: string;
  /** Published at or after (inclusive). */
  from?: Date;
  /** Published before (exclusive). */
  to?: Date;
  language?: string;
}

export interface BoundedTotal {
  /** Exact up to ITEM_TOTAL_EXACT_UP_TO; beyond it that bound, with `totalIsEstimate` set. */
  total: number;
  totalIsEstimate: boolean;
}

export const SUMMARY_COLUMNS = 'id, source_id, title, url, published_at, language, snippet';
// The order of items_newest_idx / items_source_newest_idx, so a page of newest items is a short index walk.
export const NEWEST_FIRST = 'published_at DESC NULLS LAST, fetched_at DESC, id DESC';
// Relevance ranks the newest this-many matches (more to reach a deep page): ts_rank reads each whole vector.
export const RELEVANCE_CANDIDATES = 200;
// With fewer full-text hits than this, titles that merely look like the query (trigrams) are listed after them.
export const NEAR_MISS_BELOW = 10;
export const NEAR_MISS_CANDIDATES = 100;

// Per-row subqueries over item_events (item_id index), items (story_id index) and sources (primary key): run only for the listed page's ids.
export const LIST_ENTRY_COLUMNS = `${SUMMARY_COLUMNS}, story_id,
  EXISTS (SELECT 1 FROM item_events event WHERE event.item_id = items.id AND event.kind = 'item.changed') AS edited,
  (removed_at IS NOT NULL OR EXISTS (SELECT 1 FROM item_events event WHERE event.item_id = items.id AND event.kind = 'item.removed')) AS removed,
  CASE WHEN story_id IS NULL THEN 1 ELSE (SELECT count(*)::int FROM items story WHERE story.story_id = items.story_id) END AS story_size,
  COALESCE((SELECT name FROM sources WHERE sources.id = items.source_id), '') AS source_name,
  COALESCE((SELECT removed_at IS NOT NULL FROM sources WHERE sources.id = items.source_id), true) AS source_removed`;

export interface SummaryRecord {
  id: string;
  source_id: string;
  title: string;
  url: string;
  published_at: Date | null;
  language: string | null;
  snippet: string;
}

export function toSummaryRow(row: SummaryRecord): ItemSummaryRow {
  return {
    id: row.id,
    sourceId: row.source_id,
    title: row.title,
    url: row.url,
    publishedAt: row.published_at,
    language: row.language,
    snippet: row.snippet,
  };
}

export interface ListEntryRecord extends SummaryRecord {
  story_id: string | null;
  edited: boolean;
  removed: boolean;
  story_size: number;
  source_name: string;
  source_removed: boolean;
}

/** The summary with the list's fields assigned, not spread: on this V8 each field after a spread costs ~1 µs, per row. */
export function toListRow(row: ListEntryRecord): ItemListRow {
  return Object.assign(toSummaryRow(row), {
    edited: row.edited,
    removed: row.removed,
    storyId: row.story_id,
    storySize: row.story_size,
    sourceName: row.source_name,
    sourceRemoved: row.source_removed,
  });
}

/** Numbered placeholders ($1, $2, …) and their values, in the order they are added. */
export class SqlParameters {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The filters as SQL conditions, exact copies always left out. */
export function filterConditions(filters: ItemFilters, sql: SqlParameters): string[] {
  const conditions: string[] = [];
  if (filters.sourceId) conditions.push(`source_id = ${sql.add(filters.sourceId)}`);
  if (filters.from) conditions.push(`published_at >= ${sql.add(filters.from)}`);
  if (filters.to) conditions.push(`published_at < ${sql.add(filters.to)}`);
  if (filters.language) conditions.push(`language = ${sql.add(filters.language)}`);
  // An exact copy of another source's item is listed behind its original (in its story), not beside it.
  conditions.push('id NOT IN (SELECT id FROM items WHERE copy_of IS NOT NULL)');
  return conditions;
}
