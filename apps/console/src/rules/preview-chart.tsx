import type { RulePreview } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';

/** 'YYYY-MM-DD' is already a Vietnam calendar day (the API counts by local day): only reorder it, no time zone maths. */
export function dayLabel(day: string): string {
  const [, month = '', date = ''] = day.split('-');
  return `${date}/${month}`;
}

/** One CSS bar per local day, oldest first, scaled to the busiest day; a table underneath for screen readers. */
export function PreviewChart({ perDay }: { perDay: RulePreview['perDay'] }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...perDay.map((entry) => entry.count));
  return (
    <figure className="preview-chart" data-testid="rule-preview-chart">
      <figcaption className="visually-hidden">{t('rules.preview.chartLabel')}</figcaption>
      <ol className="preview-bars" aria-label={t('rules.preview.chartLabel')}>
        {perDay.map((entry) => (
          <li key={entry.day} className="preview-bar" title={t('rules.preview.dayCount', { day: dayLabel(entry.day), count: entry.count })} data-testid="rule-preview-day" data-day={entry.day} data-count={entry.count}>
            <span className="preview-bar-count">{entry.count}</span>
            <span className="preview-bar-track" aria-hidden="true">
              <span className={entry.count > 0 ? 'preview-bar-fill' : 'preview-bar-fill preview-bar-zero'} style={{ height: `${(entry.count / max) * 100}%` }} />
            </span>
            <span className="preview-bar-day">{dayLabel(entry.day)}</span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
