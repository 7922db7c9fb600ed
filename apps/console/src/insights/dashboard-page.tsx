import { CASE_SEVERITIES, CASE_STATUSES, type DashboardView } from '@vigil/contracts';
import { useTranslation } from 'react-i18next';
import { CASES_CSV_URL, getDashboard } from '../api/insights-api';
import { SeverityBadge } from '../rules/severity-badge';
import { DateTime } from '../shared/date-time';
import { ErrorState } from '../shared/error-state';
import { LoadingState } from '../shared/loading-state';
import { useResource } from '../shared/use-resource';
import { WeeklyMediansChart } from './weekly-medians-chart';

/** For leaders: what is open, how many deadlines slipped this week, and how fast the office answers week by week. */
export function DashboardPage() {
  const { t } = useTranslation();
  const dashboard = useResource((signal) => getDashboard(signal), []);
  const view = dashboard.data;
  return (
    <section className="page dashboard-page">
      <h1>{t('insights.dashboard.title')}</h1>
      {dashboard.error !== undefined ? (
        <ErrorState error={dashboard.error} onRetry={dashboard.reload} />
      ) : !view ? (
        <LoadingState />
      ) : (
        <>
          <p className="muted">
            {t('insights.handover.asOf')} <DateTime value={view.at} fallback="" /> ·{' '}
            <a href={CASES_CSV_URL} download data-testid="cases-csv-link">
              {t('insights.dashboard.csv')}
            </a>
          </p>
          <section aria-labelledby="dashboard-breaches">
            <h2 id="dashboard-breaches">{t('insights.dashboard.breaches')}</h2>
            <p className="dashboard-figure" data-testid="dashboard-breaches">
              {view.breachesThisWeek.total}
            </p>
            <p className="muted">{view.breachesThisWeek.byStage.map((entry) => `${t(`cases.stage.${entry.stage}`)}: ${entry.count}`).join(' · ')}</p>
          </section>
          <section aria-labelledby="dashboard-open">
            <h2 id="dashboard-open">{t('insights.dashboard.open')}</h2>
            <OpenCases view={view} />
          </section>
          <section aria-labelledby="dashboard-medians">
            <h2 id="dashboard-medians">{t('insights.dashboard.medians')}</h2>
            <WeeklyMediansChart weeks={view.weeks} />
          </section>
        </>
      )}
    </section>
  );
}

/** Bars by severity, and the table of severity × status behind them. */
function OpenCases({ view }: { view: DashboardView }) {
  const { t } = useTranslation();
  const count = (severity: string, status: string) => view.openCases.find((entry) => entry.severity === severity && entry.status === status)?.count ?? 0;
  const bySeverity = CASE_SEVERITIES.map((severity) => ({ severity, total: view.openCases.filter((entry) => entry.severity === severity).reduce((sum, entry) => sum + entry.count, 0) }));
  const max = Math.max(1, ...bySeverity.map((entry) => entry.total));
  const statuses = CASE_STATUSES.filter((status) => status !== 'closed');
  return (
    <>
      <ul className="severity-bars" data-testid="dashboard-severity">
        {bySeverity.map((entry) => (
          <li key={entry.severity} data-testid="dashboard-severity-row" data-severity={entry.severity} data-count={entry.total}>
            <SeverityBadge severity={entry.severity} />
            <span className="bar" style={{ width: `${(entry.total / max) * 100}%` }} aria-hidden="true" />
            <span>{entry.total}</span>
          </li>
        ))}
      </ul>
      <table className="dashboard-table" data-testid="dashboard-open-table">
        <thead>
          <tr>
            <th scope="col">{t('insights.dashboard.severity')}</th>
            {statuses.map((status) => (
              <th key={status} scope="col">
                {t(`cases.status.${status}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {CASE_SEVERITIES.map((severity) => (
            <tr key={severity}>
              <th scope="row">{t(`rules.severity.${severity}`)}</th>
              {statuses.map((status) => (
                <td key={status} data-testid={`open-${severity}-${status}`}>
                  {count(severity, status) || ''}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
