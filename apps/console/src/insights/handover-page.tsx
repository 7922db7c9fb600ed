import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { getHandover } from '../api/insights-api';
import { SeverityBadge } from '../rules/severity-badge';
import { DateTime } from '../shared/date-time';
import { ErrorState } from '../shared/error-state';
import { LoadingState } from '../shared/loading-state';
import { useResource } from '../shared/use-resource';

/** What the incoming duty officer takes over: open cases by deadline, what falls due this shift, what nobody holds. */
export function HandoverPage() {
  const { t } = useTranslation();
  const handover = useResource((signal) => getHandover(signal), []);
  const view = handover.data;
  const notAvailable = t('common.notAvailable');
  return (
    <section className="page handover-page">
      <h1>{t('insights.handover.title')}</h1>
      {handover.error !== undefined ? (
        <ErrorState error={handover.error} onRetry={handover.reload} />
      ) : !view ? (
        <LoadingState />
      ) : (
        <>
          <p className="muted">
            {t('insights.handover.asOf')} <DateTime value={view.at} fallback="" />
          </p>
          <section aria-labelledby="handover-deadlines">
            <h2 id="handover-deadlines">{t('insights.handover.deadlines')}</h2>
            {view.upcomingDeadlines.length === 0 ? (
              <p className="muted">{t('insights.handover.none')}</p>
            ) : (
              <table className="handover-table" data-testid="handover-deadlines">
                <tbody>
                  {view.upcomingDeadlines.map((deadline) => (
                    <tr key={`${deadline.caseId}-${deadline.stage}`} data-testid="handover-deadline" className={new Date(deadline.dueAt) < new Date(view.at) ? 'handover-overdue' : undefined}>
                      <td>
                        <Link to={`/cases/${deadline.caseId}`}>{deadline.reference}</Link>
                      </td>
                      <td>{deadline.title}</td>
                      <td>
                        <SeverityBadge severity={deadline.severity} />
                      </td>
                      <td>{t(`cases.stage.${deadline.stage}`)}</td>
                      <td>
                        <DateTime value={deadline.dueAt} fallback={notAvailable} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section aria-labelledby="handover-cases">
            <h2 id="handover-cases">{t('insights.handover.openCases')}</h2>
            {view.openCases.length === 0 ? (
              <p className="muted">{t('insights.handover.none')}</p>
            ) : (
              <table className="handover-table" data-testid="handover-cases">
                <tbody>
                  {view.openCases.map(({ case: kase, nextDeadline }) => (
                    <tr key={kase.id} data-testid="handover-case">
                      <td>
                        <Link to={`/cases/${kase.id}`}>{kase.reference}</Link>
                      </td>
                      <td>{kase.title}</td>
                      <td>
                        <SeverityBadge severity={kase.severity} />
                      </td>
                      <td>{t(`cases.status.${kase.status}`)}</td>
                      <td>{kase.assignee?.displayName ?? t('cases.unassigned')}</td>
                      <td className={nextDeadline?.state === 'breached' ? 'state-breached' : undefined}>
                        {nextDeadline ? (
                          <>
                            {t(`cases.stage.${nextDeadline.stage}`)} · <DateTime value={nextDeadline.dueAt} fallback={notAvailable} />
                          </>
                        ) : (
                          t('insights.handover.noDeadline')
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section aria-labelledby="handover-flags">
            <h2 id="handover-flags">{t('insights.handover.flags')}</h2>
            {view.unclaimedCriticalFlags.length === 0 ? (
              <p className="muted">{t('insights.handover.none')}</p>
            ) : (
              <ul data-testid="handover-flags">
                {view.unclaimedCriticalFlags.map((flag) => (
                  <li key={flag.id} data-testid="handover-flag">
                    <Link to="/live">{flag.title}</Link> <span className="muted">· {flag.ruleName} · {t('live.sources', { count: flag.sourceCount })} · {t('live.items', { count: flag.itemCount })}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="handover-sources">
            <h2 id="handover-sources">{t('insights.handover.sources')}</h2>
            {view.sourcesNeedingAttention.length === 0 ? (
              <p className="muted">{t('insights.handover.none')}</p>
            ) : (
              <ul data-testid="handover-sources">
                {view.sourcesNeedingAttention.map((source) => (
                  <li key={source.id} data-testid="handover-source" data-status={source.status}>
                    <Link to="/sources">{source.name}</Link> · {t(`insights.handover.sourceStatus.${source.status}`)}{' '}
                    <span className="muted">
                      · {t('insights.handover.lastSuccess')} <DateTime value={source.lastSuccessAt} fallback={notAvailable} />
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </section>
  );
}
