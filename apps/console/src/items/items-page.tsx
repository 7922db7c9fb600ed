import type { ItemLanguage, ItemSearchEntry, ItemSort } from '@vigil/contracts';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { type ItemQuery, searchItems } from '../api/items-api';
import { listSources } from '../api/sources-api';
import { SaveSearchAsRule } from '../rules/save-search-as-rule';
import { ErrorState } from '../shared/error-state';
import { LoadingState } from '../shared/loading-state';
import { useResource } from '../shared/use-resource';
import { ItemFacets } from './item-facets';
import { ItemFilters, type ItemFilterValues } from './item-filters';
import { ResultItem } from './result-item';
import { SearchForm } from './search-form';
import { useCompactList } from './use-compact-list';

const PAGE_SIZE = 20;
const FILTER_KEYS = ['sourceId', 'sort', 'language', 'from', 'to'] as const;

export function ItemsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [compact, setCompact] = useCompactList();
  const q = params.get('q') ?? '';
  const filters: ItemFilterValues = {
    sourceId: params.get('sourceId') ?? '',
    sort: params.get('sort') ?? '',
    language: params.get('language') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
  const query: ItemQuery = {
    q,
    sourceId: filters.sourceId,
    sort: q && filters.sort === 'newest' ? ('newest' satisfies ItemSort) : undefined,
    language: filters.language === 'vi' || filters.language === 'en' ? (filters.language satisfies ItemLanguage) : undefined,
    fromDay: filters.from,
    toDay: filters.to,
    limit: PAGE_SIZE,
    offset: 0,
  };

  const sources = useResource((signal) => listSources(signal), []);
  const results = useResource(
    (signal) => searchItems({ ...query, facets: true }, signal),
    [q, filters.sourceId, filters.sort, filters.language, filters.from, filters.to],
  );
  // Pages after the first, fetched by the cursor each answer ends with; a new first page starts them over.
  const [more, setMore] = useState<{ items: ItemSearchEntry[]; nextCursor: string | null; loading: boolean; error?: unknown }>({ items: [], nextCursor: null, loading: false });
  useEffect(() => setMore({ items: [], nextCursor: results.data?.nextCursor ?? null, loading: false }), [results.data]);

  function loadMore() {
    if (!more.nextCursor) return;
    const cursor = more.nextCursor;
    setMore((current) => ({ ...current, loading: true, error: undefined }));
    searchItems({ ...query, cursor }).then(
      (next) => setMore((current) => ({ items: [...current.items, ...next.items], nextCursor: next.nextCursor, loading: false })),
      (error: unknown) => setMore((current) => ({ ...current, loading: false, error })),
    );
  }
  const sourceNames = useMemo(() => new Map(sources.data?.map((source) => [source.id, source.name])), [sources.data]);
  const filtered = Boolean(q) || FILTER_KEYS.some((key) => filters[key] !== '');

  // Every filter lives in the URL so a search can be shared or reloaded; a new filter starts at page 1.
  function updateParams(changes: Record<string, string>) {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    // The same address would not load anything, yet pressing Search again means "look for new items now".
    if (next.toString() === params.toString()) results.reload();
    else setParams(next);
  }

  function clearFilters() {
    setParams(new URLSearchParams());
  }

  const noSources = sources.data !== undefined && sources.data.length === 0;

  return (
    <section className="page">
      <h1>{t('items.title')}</h1>
      <div className="toolbar">
        <SearchForm key={q} initialQuery={q} onSearch={(query) => updateParams({ q: query })} />
        <ItemFilters values={filters} hasQuery={Boolean(q)} sources={sources.data ?? []} onChange={(changes) => updateParams(changes)} />
        <SaveSearchAsRule query={q} />
      </div>
      <div className="busy-region" aria-busy={results.loading}>
        {results.error !== undefined ? (
          <ErrorState error={results.error} onRetry={results.reload} />
        ) : !results.data ? (
          <LoadingState />
        ) : (
          <>
            <div className="results-header">
              <p className="results-total" data-testid="results-total">
                {/* Past ITEM_TOTAL_EXACT_UP_TO the API stops counting: "1,000+ results". */}
                {t(results.data.totalIsEstimate ? 'items.totalAtLeast' : 'items.total', { count: results.data.total })}
              </p>
              <span className="results-zone" data-testid="time-zone">
                {t('time.zone')}
              </span>
              {filtered && (
                <button type="button" className="link-button" onClick={clearFilters} data-testid="clear-filters">
                  {t('items.clearFilters')}
                </button>
              )}
              <button type="button" aria-pressed={compact} onClick={() => setCompact(!compact)} data-testid="compact-toggle">
                {t('items.compact')}
              </button>
            </div>
            {results.data.items.length === 0 ? (
              <div className="state" data-testid="results-empty">
                {noSources && !filtered ? (
                  <p>
                    {t('items.emptyNoSources')}{' '}
                    <Link to="/sources" data-testid="empty-add-source">
                      {t('items.addSource')}
                    </Link>
                  </p>
                ) : filtered ? (
                  <p>
                    {t('items.empty')}{' '}
                    <button type="button" className="link-button" onClick={clearFilters} data-testid="empty-clear-filters">
                      {t('items.clearFilters')}
                    </button>
                  </p>
                ) : (
                  <p>
                    {t('items.emptyWaiting')}{' '}
                    <Link to="/sources">{t('items.checkSources')}</Link>
                  </p>
                )}
              </div>
            ) : (
              <div className="results-with-facets">
                <ol className={compact ? 'results results-compact' : 'results'} data-testid="results">
                  {[...results.data.items, ...more.items].map((item) => (
                    <ResultItem key={item.id} item={item} sourceName={sourceNames.get(item.sourceId)} query={q} />
                  ))}
                </ol>
                {results.data.facets && (
                  <ItemFacets
                    facets={results.data.facets}
                    sourceNames={sourceNames}
                    active={{ sourceId: filters.sourceId, language: filters.language, day: filters.from && filters.from === filters.to ? filters.from : '' }}
                    onChoose={updateParams}
                  />
                )}
              </div>
            )}
            {more.error !== undefined && <ErrorState error={more.error} onRetry={loadMore} />}
            {more.nextCursor && more.error === undefined && (
              <button type="button" className="load-more" onClick={loadMore} disabled={more.loading} data-testid="load-more">
                {t(more.loading ? 'items.loadingMore' : 'items.loadMore')}
              </button>
            )}
          </>
        )}
      </div>
    </section>
  );
}
