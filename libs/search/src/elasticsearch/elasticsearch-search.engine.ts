import { type Client, errors, type estypes } from '@elastic/elasticsearch';
import { ITEM_TOTAL_EXACT_UP_TO } from '@vigil/contracts';
import { normalizeVietnamese, type SearchTermGroup, toSearchFields, toSearchTermGroups } from '@vigil/domain';
import type { SearchDocument, SearchEngine, SearchHits, SearchQuery } from '../search-engine';
import { ITEMS_INDEX_TEMPLATE, type ItemsIndexDocument } from './items-index-template';

export interface ElasticsearchSearchEngineOptions {
  /** Prepended to every index, alias and template name, e.g. "vigil-" → alias "vigil-items". */
  indexPrefix: string;
}

// Above catch-all templates (priority 0 by default): equal priorities on overlapping patterns are rejected.
const TEMPLATE_PRIORITY = 200;
// Enough to diagnose a failed bulk without turning one bad batch into a megabyte of error message.
const MAX_REPORTED_FAILURES = 5;

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
    if (documents.length === 0) return;
    const response = await this.client.bulk({
      index: this.alias,
      // Without prepare() a write would auto-create a concrete index named like the alias and block it for good.
      require_alias: true,
      operations: documents.flatMap((document) => [{ index: { _id: document.id } }, toIndexDocument(document)]),
    });
    if (response.errors) throw new Error(describeBulkFailures(response, documents.length));
  }

  async removeSource(sourceId: string): Promise<void> {
    // conflicts: proceed, so a document re-indexed meanwhile (an item's last edit) does not abort the deletion.
    await this.client.deleteByQuery({ index: this.alias, query: { term: { sourceId } }, conflicts: 'proceed', refresh: true });
  }

  async search(query: SearchQuery): Promise<SearchHits> {
    const groups = toSearchTermGroups(query.q);
    // Nothing left to match on (only punctuation or spaces): the PostgreSQL engine finds nothing either.
    if (groups.length === 0) return { ids: [], total: 0, totalIsEstimate: false };
    const response = await this.client.search({
      index: this.alias,
      query: {
        bool: {
          should: [
            // Recall: the folded fields match whatever diacritics, tone-mark placement or Unicode form was typed,
            // and English items match inflections through their stems; every query word is required.
            { bool: { must: groups.map(matchFolded) } },
            // Ranking: the original tokens kept by preserve_original lift items spelled exactly as typed.
            {
              multi_match: {
                query: normalizeVietnamese(query.q),
                fields: ['title^3', 'text'],
                type: 'cross_fields',
                operator: 'and',
              },
            },
          ],
          minimum_should_match: 1,
          filter: filtersOf(query),
        },
      },
      // id last so equal scores and dates still page deterministically.
      sort: [
        ...(query.sort === 'newest' ? [] : [{ _score: { order: 'desc' as const } }]),
        { publishedAt: { order: 'desc', missing: '_last' } },
        { id: { order: 'asc' } },
      ],
      from: query.offset,
      size: query.limit,
      // Counting stops here, as on PostgreSQL: an exact total of a huge result set costs and tells nothing.
      track_total_hits: ITEM_TOTAL_EXACT_UP_TO,
      _source: false,
    });
    return {
      ids: response.hits.hits.map((hit) => hit._id).filter((id): id is string => id !== undefined),
      ...totalOf(response.hits.total),
    };
  }

  async ping(): Promise<void> {
    // The client answers false instead of throwing when something other than Elasticsearch says 404.
    if (!(await this.client.ping())) throw new Error('Elasticsearch did not answer the ping');
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

function isResourceAlreadyExists(error: unknown): boolean {
  if (!(error instanceof errors.ResponseError)) return false;
  // The client types the body as any; it is Elasticsearch's JSON error, or a string from a proxy.
  const body = error.body as { error?: { type?: unknown } } | string | undefined;
  return typeof body === 'object' && body.error?.type === 'resource_already_exists_exception';
}
