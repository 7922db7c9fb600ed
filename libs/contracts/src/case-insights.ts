/** What leaders and incoming officers read about cases: a case's timeline and impact, the shift handover, the dashboard. */
import type { SourceHealthStatus } from './api';
import type { CaseDeadlineStage, CaseDeadlineState, CaseEscalationLevel, CaseSeverity, CaseStatus, CaseSummary } from './cases';
import type { Severity } from './detection';

/** Items first seen in one hour (UTC hour start, ISO 8601) from one source. Hours and sources with none are left out. */
export interface TimelineSpreadCell {
  hour: string;
  sourceId: string;
  count: number;
}

export interface TimelineSpread {
  /** The first item of the case's flags, items and stories as Vigil collected it; null when the case links none. */
  firstSeenAt: string | null;
  /** From the hour of firstSeenAt, at most TIMELINE_SPREAD_HOURS hours. */
  from: string | null;
  to: string | null;
  sources: { id: string; name: string; items: number }[];
  cells: TimelineSpreadCell[];
  /** Distinct items in the case (all time, not only the hours shown). */
  totalItems: number;
}
/** 14 days of hours: a story older than that is shown from its first two weeks. */
export const TIMELINE_SPREAD_HOURS = 336;

/** One thing that happened, as the timeline lists it (oldest first). */
export type TimelineEvent =
  | { kind: 'first_seen'; at: string; itemId: string; title: string; sourceName: string }
  | { kind: 'flag_raised'; at: string; flagId: string; ruleName: string; severity: Severity }
  | { kind: 'spike'; at: string; subject: 'rule' | 'story'; subjectName: string; count: number; zScore: number }
  | { kind: 'case_opened'; at: string; actor: string | null; severity: CaseSeverity }
  | { kind: 'status_changed'; at: string; actor: string | null; from: CaseStatus | null; to: CaseStatus; reason: string | null }
  | { kind: 'escalated'; at: string; stage: CaseDeadlineStage | null; level: CaseEscalationLevel | null }
  /** `warned`: the share of the stage's time the policy warns at had passed with the stage unmet. */
  | { kind: 'deadline'; at: string; stage: CaseDeadlineStage; outcome: 'warned' | 'met' | 'breached'; dueAt: string };
export type TimelineEventKind = TimelineEvent['kind'];
/** The most events one timeline lists (the oldest kept: how it began matters most in a review). */
export const TIMELINE_MAX_EVENTS = 500;

/** One deadline stage as it ended (or stands): met in time, breached (and perhaps met late), or still running. */
export interface TimelineDeadline {
  stage: CaseDeadlineStage;
  dueAt: string;
  state: CaseDeadlineState;
  metAt: string | null;
  outcome: 'met' | 'breached' | 'pending';
}

/** Seconds from the case's creation to each first: null until it happened. */
export interface CaseMetrics {
  acknowledgedAt: string | null;
  timeToAcknowledgeSec: number | null;
  /** The first draft handed over for review (the first move to in_review). */
  firstDraftAt: string | null;
  timeToFirstDraftSec: number | null;
  publishedAt: string | null;
  timeToPublishSec: number | null;
  deadlines: TimelineDeadline[];
}

export interface ImpactWindow {
  /** Items first seen in the window, and the distinct sources that carried them. */
  items: number;
  sources: number;
  /** False while the window has not ended yet (its figures are still growing). */
  complete: boolean;
}

/** The case's stories around the response: the 24 h before it, the 24 h and 72 h after. */
export interface CaseImpact {
  publishedAt: string;
  before24h: ImpactWindow;
  after24h: ImpactWindow;
  after72h: ImpactWindow;
}

/** GET /api/cases/:id/timeline. */
export interface CaseTimeline {
  case: CaseSummary;
  spread: TimelineSpread;
  events: TimelineEvent[];
  /** True when the case had more events than TIMELINE_MAX_EVENTS (the latest were left out). */
  eventsTruncated: boolean;
  metrics: CaseMetrics;
  /** Null until the case is published. */
  impact: CaseImpact | null;
}

/** An open case with the deadline that comes next (null when none is running). */
export interface HandoverCase {
  case: CaseSummary;
  nextDeadline: { stage: CaseDeadlineStage; dueAt: string; state: CaseDeadlineState } | null;
}

export interface HandoverDeadline {
  caseId: string;
  reference: string;
  title: string;
  severity: CaseSeverity;
  stage: CaseDeadlineStage;
  dueAt: string;
  state: CaseDeadlineState;
}

export interface HandoverFlag {
  id: string;
  ruleName: string;
  title: string;
  itemCount: number;
  sourceCount: number;
  priority: number;
  createdAt: string;
}

export interface HandoverSource {
  id: string;
  name: string;
  status: Extract<SourceHealthStatus, 'failing' | 'silent'>;
  lastSuccessAt: string | null;
  lastItemAt: string | null;
  consecutiveFailures: number;
}

/** GET /api/handover: what the incoming duty officer takes over. */
export interface HandoverView {
  at: string;
  /** Open (not closed) cases, the next deadline first; cases with none last. */
  openCases: HandoverCase[];
  /** Deadlines not met that fall due within HANDOVER_HORIZON_HOURS, overdue ones first. */
  upcomingDeadlines: HandoverDeadline[];
  /** Open critical flags nobody has claimed, highest priority first. */
  unclaimedCriticalFlags: HandoverFlag[];
  sourcesNeedingAttention: HandoverSource[];
}
export const HANDOVER_HORIZON_HOURS = 8;
export const HANDOVER_LIST_LIMIT = 100;

/** Medians over the cases opened in one week (Monday 00:00, Asia/Ho_Chi_Minh), among those that reached the step. */
export interface DashboardWeek {
  weekStart: string;
  opened: number;
  medianAcknowledgeSec: number | null;
  medianPublishSec: number | null;
}

/** GET /api/dashboard. */
export interface DashboardView {
  at: string;
  /** Open (not closed) cases counted by severity and status; combinations with none are left out. */
  openCases: { severity: CaseSeverity; status: CaseStatus; count: number }[];
  /** Deadlines breached since this week began (Monday 00:00, Asia/Ho_Chi_Minh), by stage. */
  breachesThisWeek: { total: number; byStage: { stage: CaseDeadlineStage; count: number }[] };
  weeks: DashboardWeek[];
}
export const DASHBOARD_WEEKS = 12;
