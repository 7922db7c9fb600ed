import { ITEM_LANGUAGES, ITEM_SORTS, type SourceView } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { SourceFilter } from './source-filter';

export interface ItemFilterValues {
  sourceId: string;
  sort: string;
  language: string;
  from: string;
  to: string;
}

interface ItemFiltersProps {
  values: ItemFilterValues;
  hasQuery: boolean;
  sources: SourceView[];
  onChange: (changes: Partial<ItemFilterValues>) => void;
}

/** Source, language, published-day range (Vietnam calendar days) and, with a query, the order. */
export function ItemFilters({ values, hasQuery, sources, onChange }: ItemFiltersProps) {
  const { t } = useTranslation();
  return (
    <div className="item-filters">
      <SourceFilter sources={sources} value={values.sourceId} onChange={(sourceId) => onChange({ sourceId })} />
      <label className="inline-field">
        <span>{t('items.language')}</span>
        <select value={values.language} onChange={(event) => onChange({ language: event.target.value })} data-testid="language-filter">
          <option value="">{t('items.allLanguages')}</option>
          {ITEM_LANGUAGES.map((language) => (
            <option key={language} value={language}>
              {t(`languageNames.${language}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field">
        <span>{t('items.from')}</span>
        <input type="date" value={values.from} max={values.to || undefined} onChange={(event) => onChange({ from: event.target.value })} data-testid="from-filter" />
      </label>
      <label className="inline-field">
        <span>{t('items.to')}</span>
        <input type="date" value={values.to} min={values.from || undefined} onChange={(event) => onChange({ to: event.target.value })} data-testid="to-filter" />
      </label>
      <label className="inline-field">
        <span>{t('items.sort')}</span>
        <select
          value={hasQuery ? values.sort || 'relevance' : 'newest'}
          disabled={!hasQuery}
          title={hasQuery ? undefined : t('items.sortNeedsQuery')}
          onChange={(event) => onChange({ sort: event.target.value === 'relevance' ? '' : event.target.value })}
          data-testid="sort-select"
        >
          {ITEM_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`items.sorts.${sort}`)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
