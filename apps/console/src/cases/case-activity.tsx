import type { CaseAuditEntryView } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../shared/date-time';

/** Audit values are JSON; each is shown as text (never HTML), a status by its translated name. */
function useValueText(): (field: string, value: unknown) => string {
  const { t, i18n } = useTranslation();
  return (field, value) => {
    if (value === null || value === undefined || value === '') return '—';
    if (field === 'status' && typeof value === 'string' && i18n.exists(`cases.status.${value}`)) return t(`cases.status.${value}` as 'cases.status.new');
    if (field === 'severity' && typeof value === 'string' && i18n.exists(`rules.severity.${value}`)) return t(`rules.severity.${value}` as 'rules.severity.low');
    if (typeof value === 'string') return value;
    if (Array.isArray(value) && value.every((entry) => typeof entry === 'string')) return value.join(', ');
    return JSON.stringify(value);
  };
}

/** The case's latest audit entries, newest first: who did what when, and each changed field before → after. */
export function CaseActivity({ entries }: { entries: CaseAuditEntryView[] }) {
  const { t, i18n } = useTranslation();
  const valueText = useValueText();
  return (
    <ol className="case-activity" data-testid="case-activity">
      {entries.map((entry) => {
        const fields = [...new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})])];
        return (
          <li key={entry.seq} className="activity-entry" data-testid="activity-entry" data-action={entry.action} data-seq={entry.seq}>
            <div className="activity-head">
              <span className="activity-seq">#{entry.seq}</span> <strong>{t(`cases.audit.action.${entry.action}`)}</strong> ·{' '}
              <span>{entry.actor ? entry.actor.displayName : t('cases.audit.system')}</span> · <DateTime value={entry.at} fallback="" />
            </div>
            {entry.action !== 'created' && fields.length > 0 && (
              <ul className="activity-changes">
                {fields.map((field) => (
                  <li key={field} data-field={field}>
                    {i18n.exists(`cases.fields.${field}`) ? t(`cases.fields.${field}` as 'cases.fields.title') : field}: {valueText(field, entry.before?.[field])} → {valueText(field, entry.after?.[field])}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
