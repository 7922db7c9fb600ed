import type { CaseDeadlineStage, CaseDeadlineState, CaseStatus } from '@vigil/contracts';
import { addTime, type DeadlineCalendar, timeBetween } from './working-calendar';

/**
 * How much of a stage's time is used up. Time counts only while the deadline runs (`runningSince` set): waiting on
 * information from outside the office pauses it, and on a working calendar only office time counts.
 */
export interface DeadlineTiming {
  budgetMs: number;
  /** Time counted before `runningSince` (earlier running spells, or under an earlier severity). */
  consumedMs: number;
  /** Since when the deadline runs; null while paused. */
  runningSince: Date | null;
}

export interface DeadlineSchedule {
  dueAt: Date;
  warnAt: Date;
}

export function startTiming(budgetMs: number, at: Date): DeadlineTiming {
  return { budgetMs, consumedMs: 0, runningSince: at };
}

/** Time counted up to `at`. */
export function consumedAt(timing: DeadlineTiming, calendar: DeadlineCalendar, at: Date): number {
  return timing.consumedMs + (timing.runningSince ? timeBetween(calendar, timing.runningSince, at) : 0);
}

export function pauseTiming(timing: DeadlineTiming, calendar: DeadlineCalendar, at: Date): DeadlineTiming {
  if (!timing.runningSince) return timing;
  return { ...timing, consumedMs: consumedAt(timing, calendar, at), runningSince: null };
}

export function resumeTiming(timing: DeadlineTiming, at: Date): DeadlineTiming {
  return timing.runningSince ? timing : { ...timing, runningSince: at };
}

/**
 * A new budget (the severity changed): what was used so far, on the old severity's calendar, still counts, and the
 * rest runs on the new one from `at`. A budget already used up is due at once.
 */
export function rebudgetTiming(timing: DeadlineTiming, oldCalendar: DeadlineCalendar, budgetMs: number, at: Date): DeadlineTiming {
  return { budgetMs, consumedMs: consumedAt(timing, oldCalendar, at), runningSince: timing.runningSince ? at : null };
}

/** When a deadline falls due and when its warning share is reached; a paused one as if it ran again from `resumeAt`. */
export function scheduleOf(timing: DeadlineTiming, calendar: DeadlineCalendar, warnShare: number, resumeAt: Date): DeadlineSchedule {
  const start = timing.runningSince ?? resumeAt;
  return {
    dueAt: addTime(calendar, start, timing.budgetMs - timing.consumedMs),
    warnAt: addTime(calendar, start, Math.round(timing.budgetMs * warnShare) - timing.consumedMs),
  };
}

/** The status whose reaching meets each stage: a first draft exists once it goes to review. */
const STAGE_MET_AT: Record<CaseDeadlineStage, CaseStatus> = {
  acknowledge: 'acknowledged',
  draft: 'in_review',
  approve: 'approved',
  publish: 'published',
};

/** How far along the workflow each status is; `waiting` sits with drafting, closing ends every stage. */
const PROGRESS: Record<CaseStatus, number> = {
  new: 0,
  acknowledged: 1,
  drafting: 2,
  waiting: 2,
  in_review: 3,
  approved: 4,
  published: 5,
  monitoring: 6,
  closed: 7,
};

/** Whether a case in `status` has met `stage` (a later status meets every earlier stage; a closed case needs none). */
export function isStageMetBy(stage: CaseDeadlineStage, status: CaseStatus): boolean {
  return PROGRESS[status] >= PROGRESS[STAGE_MET_AT[stage]];
}

/** Deadlines run except while the case waits on information from outside the office. */
export function isPausedIn(status: CaseStatus): boolean {
  return status === 'waiting';
}

export interface DeadlineFirings {
  metAt: Date | null;
  warnedAt: Date | null;
  breachedAt: Date | null;
  paused: boolean;
}

/** What a board shows: a missed stage stays breached once met late. */
export function deadlineState({ metAt, warnedAt, breachedAt, paused }: DeadlineFirings): CaseDeadlineState {
  if (breachedAt) return 'breached';
  if (metAt) return 'met';
  if (paused) return 'paused';
  return warnedAt ? 'warned' : 'pending';
}
