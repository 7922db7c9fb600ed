import { CASE_ESCALATION_LEVELS, type CaseSummary } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { dateLocale } from '../i18n/i18n';

/** A breached marker once a deadline of the case was missed, and the ladder rung it climbed to (none at the assignee). */
export function BreachBadges({ summary }: { summary: Pick<CaseSummary, 'breachedAt' | 'escalationLevel'> }) {
  const { t, i18n } = useTranslation();
  const level = CASE_ESCALATION_LEVELS[Math.min(summary.escalationLevel, CASE_ESCALATION_LEVELS.length - 1)]!;
  return (
    <>
      {summary.breachedAt && (
        <span className="badge case-breached" title={t('cases.breach.since', { time: new Intl.DateTimeFormat(dateLocale(i18n.language), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(summary.breachedAt)) })} data-testid="case-breached">
          {t('cases.breach.breached')}
        </span>
      )}
      {summary.escalationLevel > 0 && (
        <span className={`badge case-escalation case-escalation-${level}`} data-testid="case-escalation" data-level={summary.escalationLevel}>
          {t(`cases.breach.level.${level}`)}
        </span>
      )}
    </>
  );
}
