import type { ItemEntity } from '../entities/item.entity';

/** SQL pieces of the item lists and full-text search (ItemsRepository): one order, one filter, summary columns. */

/** What a list shows of an item: never its text, which can be a whole article. */
export type ItemSummaryRow = Pick<ItemEntity, 'id' | 'sourceId' | 'title' | 'url' | 'publishedAt' | 'language' | 'snippet'>;

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

/** Numbered placeholders ($1, $2, …) and their values, in the order they are added. */
export class SqlParameters {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export interface SearchTerms {
  groups: { token: string; stem: string | null }[];
  sourceId?: string;
}

/** The full-text filter; its tsquery is always the first parameter, which the ranking refers to as $1. */
export function fullTextWhere(query: SearchTerms, sql: SqlParameters): string {
  const tsquery = sql.add(toTsquery(query.groups));
  const source = query.sourceId ? ` AND source_id = ${sql.add(query.sourceId)}` : '';
  return `WHERE search_vector @@ to_tsquery('simple', ${tsquery})${source}`;
}

// Tokens are runs of letters and digits and stems ASCII ones, so nothing here is tsquery syntax.
export function toTsquery(groups: SearchTerms['groups']): string {
  return groups
    .map(({ token, stem }, index) => {
      const folded = index === groups.length - 1 ? `${token}:*` : token;
      return stem === null ? folded : `(${folded} | ${stem})`;
    })
    .join(' & ');
}

export function phraseOf(query: SearchTerms): string {
  return query.groups.map(({ token }) => token).join(' ');
}
