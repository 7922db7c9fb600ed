import { CASE_DEADLINE_STAGES, type CaseDeadlineView } from '@vigil/contracts';

/** How a countdown is coloured: running with time to spare, past the warning share, missed, or stopped while waiting. */
export type DeadlineUrgency = 'on_track' | 'warning' | 'breached' | 'paused';

/** Whether the stage is behind the case (met in time or late, as the server recorded it), so it counts down no more. */
export function isStageDone(deadline: CaseDeadlineView): boolean {
  return deadline.metAt !== null;
}

/** The deadline the case must meet next: the first stage, in workflow order, not met yet. */
export function currentDeadline(deadlines: readonly CaseDeadlineView[]): CaseDeadlineView | undefined {
  return deadlines.filter((deadline) => !isStageDone(deadline)).sort((a, b) => CASE_DEADLINE_STAGES.indexOf(a.stage) - CASE_DEADLINE_STAGES.indexOf(b.stage))[0];
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
