import { type Client, errors, type estypes } from '@elastic/elasticsearch';
import { ITEM_TOTAL_EXACT_UP_TO, VigilError } from '@vigil/contracts';
import { accentedQuerySpellings, normalizeVietnamese, parseSearchQuery, type SearchClause, type SearchTermGroup, toSearchFields } from '@vigil/domain';
import type { IndexRebuild, SearchAfterKey, SearchDocument, SearchEngine, SearchHits, SearchQuery } from '../search-engine';
import { FACET_AGGREGATIONS, facetsOf, searchAfterOf, UNDATED_SORTS_AS } from './elasticsearch-search-parts';
import { ITEMS_INDEX_TEMPLATE, type ItemsIndexDocument } from './items-index-template';

export interface ElasticsearchSearchEngineOptions {
  /** Prepended to every index, alias and template name, e.g. "vigil-" → alias "vigil-items". */
  indexPrefix: string;
}

// Above catch-all templates (priority 0 by default): equal priorities on overlapping patterns are rejected.
const TEMPLATE_PRIORITY = 200;
// Enough to diagnose a failed bulk without turning one bad batch into a megabyte of error message.
const MAX_REPORTED_FAILURES = 5;
const REMOVE_BATCH = 1000;

/**
 * Items live in versioned indices (`<prefix>items-v1`, `-v2`, …) behind the alias `<prefix>items`;
 * every read and write goes through the alias, so a mapping change is a new index plus an alias swap.
 */
export class ElasticsearchSearchEngine implements SearchEngine {
  readonly name = 'elasticsearch';
  readonly needsIndexing = true;
  private readonly alias: string;

  constructor(
    private readonly client: Client,
    options: ElasticsearchSearchEngineOptions,
  ) {
    this.alias = `${options.indexPrefix}items`;
  }

  async prepare(): Promise<void> {
    // Always (re)put the template: it only affects indices created later, and keeps the next version current.
    await this.client.indices.putIndexTemplate({
      name: this.alias,
      index_patterns: [`${this.alias}-*`],
      priority: TEMPLATE_PRIORITY,
      template: ITEMS_INDEX_TEMPLATE,
    });
    if (await this.client.indices.existsAlias({ name: this.alias })) return;
    try {
      await this.client.indices.create({ index: `${this.alias}-v1`, aliases: { [this.alias]: {} } });
    } catch (error) {
      // Another replica may have won the race; that is only fine if it also attached the alias.
      const raced = isResourceAlreadyExists(error) && (await this.client.indices.existsAlias({ name: this.alias }));
      if (!raced) throw error;
    }
  }

  async index(documents: SearchDocument[]): Promise<void> {
    // Without prepare() a write would auto-create a concrete index named like the alias and block it for good.
    await this.bulkIndex(this.alias, documents, true);
  }

  async rebuild(): Promise<IndexRebuild> {
    await this.prepare();
    const current = Object.keys(await this.client.indices.getAlias({ name: this.alias }));
    const versions = (await this.client.indices.get({ index: `${this.alias}-v*`, allow_no_indices: true })) as Record<string, unknown>;
    const next = Math.max(0, ...Object.keys(versions).map((name) => Number(/-v(\d+)$/.exec(name)?.[1] ?? 0))) + 1;
    const target = `${this.alias}-v${next}`;
    // The template gives it the current mappings; no refreshes while it fills (nothing searches it yet).
    await this.client.indices.create({ index: target, settings: { refresh_interval: '-1' } });
    return {
      target,
      add: (documents) => this.bulkIndex(target, documents, false),
      complete: async () => {
        // Back to Elasticsearch's default once filled.
        await this.client.indices.putSettings({ index: target, settings: { refresh_interval: '1s' } });
        await this.client.indices.refresh({ index: target });
        // One request, so every search and write finds exactly one index behind the alias.
        await this.client.indices.updateAliases({ actions: [...current.map((index) => ({ remove: { index, alias: this.alias } })), { add: { index: target, alias: this.alias } }] });
        if (current.length > 0) await this.client.indices.delete({ index: current.join(','), ignore_unavailable: true });
      },
      abandon: async () => {
        await this.client.indices.delete({ index: target, ignore_unavailable: true });
      },
    };
  }

  private async bulkIndex(index: string, documents: SearchDocument[], requireAlias: boolean): Promise<void> {
    if (documents.length === 0) return;
    const response = await this.client.bulk({
      index,
      require_alias: requireAlias,
      operations: documents.flatMap((document) => [{ index: { _id: document.id } }, toIndexDocument(document)]),
    });
    if (response.errors) throw new Error(describeBulkFailures(response, documents.length));
  }

  async removeSource(sourceId: string): Promise<void> {
    // Found by id order and deleted in bulk, not with _delete_by_query: that needs the reindex module, which the
    // stripped test distribution lacks. Deleting a document already gone (404) is fine: removal is idempotent.
    let after: estypes.SortResults | undefined;
    for (;;) {
      const page = await this.client.search({
        index: this.alias,
        query: { term: { sourceId } },
        sort: [{ id: { order: 'asc' } }],
        size: REMOVE_BATCH,
        _source: false,
        ...(after ? { search_after: after } : {}),
      });
      const hits = page.hits.hits;
      if (hits.length === 0) break;
      const response = await this.client.bulk({ index: this.alias, operations: hits.map((hit) => ({ delete: { _id: hit._id } })) });
      const failed = response.items.filter((item) => item.delete?.error && item.delete.status !== 404);
      if (failed.length > 0) throw new Error(describeBulkFailures({ ...response, items: failed }, hits.length));
      after = hits[hits.length - 1]!.sort;
    }
    await this.client.indices.refresh({ index: this.alias });
  }

  async search(query: SearchQuery): Promise<SearchHits> {
    const parsed = parseSearchQuery(query.q);
    const sort = query.sort ?? 'relevance';
    const after = query.after === undefined ? undefined : searchAfterOf(query.after, sort);
    // Nothing left to require (only punctuation, spaces or exclusions): the PostgreSQL engine finds nothing either.
    if (parsed.required.length === 0) return { ids: [], total: 0, totalIsEstimate: false, next: null };
    const response = await this.client.search({
      index: this.alias,
      query: {
        bool: {
          // Recall: the folded fields match whatever diacritics, tone-mark placement or Unicode form was typed,
          // and English items match inflections through their stems; every required part must match.
          must: parsed.required.map(matchAnyOf),
          must_not: parsed.excluded.map(matchClause),
          // Ranking only (must is never empty here): items spelled exactly as the words typed with diacritics rise;
          // words typed without marks mean "any accent" and add nothing, as on PostgreSQL.
          should: exactSpellingBoost(query.q),
          filter: filtersOf(query),
        },
      },
      // id last so equal scores and dates still page deterministically, descending as PostgreSQL's NEWEST_FIRST
      // breaks ties (which has fetched_at before it: not indexed, so only items fetched together tie alike).
      sort: [
        ...(sort === 'newest' ? [] : [{ _score: { order: 'desc' as const } }]),
        { publishedAt: { order: 'desc', missing: UNDATED_SORTS_AS } },
        { id: { order: 'desc' } },
      ],
      // After a key the page starts there (search_after), however deep; offsets serve the first pages.
      ...(after ? { search_after: after } : { from: query.offset }),
      size: query.limit,
      // Counting stops here, as on PostgreSQL: an exact total of a huge result set costs and tells nothing.
      track_total_hits: ITEM_TOTAL_EXACT_UP_TO,
      ...(query.facets ? { aggs: FACET_AGGREGATIONS } : {}),
      _source: false,
    }).catch((error: unknown) => {
      throw asUnavailable(error);
    });
    const hits = response.hits.hits;
    const total = totalOf(response.hits.total);
    const served = query.offset + hits.length;
    const more = hits.length === query.limit && (total.totalIsEstimate || served < total.total);
    return {
      ids: hits.map((hit) => hit._id).filter((id): id is string => id !== undefined),
      ...total,
      next: more ? (hits[hits.length - 1]!.sort as SearchAfterKey) : null,
      ...(query.facets ? { facets: facetsOf(response.aggregations) } : {}),
    };
  }

  async ping(): Promise<void> {
    // Cluster health rather than HEAD /: it needs no optional module and a red cluster cannot serve searches.
    const health = await this.client.cluster.health({ timeout: '2s' });
    if (health.status === 'red') throw new Error(`Elasticsearch cluster ${health.cluster_name} is red`);
  }

  /** Deletes every index version behind the alias and the template; for tests and decommissioning an office. */
  async drop(): Promise<void> {
    await this.client.indices.delete({ index: `${this.alias}-*`, ignore_unavailable: true, allow_no_indices: true });
    await this.client.indices.deleteIndexTemplate({ name: this.alias }, { ignore: [404] });
  }

  /** Makes everything indexed so far searchable; for tests and operators, never called per write. */
  async refresh(): Promise<void> {
    await this.client.indices.refresh({ index: this.alias });
  }
}

function filtersOf(query: SearchQuery): estypes.QueryDslQueryContainer[] {
  const filters: estypes.QueryDslQueryContainer[] = [];
  if (query.sourceId !== undefined) filters.push({ term: { sourceId: query.sourceId } });
  if (query.language !== undefined) filters.push({ term: { language: query.language } });
  if (query.from !== undefined || query.to !== undefined) {
    filters.push({ range: { publishedAt: { ...(query.from ? { gte: query.from.toISOString() } : {}), ...(query.to ? { lt: query.to.toISOString() } : {}) } } });
  }
  return filters;
}

function exactSpellingBoost(q: string): estypes.QueryDslQueryContainer[] {
  const accented = accentedQuerySpellings(q).map((forms) => normalizeVietnamese(forms[0]!));
  if (accented.length === 0) return [];
  return [{ multi_match: { query: accented.join(' '), fields: ['title^3', 'text'], type: 'cross_fields', operator: 'and' } }];
}

function matchAnyOf(alternatives: SearchClause[]): estypes.QueryDslQueryContainer {
  return alternatives.length === 1 ? matchClause(alternatives[0]!) : { bool: { should: alternatives.map(matchClause), minimum_should_match: 1 } };
}

function matchClause(clause: SearchClause): estypes.QueryDslQueryContainer {
  if (clause.kind === 'term') return matchFolded(clause.group);
  // Adjacent folded tokens in one field, as PostgreSQL's <-> over the item's folded words.
  const phrase = clause.tokens.join(' ');
  return { bool: { should: [{ match_phrase: { titleFolded: { query: phrase, boost: 3 } } }, { match_phrase: { textFolded: phrase } }], minimum_should_match: 1 } };
}

function matchFolded({ token, stem }: SearchTermGroup): estypes.QueryDslQueryContainer {
  const terms = stem === null ? [token] : [token, stem];
  return {
    bool: {
      should: terms.map((term) => ({
        multi_match: { query: term, fields: ['titleFolded^3', 'textFolded'], type: 'cross_fields', operator: 'and' },
      })),
      minimum_should_match: 1,
    },
  };
}

function toIndexDocument(document: SearchDocument): ItemsIndexDocument {
  const folded = toSearchFields(document);
  return {
    id: document.id,
    sourceId: document.sourceId,
    // Stored verbatim; the ranking fields are compared with the query in one Unicode form and tone placement.
    title: normalizeVietnamese(document.title),
    text: normalizeVietnamese(document.text),
    titleFolded: folded.title,
    textFolded: folded.text,
    url: document.url,
    language: document.language,
    publishedAt: document.publishedAt?.toISOString() ?? null,
  };
}

function describeBulkFailures(response: estypes.BulkResponse, attempted: number): string {
  const failures: string[] = [];
  for (const item of response.items) {
    for (const result of Object.values(item)) {
      if (result?.error) {
        const reason = result.error.reason ? ` (${result.error.reason})` : '';
        failures.push(`${result._id ?? '?'}: ${result.status} ${result.error.type}${reason}`);
      }
    }
  }
  const listed = failures.slice(0, MAX_REPORTED_FAILURES).join('; ');
  const more = failures.length > MAX_REPORTED_FAILURES ? `; and ${failures.length - MAX_REPORTED_FAILURES} more` : '';
  return `Elasticsearch rejected ${failures.length} of ${attempted} documents: ${listed}${more}`;
}

function totalOf(total: estypes.SearchHitsMetadata['total']): Pick<SearchHits, 'total' | 'totalIsEstimate'> {
  if (typeof total === 'number') return { total, totalIsEstimate: false };
  return { total: total?.value ?? 0, totalIsEstimate: total?.relation === 'gte' };
}

// What a client is told to wait before searching again while the cluster is away.
const SEARCH_RETRY_AFTER_SEC = 5;

/** A cluster that cannot be reached or cannot answer is an outage (503), not a bug in the request (500). */
function asUnavailable(error: unknown): unknown {
  const unreachable = error instanceof errors.ConnectionError || error instanceof errors.TimeoutError || error instanceof errors.NoLivingConnectionsError;
  const failing = error instanceof errors.ResponseError && (error.statusCode ?? 0) >= 500;
  if (!unreachable && !failing) return error;
  return new VigilError('dependency_unavailable', 'The search engine cannot be reached; try again shortly.', {
    details: { dependency: 'search', retryAfterSec: SEARCH_RETRY_AFTER_SEC },
    cause: error,
  });
}

function isResourceAlreadyExists(error: unknown): boolean {
  if (!(error instanceof errors.ResponseError)) return false;
  // The client types the body as any; it is Elasticsearch's JSON error, or a string from a proxy.
  const body = error.body as { error?: { type?: unknown } } | string | undefined;
  return typeof body === 'object' && body.error?.type === 'resource_already_exists_exception';
}
