import type { CaseStatus } from '@vigil/contracts';

export interface StatusChange {
  at: Date;
  to: CaseStatus;
}

export interface CaseMilestones {
  acknowledgedAt: Date | null;
  firstDraftAt: Date | null;
  publishedAt: Date | null;
}

/**
 * The statuses whose first arrival marks each milestone. Acknowledging is also met by any later step reached first, so
 * a case moved on at once still has a time; the first draft is the first handed over for review (drafting itself is
 * only work begun); a case closed unanswered was never acknowledged. SQL reads (dashboard, CSV) use the same sets.
 */
export const MILESTONE_STATUSES: Readonly<Record<keyof CaseMilestones, readonly CaseStatus[]>> = {
  acknowledgedAt: ['acknowledged', 'drafting', 'waiting', 'in_review', 'approved', 'published', 'monitoring'],
  firstDraftAt: ['in_review', 'approved', 'published'],
  publishedAt: ['published'],
};

/** The first time a case reached each milestone (a reopened case passing a step again counts its first). */
export function caseMilestones(changes: readonly StatusChange[]): CaseMilestones {
  const ordered = [...changes].sort((a, b) => a.at.getTime() - b.at.getTime());
  const first = (statuses: readonly CaseStatus[]) => ordered.find((change) => statuses.includes(change.to))?.at ?? null;
  return {
    acknowledgedAt: first(MILESTONE_STATUSES.acknowledgedAt),
    firstDraftAt: first(MILESTONE_STATUSES.firstDraftAt),
    publishedAt: first(MILESTONE_STATUSES.publishedAt),
  };
}

/** Whole seconds from `from` to `to`, or null when `to` has not happened. */
export function secondsBetween(from: Date, to: Date | null): number | null {
  return to === null ? null : Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
}

const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** Monday 00:00 in Asia/Ho_Chi_Minh (UTC+7 all year, no daylight saving) of the week holding `at`, as an instant. */
export function vietnamWeekStart(at: Date): Date {
  const local = at.getTime() + VIETNAM_OFFSET_MS;
  const dayStart = Math.floor(local / DAY_MS) * DAY_MS;
  // 1970-01-01 was a Thursday: (days + 3) % 7 is 0 on Mondays.
  const sinceMonday = (Math.floor(local / DAY_MS) + 3) % 7;
  return new Date(dayStart - sinceMonday * DAY_MS - VIETNAM_OFFSET_MS);
}
