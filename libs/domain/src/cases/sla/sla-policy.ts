import { CASE_DEADLINE_STAGES, CASE_SEVERITIES, type CaseDeadlineStage, type CaseSeverity } from '@vigil/contracts';
import { z } from 'zod';
import { VIETNAM_PUBLIC_HOLIDAYS } from './vietnam-holidays';
import { type DeadlineCalendar, ROUND_THE_CLOCK, type WorkingCalendar } from './working-calendar';

/**
 * How long each stage of a case may take, per severity, counted from the case's creation; which severities count
 * office time only; when to warn and how often to remind once a stage is missed. Stored as a setting, so an office
 * adjusts it without a release.
 */
export interface SlaPolicy {
  /** Minutes from creation to each stage (office minutes for the severities in `officeHoursSeverities`). */
  stageMinutes: Record<CaseSeverity, Record<CaseDeadlineStage, number>>;
  officeHoursSeverities: CaseSeverity[];
  calendar: WorkingCalendar;
  /** Share of a stage's time after which its assignee is warned. */
  warnShare: number;
  /** Once a stage is missed, it is raised again this often (office minutes where office hours apply) until met. */
  reminderMinutes: number;
}

const HOUR = 60;

export const DEFAULT_SLA_POLICY: SlaPolicy = {
  stageMinutes: {
    critical: { acknowledge: 15, draft: 2 * HOUR, approve: 4 * HOUR, publish: 6 * HOUR },
    high: { acknowledge: HOUR, draft: 8 * HOUR, approve: 24 * HOUR, publish: 48 * HOUR },
    medium: { acknowledge: 4 * HOUR, draft: 24 * HOUR, approve: 48 * HOUR, publish: 72 * HOUR },
    // Office days of 9 hours: 1, 3, 5 and 7 working days.
    low: { acknowledge: 9 * HOUR, draft: 27 * HOUR, approve: 45 * HOUR, publish: 63 * HOUR },
  },
  officeHoursSeverities: ['medium', 'low'],
  calendar: { timeZone: 'Asia/Ho_Chi_Minh', weekdays: [1, 2, 3, 4, 5], opensAt: '08:00', closesAt: '17:00', holidays: [...VIETNAM_PUBLIC_HOLIDAYS] },
  warnShare: 0.75,
  reminderMinutes: 15,
};

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM');
const minutes = z.number().int().positive().max(365 * 24 * HOUR);
const stages = z.object(Object.fromEntries(CASE_DEADLINE_STAGES.map((stage) => [stage, minutes])) as Record<CaseDeadlineStage, typeof minutes>).strict();

export const SLA_POLICY_SCHEMA = z
  .object({
    stageMinutes: z.object(Object.fromEntries(CASE_SEVERITIES.map((severity) => [severity, stages])) as Record<CaseSeverity, typeof stages>).strict(),
    officeHoursSeverities: z.array(z.enum(CASE_SEVERITIES)),
    calendar: z
      .object({
        timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone'),
        weekdays: z.array(z.number().int().min(1).max(7)).min(1),
        opensAt: time,
        closesAt: time,
        holidays: z.array(z.iso.date()),
      })
      .strict()
      .refine((calendar) => calendar.opensAt < calendar.closesAt, 'the office must open before it closes'),
    warnShare: z.number().gt(0).lt(1),
    reminderMinutes: minutes,
  })
  .strict();

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The stored policy, checked; throws a ZodError naming what is wrong. */
export function parseSlaPolicy(value: unknown): SlaPolicy {
  return SLA_POLICY_SCHEMA.parse(value);
}

/** The clock a severity's deadlines run on. */
export function calendarFor(policy: SlaPolicy, severity: CaseSeverity): DeadlineCalendar {
  return policy.officeHoursSeverities.includes(severity) ? policy.calendar : ROUND_THE_CLOCK;
}

export function stageBudgetMs(policy: SlaPolicy, severity: CaseSeverity, stage: CaseDeadlineStage): number {
  return policy.stageMinutes[severity][stage] * 60_000;
}
