import { CASE_DEADLINE_STAGES, CASE_STATUSES, type CaseDeadlineStage, type CaseDeadlineView, type CaseStatus } from '@vigil/contracts';

/** How a countdown is coloured: running with time to spare, past the warning share, missed, or stopped while waiting. */
export type DeadlineUrgency = 'on_track' | 'warning' | 'breached' | 'paused';

/**
 * The status whose reaching meets each stage, as the API's deadline rules have it (a first draft exists once the
 * case goes to review). Needed here because a stage met late keeps the state `breached`.
 */
const MET_AT: Record<CaseDeadlineStage, CaseStatus> = {
  acknowledge: 'acknowledged',
  draft: 'in_review',
  approve: 'approved',
  publish: 'published',
};

/** Statuses are listed in workflow order (waiting between drafting and review), so a later one meets every earlier stage. */
function isMetBy(stage: CaseDeadlineStage, status: CaseStatus): boolean {
  return CASE_STATUSES.indexOf(status) >= CASE_STATUSES.indexOf(MET_AT[stage]);
}

/** The deadline the case must meet next: the first stage, in workflow order, its status has not met yet. */
export function currentDeadline(deadlines: readonly CaseDeadlineView[], status: CaseStatus): CaseDeadlineView | undefined {
  return [...deadlines]
    .filter((deadline) => deadline.state !== 'met' && !isMetBy(deadline.stage, status))
    .sort((a, b) => CASE_DEADLINE_STAGES.indexOf(a.stage) - CASE_DEADLINE_STAGES.indexOf(b.stage))[0];
}

/** Whether the stage is behind the case (met in time or late), so it counts down no more. */
export function isStageDone(deadline: CaseDeadlineView, status: CaseStatus): boolean {
  return deadline.state === 'met' || isMetBy(deadline.stage, status);
}

/**
 * The server says when a deadline was warned or breached; a due time passing on the (server's) clock reads as
 * breached at once, before the server's tick announces it. The warning share is the server's setting, so only its
 * word turns a countdown amber.
 */
export function urgencyOf(deadline: CaseDeadlineView, nowMs: number): DeadlineUrgency {
  if (deadline.state === 'paused') return 'paused';
  if (deadline.state === 'breached' || Date.parse(deadline.dueAt) <= nowMs) return 'breached';
  return deadline.state === 'warned' ? 'warning' : 'on_track';
}
