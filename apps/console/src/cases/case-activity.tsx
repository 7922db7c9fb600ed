import type { CaseAuditEntryView } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../shared/date-time';

/** Audit fields that only point elsewhere (the comment is shown in the discussion, the flag among the links). */
const HIDDEN_FIELDS = new Set(['commentId', 'escalatedFlagId', 'body', 'mentions']);

/** Audit values are JSON; each is shown as text (never HTML): a status or severity by its name, a person or team by theirs. */
function useValueText(names: ReadonlyMap<string, string>): (field: string, value: unknown) => string {
  const { t, i18n } = useTranslation();
  return (field, value) => {
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '—';
    if (field === 'status' && typeof value === 'string' && i18n.exists(`cases.status.${value}`)) return t(`cases.status.${value}` as 'cases.status.new');
    if (field === 'severity' && typeof value === 'string' && i18n.exists(`rules.severity.${value}`)) return t(`rules.severity.${value}` as 'rules.severity.low');
    if ((field === 'assigneeId' || field === 'teamId') && typeof value === 'string') return names.get(value) ?? value;
    if (field === 'links' && Array.isArray(value)) {
      return value.map((link: { kind?: unknown }) => (typeof link.kind === 'string' && i18n.exists(`cases.links.kind.${link.kind}`) ? t(`cases.links.kind.${link.kind}` as 'cases.links.kind.item') : '?')).join(', ');
    }
    if (typeof value === 'string') return value;
    if (Array.isArray(value) && value.every((entry) => typeof entry === 'string')) return value.join(', ');
    return JSON.stringify(value);
  };
}

interface CaseActivityProps {
  entries: CaseAuditEntryView[];
  /** Names of the people and teams an entry may name by id. */
  names: ReadonlyMap<string, string>;
}

/** The case's latest audit entries, newest first: who did what when, and each changed field before → after. */
export function CaseActivity({ entries, names }: CaseActivityProps) {
  const { t, i18n } = useTranslation();
  const valueText = useValueText(names);
  return (
    <ol className="case-activity" data-testid="case-activity">
      {entries.map((entry) => {
        const fields = [...new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})])].filter(
          (field) => !HIDDEN_FIELDS.has(field) && (entry.before?.[field] != null || entry.after?.[field] != null),
        );
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
                    {i18n.exists(`cases.fields.${field}`) ? t(`cases.fields.${field}` as 'cases.fields.title') : field}: {entry.before ? `${valueText(field, entry.before[field])} → ` : ''}
                    {valueText(field, entry.after?.[field])}
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
