import type { CaseTimeline as Timeline, ImpactWindow, TimelineEvent } from '@vigil/contracts';
import { type TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { caseReportUrl, getCaseTimeline } from '../../api/insights-api';
import { DateTime } from '../../shared/date-time';
import { useFormatDuration } from '../../shared/duration';
import { ErrorState } from '../../shared/error-state';
import { LoadingState } from '../../shared/loading-state';
import { useResource } from '../../shared/use-resource';
import { SpreadChart } from './spread-chart';

/** The case's crisis timeline: spread chart with the office's steps, metrics, impact of the response, every event. */
export function CaseTimeline({ caseId, version = '' }: { caseId: string; version?: string }) {
  const { t, i18n } = useTranslation();
  const timeline = useResource((signal) => getCaseTimeline(caseId, signal), [caseId, version]);
  if (timeline.error !== undefined) return <ErrorState error={timeline.error} onRetry={timeline.reload} />;
  if (!timeline.data) return <LoadingState />;
  const view = timeline.data;
  return (
    <div className="case-timeline-view" data-testid="case-timeline">
      <SpreadChart timeline={view} />
      <Metrics timeline={view} />
      {view.impact && <Impact timeline={view} />}
      <ol className="timeline-events" data-testid="timeline-events">
        {view.events.map((event, index) => (
          <li key={index} data-testid="timeline-event" data-kind={event.kind}>
            <DateTime value={event.at} fallback="" /> <strong>{t(`insights.event.${event.kind}`)}</strong> <span>{describe(event, t)}</span>
          </li>
        ))}
      </ol>
      {view.eventsTruncated && <p className="muted">{t('insights.timeline.truncated')}</p>}
      <p>
        <a href={caseReportUrl(caseId, i18n.language)} target="_blank" rel="noopener" data-testid="case-report-link">
          {t('insights.timeline.report')}
        </a>
      </p>
    </div>
  );
}

function Metrics({ timeline }: { timeline: Timeline }) {
  const { t } = useTranslation();
  const duration = useFormatDuration();
  const { metrics } = timeline;
  const value = (seconds: number | null) => (seconds === null ? t('insights.metrics.notYet') : duration(seconds));
  return (
    <dl className="timeline-metrics" data-testid="timeline-metrics">
      <div>
        <dt>{t('insights.metrics.acknowledge')}</dt>
        <dd data-testid="metric-acknowledge">{value(metrics.timeToAcknowledgeSec)}</dd>
      </div>
      <div>
        <dt>{t('insights.metrics.firstDraft')}</dt>
        <dd data-testid="metric-first-draft">{value(metrics.timeToFirstDraftSec)}</dd>
      </div>
      <div>
        <dt>{t('insights.metrics.publish')}</dt>
        <dd data-testid="metric-publish">{value(metrics.timeToPublishSec)}</dd>
      </div>
      {metrics.deadlines.map((deadline) => (
        <div key={deadline.stage} data-testid="metric-deadline" data-outcome={deadline.outcome}>
          <dt>{t(`cases.stage.${deadline.stage}`)}</dt>
          <dd className={`outcome-${deadline.outcome}`}>{t(`insights.outcome.${deadline.outcome}`)}</dd>
        </div>
      ))}
    </dl>
  );
}

function Impact({ timeline }: { timeline: Timeline }) {
  const { t } = useTranslation();
  const impact = timeline.impact!;
  const row = (key: 'before24h' | 'after24h' | 'after72h', window: ImpactWindow) => (
    <tr key={key} data-testid={`impact-${key}`}>
      <th scope="row">
        {t(`insights.impact.${key}`)}
        {!window.complete && <span className="muted"> {t('insights.impact.incomplete')}</span>}
      </th>
      <td>{window.items}</td>
      <td>{window.sources}</td>
    </tr>
  );
  return (
    <table className="impact-table" data-testid="timeline-impact">
      <caption>
        {t('insights.impact.title')} · <DateTime value={impact.publishedAt} fallback="" />
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('insights.impact.window')}</th>
          <th scope="col">{t('insights.impact.items')}</th>
          <th scope="col">{t('insights.impact.sources')}</th>
        </tr>
      </thead>
      <tbody>
        {row('before24h', impact.before24h)}
        {row('after24h', impact.after24h)}
        {row('after72h', impact.after72h)}
      </tbody>
    </table>
  );
}

/** Rendered as text: titles and names are publishers' words, never markup. */
function describe(event: TimelineEvent, t: TFunction): string {
  switch (event.kind) {
    case 'first_seen':
      return `${event.sourceName}: ${event.title}`;
    case 'flag_raised':
      return `${event.ruleName} (${t(`rules.severity.${event.severity}`)})`;
    case 'spike':
      return `${event.subjectName}: ${event.count}`;
    case 'case_opened':
      return [t(`rules.severity.${event.severity}`), event.actor].filter(Boolean).join(' · ');
    case 'status_changed':
      return [`${event.from ? t(`cases.status.${event.from}`) : ''} → ${t(`cases.status.${event.to}`)}`, event.actor, event.reason].filter(Boolean).join(' · ');
    case 'escalated':
      return [event.stage ? t(`cases.stage.${event.stage}`) : null, event.level ? t(`insights.level.${event.level}`) : null].filter(Boolean).join(' · ');
    case 'deadline':
      return `${t(`cases.stage.${event.stage}`)}: ${t(`insights.outcome.${event.outcome}`)}`;
  }
}
