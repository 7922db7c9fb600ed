import type { FacetCount, ItemFacets as Facets } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';

interface ItemFacetsProps {
  facets: Facets;
  sourceNames: Map<string, string>;
  active: { sourceId: string; language: string; day: string };
  /** Narrows the list to one value (or widens it again when that value is already chosen). */
  onChoose: (changes: Record<string, string>) => void;
}

/** Counts for the current query and filters, each a button that filters the list by it. */
export function ItemFacets({ facets, sourceNames, active, onChoose }: ItemFacetsProps) {
  const { t } = useTranslation();
  const most = Math.max(1, ...facets.days.map((day) => day.count));
  const languageName = (value: string) => (value === 'vi' || value === 'en' ? t(`languageNames.${value}`) : value);
  const group = (name: string, title: string, counts: FacetCount[], label: (value: string) => string, choose: (value: string) => Record<string, string>, chosen: string) =>
    counts.length > 0 && (
      <section className="facet-group" data-testid={`facets-${name}`}>
        <h3>{title}</h3>
        <ul>
          {counts.map((facet) => (
            <li key={facet.value}>
              <button type="button" className="facet" aria-pressed={chosen === facet.value} onClick={() => onChoose(chosen === facet.value ? clear(choose(facet.value)) : choose(facet.value))} data-testid="facet">
                <span className="facet-label">{label(facet.value)}</span>
                <span className="facet-count">{facet.count}</span>
                {name === 'days' && <span className="facet-bar" aria-hidden="true" style={{ width: `${(facet.count / most) * 100}%` }} />}
              </button>
            </li>
          ))}
        </ul>
      </section>
    );
  return (
    <aside className="facets" aria-label={t('items.facets.label')} data-testid="facets">
      {group('sources', t('items.facets.sources'), facets.sources, (value) => sourceNames.get(value) ?? t('items.unknownSource'), (value) => ({ sourceId: value }), active.sourceId)}
      {group('languages', t('items.facets.languages'), facets.languages, languageName, (value) => ({ language: value }), active.language)}
      {group('days', t('items.facets.days'), facets.days, formatDay, (value) => ({ from: value, to: value }), active.day)}
      {facets.partial && <p className="facet-note">{t('items.facets.partial')}</p>}
    </aside>
  );
}

function clear(changes: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.keys(changes).map((key) => [key, '']));
}

/** "2026-11-27" → "27/11": the day is already a Vietnam calendar day, so no time zone maths here. */
function formatDay(day: string): string {
  const [, month, date] = day.split('-');
  return `${date}/${month}`;
}
