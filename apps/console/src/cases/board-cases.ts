import type { AnyLiveEventEnvelope, CaseDeadlineView, CaseSummary } from '@vigil/contracts';
import type { CaseFilter } from '../api/cases-api';

/** The live events that change a card on the board. */
export type BoardEvent = Extract<AnyLiveEventEnvelope, { type: `case.${string}` | `deadline.${string}` }>;

export function isBoardEvent(event: AnyLiveEventEnvelope): event is BoardEvent {
  return event.type.startsWith('case.') || event.type.startsWith('deadline.');
}

export function matchesFilter(summary: CaseSummary, filter: CaseFilter): boolean {
  return (
    (!filter.severity || summary.severity === filter.severity) &&
    (!filter.assigneeId || summary.assignee?.id === filter.assigneeId) &&
    (!filter.teamId || summary.team?.id === filter.teamId)
  );
}

/**
 * The board with this case as it now stands: added, replaced, or dropped when it no longer matches the filter. An
 * answer older than what the card shows (an event that crossed an action's own answer) changes nothing.
 */
export function withCase(cases: CaseSummary[], summary: CaseSummary, filter: CaseFilter): CaseSummary[] {
  const current = cases.find((existing) => existing.id === summary.id);
  if (current && Date.parse(current.updatedAt) > Date.parse(summary.updatedAt)) return cases;
  const others = cases.filter((existing) => existing.id !== summary.id);
  return matchesFilter(summary, filter) ? [summary, ...others] : others;
}

function withDeadline(cases: CaseSummary[], caseId: string, deadline: CaseDeadlineView): CaseSummary[] {
  return cases.map((summary) =>
    summary.id === caseId ? { ...summary, deadlines: [...summary.deadlines.filter((existing) => existing.stage !== deadline.stage), deadline] } : summary,
  );
}

/** Applies one live event; events carry the case (or the deadline) as it now stands, so none needs a second request. */
export function applyBoardEvent(cases: CaseSummary[], event: BoardEvent, filter: CaseFilter): CaseSummary[] {
  switch (event.type) {
    case 'case.created':
    case 'case.updated':
    case 'case.transitioned':
    case 'case.escalated':
      return withCase(cases, event.data.case, filter);
    case 'deadline.warning':
    case 'deadline.breached':
      return withDeadline(cases, event.data.caseId, event.data.deadline);
    case 'case.commented':
    case 'case.mentioned':
      // Comments are read on the case's own page (a mention is the top bar's notification).
      return cases;
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
}
