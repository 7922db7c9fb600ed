import type { ItemLanguage, ItemSort } from '@vigil/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { searchItems } from '../api/items-api';
import { listSources } from '../api/sources-api';
import { SaveSearchAsRule } from '../rules/save-search-as-rule';
import { ErrorState } from '../shared/error-state';
import { LoadingState } from '../shared/loading-state';
import { Pagination } from '../shared/pagination';
import { useResource } from '../shared/use-resource';
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
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '', 10) || 1);

  const sources = useResource((signal) => listSources(signal), []);
  const results = useResource(
    (signal) =>
      searchItems(
        {
          q,
          sourceId: filters.sourceId,
          sort: q && filters.sort === 'newest' ? ('newest' satisfies ItemSort) : undefined,
          language: filters.language === 'vi' || filters.language === 'en' ? (filters.language satisfies ItemLanguage) : undefined,
          fromDay: filters.from,
          toDay: filters.to,
          limit: PAGE_SIZE,
          offset: (page - 1) * PAGE_SIZE,
        },
        signal,
      ),
    [q, filters.sourceId, filters.sort, filters.language, filters.from, filters.to, page],
  );
  const sourceNames = useMemo(() => new Map(sources.data?.map((source) => [source.id, source.name])), [sources.data]);
  const filtered = Boolean(q) || FILTER_KEYS.some((key) => filters[key] !== '');

  // Every filter lives in the URL so a search can be shared or reloaded; a new filter starts at page 1.
  function updateParams(changes: Record<string, string>) {
    const next = new URLSearchParams(params);
    next.delete('page');
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

  function goToPage(nextPage: number) {
    updateParams({ page: nextPage > 1 ? String(nextPage) : '' });
    window.scrollTo({ top: 0 });
  }

  const pageCount = results.data ? Math.max(1, Math.ceil(results.data.total / PAGE_SIZE)) : 1;
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
              <ol className={compact ? 'results results-compact' : 'results'} data-testid="results">
                {results.data.items.map((item) => (
                  <ResultItem key={item.id} item={item} sourceName={sourceNames.get(item.sourceId)} query={q} />
                ))}
              </ol>
            )}
            {pageCount > 1 && <Pagination page={page} pageCount={pageCount} onChange={goToPage} />}
          </>
        )}
      </div>
    </section>
  );
}
