import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { searchItems } from '../api/items-api';
import { listSources } from '../api/sources-api';
import { ErrorState } from '../shared/error-state';
import { LoadingState } from '../shared/loading-state';
import { Pagination } from '../shared/pagination';
import { useResource } from '../shared/use-resource';
import { ResultItem } from './result-item';
import { SearchForm } from './search-form';
import { SourceFilter } from './source-filter';

const PAGE_SIZE = 20;

export function ItemsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const sourceId = params.get('sourceId') ?? '';
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '', 10) || 1);

  const sources = useResource((signal) => listSources(signal), []);
  const results = useResource(
    (signal) => searchItems({ q, sourceId, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal),
    [q, sourceId, page],
  );
  const sourceNames = useMemo(() => new Map(sources.data?.map((source) => [source.id, source.name])), [sources.data]);

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

  function goToPage(nextPage: number) {
    updateParams({ page: nextPage > 1 ? String(nextPage) : '' });
    window.scrollTo({ top: 0 });
  }

  const pageCount = results.data ? Math.max(1, Math.ceil(results.data.total / PAGE_SIZE)) : 1;

  return (
    <section className="page">
      <h1>{t('items.title')}</h1>
      <div className="toolbar">
        <SearchForm key={q} initialQuery={q} onSearch={(query) => updateParams({ q: query })} />
        <SourceFilter sources={sources.data ?? []} value={sourceId} onChange={(id) => updateParams({ sourceId: id })} />
      </div>
      <div className="busy-region" aria-busy={results.loading}>
        {results.error !== undefined ? (
          <ErrorState error={results.error} onRetry={results.reload} />
        ) : !results.data ? (
          <LoadingState />
        ) : (
          <>
            <p className="results-total" data-testid="results-total">
              {/* Past ITEM_TOTAL_EXACT_UP_TO the API stops counting: "1,000+ results". */}
              {t(results.data.totalIsEstimate ? 'items.totalAtLeast' : 'items.total', { count: results.data.total })}
            </p>
            {results.data.items.length === 0 ? (
              <p className="state" data-testid="results-empty">
                {t('items.empty')}
              </p>
            ) : (
              <ol className="results">
                {results.data.items.map((item) => (
                  <ResultItem key={item.id} item={item} sourceName={sourceNames.get(item.sourceId)} />
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
