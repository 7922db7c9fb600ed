import type { CaseView } from '@vigil/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { getCase } from '../api/cases-api';
import { useCurrentUser } from '../auth/auth-context';
import { canAssignCases } from '../auth/permissions';
import { SeverityBadge } from '../rules/severity-badge';
import { BreachBadges } from './breach-badges';
import { DateTime } from '../shared/date-time';
import { ErrorState } from '../shared/error-state';
import { LoadingState } from '../shared/loading-state';
import { useResource } from '../shared/use-resource';
import { CaseDrafts } from '../drafts/case-drafts';
import { AuditVerifyBadge } from './audit-verify-badge';
import { CaseActivity } from './case-activity';
import { CaseComments } from './case-comments';
import { CaseDeadlines } from './case-deadlines';
import { CaseFieldsForm } from './case-fields-form';
import { CaseLinks } from './case-links';
import { CaseSimilarCases } from './case-similar-cases';
import { CaseTimelineSlot } from './case-timeline-slot';
import { CaseTransitions } from './case-transitions';
import { useCaseEvents } from './use-case-events';
import { useCasePeople } from './use-case-people';
import { useServerNow } from './use-server-now';

/** One case: what it is about, where it stands and what may happen next, what was said and what was done. */
export function CaseDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const resource = useResource((signal) => getCase(id, signal), [id]);
  const { teams, people } = useCasePeople();
  const now = useServerNow();
  useCaseEvents(id, resource.reload);
  const view = resource.data;
  const names = useMemo(() => new Map([...people.map((person) => [person.id, person.displayName] as const), ...teams.map((team) => [team.id, team.name] as const)]), [people, teams]);
  const show = (updated: CaseView) => resource.replace(updated);

  return (
    <section className="page case-detail-page">
      <p>
        <Link to="/cases" data-testid="case-back">
          {t('cases.detail.back')}
        </Link>
      </p>
      {resource.error !== undefined ? (
        <ErrorState error={resource.error} onRetry={resource.reload} />
      ) : !view ? (
        <LoadingState />
      ) : (
        <article data-testid="case-detail" data-case-id={view.id} data-status={view.status}>
          <div className="case-detail-head">
            <span className="case-reference" data-testid="case-reference">
              {view.reference}
            </span>
            <SeverityBadge severity={view.severity} />
            <BreachBadges summary={view} />
            <span className={`badge case-status case-status-${view.status}`} data-testid="case-status" data-status={view.status}>
              {t(`cases.status.${view.status}`)}
            </span>
            <AuditVerifyBadge caseId={view.id} version={view.updatedAt} />
          </div>
          <h1 data-testid="case-detail-title">{view.title}</h1>
          <p className="case-claim" data-testid="case-claim">
            {view.claimSummary || t('cases.detail.noClaim')}
          </p>
          <dl className="details case-facts">
            <dt>{t('cases.detail.openedBy')}</dt>
            <dd>
              {view.createdBy?.displayName ?? t('cases.audit.system')} · <DateTime value={view.createdAt} fallback="" />
            </dd>
            <dt>{t('cases.fields.tags')}</dt>
            <dd data-testid="case-tags">
              {view.tags.length === 0
                ? t('common.notAvailable')
                : view.tags.map((tag) => (
                    <span key={tag} className="badge case-tag" data-testid="case-tag">
                      {tag}
                    </span>
                  ))}
            </dd>
          </dl>
          <CaseDeadlines deadlines={view.deadlines} now={now} />
          <section className="card" aria-labelledby="case-status-title">
            <h2 id="case-status-title">{t('cases.detail.statusTitle')}</h2>
            <CaseTransitions view={view} onChanged={show} />
          </section>
          <section className="card" aria-labelledby="case-fields-title">
            <h2 id="case-fields-title">{t('cases.detail.fieldsTitle')}</h2>
            <CaseFieldsForm
              key={view.updatedAt}
              view={view}
              teams={teams}
              people={people}
              canAssign={canAssignCases(user)}
              onSaved={show}
            />
          </section>
          <CaseLinks caseId={view.id} links={view.links} onChanged={show} />
          <CaseDrafts caseId={view.id} />
          <CaseSimilarCases caseId={view.id} version={view.updatedAt} />
          <CaseTimelineSlot view={view} />
          <CaseComments caseId={view.id} comments={view.comments} onAdded={show} />
          <section className="card" aria-labelledby="case-activity-title">
            <h2 id="case-activity-title">{t('cases.detail.activityTitle')}</h2>
            <CaseActivity entries={view.activity} names={names} />
          </section>
        </article>
      )}
    </section>
  );
}
