import { ITEM_TOTAL_EXACT_UP_TO, type ItemFacets, type ItemSort } from '@vigil/contracts';
import { type BoundedTotal, filterConditions, type ItemFilters, NEAR_MISS_BELOW, NEAR_MISS_CANDIDATES, NEWEST_FIRST, RELEVANCE_CANDIDATES, SqlParameters } from './item-list-sql';

/** Where a keyset page starts: the sort key of the last item served, as PostgreSQL printed it (full precision). */
export interface NewestKey {
  publishedAt: string | null;
  fetchedAt: string;
  id: string;
}

export interface RelevanceKey extends NewestKey {
  rank: number;
}

export interface ItemPageRequest extends ItemFilters {
  limit: number;
  offset: number;
  /** The page after this item (keyset); `offset` is then how many were served before it and only sizes the window. */
  after?: NewestKey | RelevanceKey;
  /** Count sources, languages and days over the same rows the page is chosen from. */
  facets?: boolean;
}

export interface FullTextQuery extends ItemPageRequest {
  /** to_tsquery('simple') text built from the parsed query by the search engine; never raw user input. */
  tsquery: string;
  /** The folded words asked for, compared by trigram similarity with titles. */
  phrase: string;
  sort: ItemSort;
  /**
   * The query words typed with diacritics, each as the spellings that count as exact (NFC, as typed and in
   * classic tone placement, lower-case and capitalised). Relevance lifts candidates whose title or snippet holds
   * them above those that match only once folded: "vỡ" ranks "vỡ đê" above "vô sinh".
   */
  accented?: string[][];
  /** Titles that merely look like the query may follow few hits: only for plain words (no phrase, OR or exclusion to betray). */
  nearMisses: boolean;
}

export interface ItemIdPage extends BoundedTotal {
  ids: string[];
  /** The sort key of the page's last item when more follow; null on the last page or when a list is short enough to page by offset. */
  next: NewestKey | RelevanceKey | null;
  facets?: ItemFacets;
}

// Larger than ts_rank plus title similarity can reach, so each exactly spelt word outranks any folded-only match.
const EXACT_ACCENT_BONUS = 10;
const FACET_SIZE = 50;
const VIETNAM = 'Asia/Ho_Chi_Minh';
// Printed by PostgreSQL so a key goes back into SQL unchanged (a JS Date would drop microseconds). Named apart from
// the columns: an output name equal to a column would make ORDER BY sort the printed text, off the index.
export const KEY_COLUMNS = 'id, published_at::text AS key_published_at, fetched_at::text AS key_fetched_at';

export interface KeyColumnsRecord {
  id: string;
  key_published_at: string | null;
  key_fetched_at: string;
}

interface KeyRecord {
  id: string;
  published_at: string | null;
  fetched_at: string;
  rank?: number | null;
}

/** Rows after `key` in NEWEST_FIRST order (published_at DESC NULLS LAST, fetched_at DESC, id DESC). */
export function newestAfter(key: NewestKey, sql: SqlParameters): string {
  const rest = `(fetched_at, id) < (${sql.add(key.fetchedAt)}::timestamptz, ${sql.add(key.id)}::uuid)`;
  if (key.publishedAt === null) return `(published_at IS NULL AND ${rest})`;
  const published = `${sql.add(key.publishedAt)}::timestamptz`;
  return `(published_at < ${published} OR published_at IS NULL OR (published_at = ${published} AND ${rest}))`;
}

/** Counts by source, language and Vietnam calendar day over `rows` (a bounded set: the candidates of a page). */
export function facetColumns(rows: string): string {
  const counts = (value: string, where: string, order: string): string =>
    `(SELECT COALESCE(json_agg(json_build_object('value', value, 'count', count) ORDER BY ${order}), '[]'::json)
        FROM (SELECT ${value} AS value, count(*)::int AS count FROM ${rows} ${where} GROUP BY 1 ORDER BY ${order} LIMIT ${FACET_SIZE * 20}) AS bucket)`;
  return [
    `${counts('source_id::text', '', 'count DESC, value')} AS source_facets`,
    `${counts('language', 'WHERE language IS NOT NULL', 'count DESC, value')} AS language_facets`,
    `${counts(`to_char(published_at AT TIME ZONE '${VIETNAM}', 'YYYY-MM-DD')`, 'WHERE published_at IS NOT NULL', 'value')} AS day_facets`,
  ].join(', ');
}

export interface FacetRecord {
  source_facets: ItemFacets['sources'];
  language_facets: ItemFacets['languages'];
  day_facets: ItemFacets['days'];
}

export function toFacets(row: FacetRecord, partial: boolean): ItemFacets {
  return { sources: row.source_facets.slice(0, FACET_SIZE), languages: row.language_facets, days: row.day_facets, partial };
}

export function keyOfColumns(row: KeyColumnsRecord): NewestKey {
  return { publishedAt: row.key_published_at, fetchedAt: row.key_fetched_at, id: row.id };
}

export function toKey(row: KeyRecord): NewestKey | RelevanceKey {
  const key = { publishedAt: row.published_at, fetchedAt: row.fetched_at, id: row.id };
  return typeof row.rank === 'number' ? { ...key, rank: row.rank } : key;
}

type Run = (sql: string, parameters: unknown[]) => Promise<unknown[]>;

/** How search runs its statements: `fromTableStart` for a scan that stops early, which must see the same rows each time. */
export interface SearchRunners {
  run: Run;
  /**
   * Runs a statement whose scan stops at a LIMIT without an order from its first page: PostgreSQL's synchronized
   * scans would start it where the last scan of the table stopped, so each call would read other rows.
   */
  fromTableStart: Run;
}

/**
 * PostgreSQL full-text search over item_search (GIN on search_vector). One scan takes the newest matches, one more
 * than the exact-total bound (more to reach a deep page): their number is the total, facets are counted over them,
 * and relevance ranks the newest RELEVANCE_CANDIDATES of them (or as many as reach the page) instead of every match.
 * Newest first after a key starts the scan at the key (keyset); relevance after a key keeps the window of the
 * pages before it and continues inside it. When full text finds almost nothing, near-misses by title trigram
 * similarity follow the hits (a short list, paged by offset).
 */
export async function searchFullText({ run, fromTableStart }: SearchRunners, query: FullTextQuery): Promise<ItemIdPage> {
  const keysetScan = query.sort === 'newest' && query.after !== undefined;
  const candidates = keysetScan ? ITEM_TOTAL_EXACT_UP_TO + 1 : Math.max(ITEM_TOTAL_EXACT_UP_TO + 1, query.offset + query.limit);
  const first = await fullTextPage(run, query, keysetScan ? 0 : query.offset, query.limit, candidates);
  const served = keysetScan ? query.offset : 0;
  const facets = first.facets ? toFacets(first.facets, first.matched >= candidates) : undefined;
  if (first.matched >= candidates) return { ids: first.ids, total: served + ITEM_TOTAL_EXACT_UP_TO, totalIsEstimate: true, next: nextKey(first, query.limit), facets };
  if (first.matched >= NEAR_MISS_BELOW || query.after !== undefined || !query.nearMisses) {
    const more = first.rows.length === query.limit && first.matched > (keysetScan ? query.limit : query.offset + query.limit);
    return { ids: first.ids, total: served + first.matched, totalIsEstimate: false, next: more ? toKey(first.rows[first.rows.length - 1]!) : null, facets };
  }
  const hits = query.offset === 0 && first.ids.length === first.matched ? first.ids : (await fullTextPage(run, { ...query, facets: false }, 0, NEAR_MISS_BELOW, NEAR_MISS_BELOW)).ids;
  const listed = [...hits, ...(await titleNearMisses(fromTableStart, query))];
  return { ids: listed.slice(query.offset, query.offset + query.limit), total: listed.length, totalIsEstimate: false, next: null, facets };
}

function nextKey(page: { rows: KeyRecord[] }, limit: number): NewestKey | RelevanceKey | null {
  return page.rows.length === limit ? toKey(page.rows[page.rows.length - 1]!) : null;
}

interface CandidatePage {
  matched: number;
  rows: KeyRecord[];
  ids: string[];
  facets: FacetRecord | null;
}

/** How many of the newest `candidates` matches there are, one page of them in the query's order, and their facets. */
async function fullTextPage(run: Run, query: FullTextQuery, offset: number, limit: number, candidates: number): Promise<CandidatePage> {
  const sql = new SqlParameters();
  const tsquery = sql.add(query.tsquery);
  const conditions = [`search_vector @@ to_tsquery('simple', ${tsquery})`, ...filterConditions(query, sql)];
  if (query.sort === 'newest' && query.after) conditions.push(newestAfter(query.after, sql));
  const page = `LIMIT ${sql.add(limit)} OFFSET ${sql.add(query.after ? 0 : offset)}`;
  const pageOfCandidates =
    query.sort === 'newest'
      ? `SELECT id, published_at, fetched_at, NULL::float8 AS rank FROM candidate ORDER BY ${NEWEST_FIRST} ${page}`
      : rankedPageSql(query, sql, tsquery, offset + limit, page);
  const [row] = (await run(
    `WITH candidate AS MATERIALIZED (
       SELECT id, source_id, language, published_at, fetched_at, ctid AS search_row FROM item_search WHERE ${conditions.join(' AND ')}
        ORDER BY ${NEWEST_FIRST} LIMIT ${sql.add(candidates)})
     SELECT (SELECT count(*)::int FROM candidate) AS matched,
            (SELECT COALESCE(json_agg(json_build_object('id', id::text, 'published_at', published_at::text, 'fetched_at', fetched_at::text, 'rank', rank)), '[]'::json)
               FROM (${pageOfCandidates}) AS hit) AS rows
            ${query.facets ? `, ${facetColumns('candidate')}` : ''}`,
    sql.values,
  )) as ({ matched: number; rows: KeyRecord[] } & FacetRecord)[];
  return { matched: row!.matched, rows: row!.rows, ids: row!.rows.map((hit) => hit.id), facets: query.facets ? row! : null };
}

/**
 * The relevance order of the newest RELEVANCE_CANDIDATES (or enough to reach the page). Only they read what ranking
 * needs: their tsvector and folded title, and with accents typed, their item's title and snippet (by primary key).
 * The rank is float8 so a key read back compares equal to the row it came from.
 */
function rankedPageSql(query: FullTextQuery, sql: SqlParameters, tsquery: string, reach: number, page: string): string {
  const accented = query.accented ?? [];
  // The accented spellings are read from the candidates' own title and snippet (never a separate index).
  const bonus = accented
    .map((spellings) => ` + (CASE WHEN EXISTS (SELECT 1 FROM unnest(${sql.add(spellings)}::text[]) AS spelling WHERE strpos(accent_text, spelling) > 0) THEN ${EXACT_ACCENT_BONUS} ELSE 0 END)`)
    .join('');
  const newest = `SELECT * FROM candidate ORDER BY ${NEWEST_FIRST} LIMIT ${sql.add(Math.max(RELEVANCE_CANDIDATES, reach))}`;
  const accents = bonus ? [`, items.title || ' ' || items.snippet AS accent_text`, `JOIN items ON items.id = newest.id`] : ['', ''];
  // Back to the search rows the scan found by their tuple id (ctid, stable within the statement's snapshot): one
  // page read each instead of a primary-key descent.
  const joined = `SELECT newest.*, search.search_vector, search.search_title${accents[0]}
                    FROM (${newest}) AS newest JOIN item_search search ON search.ctid = newest.search_row ${accents[1]}`;
  const ranked = `SELECT id, published_at, fetched_at,
                         (ts_rank(search_vector, to_tsquery('simple', ${tsquery})) + similarity(search_title, ${sql.add(query.phrase)})${bonus})::float8 AS rank
                    FROM (${joined}) AS joined`;
  const after = query.after && 'rank' in query.after ? `WHERE rank < ${sql.add(query.after.rank)}::float8 OR (rank = $${sql.values.length}::float8 AND ${newestAfter(query.after, sql)})` : '';
  return `SELECT * FROM (${ranked}) AS ranked ${after} ORDER BY rank DESC, ${NEWEST_FIRST} ${page}`;
}

/** Items whose title looks like the query (pg_trgm `%`) without matching it word for word; best first. */
async function titleNearMisses(run: Run, query: FullTextQuery): Promise<string[]> {
  const sql = new SqlParameters();
  const tsquery = sql.add(query.tsquery);
  const phrase = sql.add(query.phrase);
  const filters = filterConditions(query, sql)
    .map((condition) => `AND ${condition}`)
    .join(' ');
  const rows = (await run(
    `SELECT id FROM (SELECT id, search_title, published_at, fetched_at FROM item_search
                      WHERE search_title % ${phrase} AND NOT (search_vector @@ to_tsquery('simple', ${tsquery})) ${filters}
                      LIMIT ${NEAR_MISS_CANDIDATES}) AS near
      ORDER BY similarity(search_title, ${phrase}) DESC, ${NEWEST_FIRST}`,
    sql.values,
  )) as { id: string }[];
  return rows.map((row) => row.id);
}
