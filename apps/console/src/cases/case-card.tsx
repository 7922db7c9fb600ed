import type { CaseStatus, CaseSummary } from '@vigil/contracts';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { SeverityBadge } from '../rules/severity-badge';
import { BreachBadges } from './breach-badges';
import { DeadlineCountdown } from './deadline-countdown';
import { currentDeadline } from './deadline-urgency';
import { MoveMenu } from './move-menu';

/** The drag payload's type: only case cards drop onto the board's columns. */
export const CASE_DRAG_TYPE = 'application/x-vigil-case';

interface CaseCardProps {
  summary: CaseSummary;
  /** Now on the server's clock. */
  now: number;
  busy: boolean;
  onMove: (summary: CaseSummary, to: CaseStatus) => void;
}

export function CaseCard({ summary, now, busy, onMove }: CaseCardProps) {
  const { t } = useTranslation();
  const deadline = currentDeadline(summary.deadlines);

  function handleDragStart(event: DragEvent<HTMLElement>) {
    event.dataTransfer.setData(CASE_DRAG_TYPE, summary.id);
    event.dataTransfer.effectAllowed = 'move';
  }

  return (
    <li
      className="case-card"
      draggable={!busy}
      onDragStart={handleDragStart}
      aria-busy={busy}
      data-testid="case-card"
      data-case-id={summary.id}
      data-status={summary.status}
      data-reference={summary.reference}
    >
      <div className="case-card-head">
        <span className="case-reference" data-testid="case-reference">
          {summary.reference}
        </span>
        <SeverityBadge severity={summary.severity} />
        <BreachBadges summary={summary} />
      </div>
      <Link to={`/cases/${encodeURIComponent(summary.id)}`} className="case-card-title" data-testid="case-title">
        {summary.title}
      </Link>
      <div className="case-card-meta">
        <span data-testid="case-assignee">{summary.assignee ? summary.assignee.displayName : t('cases.unassigned')}</span>
        {summary.team && <span data-testid="case-team">{summary.team.name}</span>}
      </div>
      {deadline && <DeadlineCountdown deadline={deadline} now={now} />}
      <MoveMenu summary={summary} disabled={busy} onMove={(to) => onMove(summary, to)} />
    </li>
  );
}
