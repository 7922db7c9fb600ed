import type { CaseDeadlineStage, CaseDeadlineView, CaseSeverity } from '@vigil/contracts';
import { calendarFor, type DeadlineCalendar, deadlineState, type DeadlineTiming, ROUND_THE_CLOCK, scheduleOf, type SlaPolicy } from '@vigil/domain';
import type { CaseDeadlineRow, DeadlineCalendarKind, DeadlinePlan } from '@vigil/persistence';

/** Which clock a stored deadline runs on, under the policy in force. */
export function rowCalendar(policy: SlaPolicy, kind: DeadlineCalendarKind): DeadlineCalendar {
  return kind === 'office' ? policy.calendar : ROUND_THE_CLOCK;
}

export function severityCalendarKind(policy: SlaPolicy, severity: CaseSeverity): DeadlineCalendarKind {
  return calendarFor(policy, severity) === ROUND_THE_CLOCK ? 'round_the_clock' : 'office';
}

export function timingOf(row: Pick<CaseDeadlineRow, 'budgetMs' | 'consumedMs' | 'runningSince'>): DeadlineTiming {
  return { budgetMs: row.budgetMs, consumedMs: row.consumedMs, runningSince: row.runningSince };
}

/**
 * A deadline's plan from its timing: running, its schedule from now on; paused, the schedule as it stood when the
 * pause began (`previous`), or as if it ran again from `at` when it has none.
 */
export function planOf(
  policy: SlaPolicy,
  target: { caseId: string; stage: CaseDeadlineStage; calendar: DeadlineCalendarKind },
  timing: DeadlineTiming,
  at: Date,
  previous?: Pick<CaseDeadlineRow, 'dueAt' | 'warnAt' | 'metAt'>,
): DeadlinePlan {
  const keep = !timing.runningSince && previous;
  const schedule = keep ? { dueAt: previous.dueAt, warnAt: previous.warnAt } : scheduleOf(timing, rowCalendar(policy, target.calendar), policy.warnShare, at);
  return { ...target, ...timing, ...schedule, metAt: previous?.metAt ?? null };
}

export function deadlineView(row: CaseDeadlineRow): CaseDeadlineView {
  return {
    stage: row.stage,
    dueAt: row.dueAt.toISOString(),
    state: deadlineState({ metAt: row.metAt, warnedAt: row.warnedAt, breachedAt: row.breachedAt, paused: row.runningSince === null }),
    metAt: row.metAt?.toISOString() ?? null,
  };
}
