import { accentedQuerySpellings, type ParsedSearchQuery, parseSearchQuery, requiredTokens, type SearchClause } from '@vigil/domain';
import type { ItemsRepository, NewestKey, RelevanceKey } from '@vigil/persistence';
import { invalidSearchCursor } from '../search-cursor';
import type { SearchAfterKey, SearchEngine, SearchHits, SearchQuery } from '../search-engine';

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
    const parsed = parseSearchQuery(query.q);
    const sort = query.sort ?? 'relevance';
    const after = query.after === undefined ? undefined : sort === 'newest' ? newestKeyOf(query.after) : relevanceKeyOf(query.after);
    if (parsed.required.length === 0) return { ids: [], total: 0, totalIsEstimate: false, next: null };
    const page = await this.items.searchFullText({
      tsquery: toTsquery(parsed),
      phrase: requiredTokens(parsed).join(' '),
      accented: accentedQuerySpellings(query.q),
      sourceId: query.sourceId,
      from: query.from,
      to: query.to,
      language: query.language,
      sort,
      limit: query.limit,
      offset: query.offset,
      after,
      facets: query.facets,
      nearMisses: parsed.excluded.length === 0 && parsed.required.every((alternatives) => alternatives.length === 1 && alternatives[0]!.kind === 'term'),
    });
    return { ids: page.ids, total: page.total, totalIsEstimate: page.totalIsEstimate, next: page.next && postgresKeyOf(page.next), facets: page.facets };
  }

  async rebuild(): Promise<null> {
    return null;
  }

  async ping(): Promise<void> {
    await this.items.ping();
  }
}

/**
 * The parsed query as to_tsquery('simple') text: groups AND-ed, alternatives OR-ed, a phrase as adjacent tokens
 * (<->), exclusions negated. Tokens are runs of letters and digits and stems ASCII ones, so nothing typed is
 * tsquery syntax. The last word also matches as a prefix when it stands alone, so results appear while it is typed.
 */
function toTsquery(parsed: ParsedSearchQuery): string {
  const last = parsed.required.length - 1;
  const required = parsed.required.map((alternatives, index) => {
    const prefix = index === last && alternatives.length === 1;
    return `(${alternatives.map((clause) => clauseTsquery(clause, prefix)).join(' | ')})`;
  });
  return [...required, ...parsed.excluded.map((clause) => `!(${clauseTsquery(clause, false)})`)].join(' & ');
}

function clauseTsquery(clause: SearchClause, prefix: boolean): string {
  if (clause.kind === 'phrase') return `(${clause.tokens.join(' <-> ')})`;
  const token = prefix ? `${clause.group.token}:*` : clause.group.token;
  return clause.group.stem === null ? token : `${token} | ${clause.group.stem}`;
}

// As PostgreSQL prints timestamptz (item-search-sql.ts KEY_COLUMNS), so a key never reaches SQL as something else.
const PRINTED_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The newest-first key of a cursor (also the list without a query): [publishedAt | null, fetchedAt, id]. */
export function newestKeyOf(key: SearchAfterKey): NewestKey {
  const [publishedAt, fetchedAt, id] = key;
  const valid = key.length === 3 && (publishedAt === null || isTimestamp(publishedAt)) && isTimestamp(fetchedAt) && typeof id === 'string' && UUID.test(id);
  if (!valid) throw invalidSearchCursor('its sort key is not a newest-first key');
  return { publishedAt: publishedAt as string | null, fetchedAt: fetchedAt as string, id: id as string };
}

function relevanceKeyOf(key: SearchAfterKey): RelevanceKey {
  const [rank, ...rest] = key;
  if (key.length !== 4 || typeof rank !== 'number' || !Number.isFinite(rank)) throw invalidSearchCursor('its sort key is not a relevance key');
  return { rank, ...newestKeyOf(rest) };
}

export function postgresKeyOf(key: NewestKey | RelevanceKey): SearchAfterKey {
  const newest = [key.publishedAt, key.fetchedAt, key.id];
  return 'rank' in key ? [key.rank, ...newest] : newest;
}

function isTimestamp(value: unknown): value is string {
  return typeof value === 'string' && PRINTED_TIMESTAMP.test(value);
}
