import type { estypes } from '@elastic/elasticsearch';
import type { ItemFacets, ItemSort } from '@vigil/contracts';
import { invalidSearchCursor } from '../search-cursor';
import type { SearchAfterKey } from '../search-engine';

const FACET_SIZE = 50;
/**
 * The sort value of an undated item: 0001-01-01, after every real date when newest first. An explicit value rather
 * than `_last`, whose stand-in (-2^63) the date field cannot parse back from a search_after key.
 */
export const UNDATED_SORTS_AS = -62_135_596_800_000;
// Ties in count ordered by value, as PostgreSQL orders its facet buckets.
const BY_COUNT = [{ _count: 'desc' as const }, { _key: 'asc' as const }];

/** Counts by source, language and calendar day in Vietnam, over every match of the query and filters. */
export const FACET_AGGREGATIONS: Record<string, estypes.AggregationsAggregationContainer> = {
  sources: { terms: { field: 'sourceId', size: FACET_SIZE, order: BY_COUNT } },
  languages: { terms: { field: 'language', size: FACET_SIZE, order: BY_COUNT } },
  days: { date_histogram: { field: 'publishedAt', calendar_interval: 'day', time_zone: 'Asia/Ho_Chi_Minh', format: 'yyyy-MM-dd', min_doc_count: 1 } },
};

interface Bucket {
  key: string | number;
  key_as_string?: string;
  doc_count: number;
}

export function facetsOf(aggregations: Record<string, estypes.AggregationsAggregate> | undefined): ItemFacets {
  const buckets = (name: string): Bucket[] => {
    const aggregate = aggregations?.[name] as { buckets?: Bucket[] } | undefined;
    return Array.isArray(aggregate?.buckets) ? aggregate.buckets : [];
  };
  const counts = (name: string) => buckets(name).map((bucket) => ({ value: bucket.key_as_string ?? String(bucket.key), count: bucket.doc_count }));
  // Elasticsearch counts every match, not a bounded window of them.
  return { sources: counts('sources'), languages: counts('languages'), days: counts('days'), partial: false };
}

/** The search_after values of a cursor's key: [score, publishedAt, id] by relevance, [publishedAt, id] newest first. */
export function searchAfterOf(key: SearchAfterKey, sort: ItemSort): estypes.SortResults {
  const [first, ...rest] = sort === 'newest' ? [null, ...key] : key;
  const [publishedAt, id] = rest;
  const dated = typeof publishedAt === 'number' && Number.isSafeInteger(publishedAt);
  const scored = sort === 'newest' || (typeof first === 'number' && Number.isFinite(first));
  const valid = key.length === (sort === 'newest' ? 2 : 3) && dated && scored;
  if (!valid || typeof id !== 'string' || id.length === 0 || id.length > 64) throw invalidSearchCursor(`its sort key is not an Elasticsearch ${sort} key`);
  return key as estypes.SortResults;
}
