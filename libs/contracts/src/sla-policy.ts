/** The office's SLA policy as `GET/PUT /api/sla-policy` carry it. */
import type { CaseDeadlineStage, CaseSeverity } from './cases';

export interface SlaCalendarView {
  /** IANA zone the office hours are in (Asia/Ho_Chi_Minh). */
  timeZone: string;
  /** ISO weekdays the office works: 1 = Monday … 7 = Sunday. */
  weekdays: number[];
  /** Local opening and closing times, `HH:MM`. */
  opensAt: string;
  closesAt: string;
  /** Local dates, `YYYY-MM-DD`, on which the office is closed (Tết, national days). */
  holidays: string[];
}

/**
 * How long each stage of a case may take, per severity; which severities count office time only; when to warn and
 * how often to remind. A change applies to deadlines planned after it (new cases, severity changes), never to
 * deadlines already set.
 */
export interface SlaPolicyView {
  /** Minutes from a case's creation to each stage, acknowledge ≤ draft ≤ approve ≤ publish. */
  stageMinutes: Record<CaseSeverity, Record<CaseDeadlineStage, number>>;
  officeHoursSeverities: CaseSeverity[];
  calendar: SlaCalendarView;
  /** Share of a stage's time after which its people are warned, strictly between 0 and 1. */
  warnShare: number;
  /** Once a stage is missed, it is raised again this often (whole minutes, at least 1). */
  reminderMinutes: number;
}
