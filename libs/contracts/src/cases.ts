/** Response cases (tickets) and teams: the shapes of /api/cases and /api/teams, and of their live events. */
import { type FlagView, SEVERITIES, type Severity } from './detection';
import type { CreateGlossaryTermRequest } from './claims';
import type { Role } from './roles';

export const CASE_SEVERITIES = SEVERITIES;
export type CaseSeverity = Severity;

export const CASE_STATUSES = ['new', 'acknowledged', 'drafting', 'waiting', 'in_review', 'approved', 'published', 'monitoring', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * Where a case may go from each status. `waiting` (on information from outside the office) is entered from
 * drafting or review and leaves back to either; reopening takes a monitored or closed case back to drafting;
 * a case nobody needs to answer may be closed before any draft.
 */
export const CASE_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  new: ['acknowledged', 'closed'],
  acknowledged: ['drafting', 'closed'],
  drafting: ['in_review', 'waiting', 'closed'],
  waiting: ['drafting', 'in_review'],
  in_review: ['approved', 'drafting', 'waiting'],
  approved: ['published', 'drafting'],
  published: ['monitoring', 'closed'],
  monitoring: ['closed', 'drafting'],
  closed: ['drafting'],
};

/** Why a transition was refused (sent as `details.reason` with `case_transition_illegal` or `case_transition_not_permitted`). */
export const CASE_TRANSITION_REFUSALS = [
  /** The case is in that status already. */
  'same_status',
  /** No such step in the workflow (see CASE_TRANSITIONS). */
  'not_in_workflow',
  /** The step exists, but none of the user's roles may take it. */
  'role_not_permitted',
  /** Only a leader signs off (approves) a critical case. */
  'critical_needs_leader',
] as const;
export type CaseTransitionRefusal = (typeof CASE_TRANSITION_REFUSALS)[number];

export const CASE_LINK_KINDS = ['flag', 'item', 'story'] as const;
export type CaseLinkKind = (typeof CASE_LINK_KINDS)[number];

/** Deadline stages a case passes (the SLA policy gives each a due time per severity). */
export const CASE_DEADLINE_STAGES = ['acknowledge', 'draft', 'approve', 'publish'] as const;
export type CaseDeadlineStage = (typeof CASE_DEADLINE_STAGES)[number];
/** pending: running; warned: past the warning share; breached: missed; met: reached in time (or late, then breached stays); paused: while waiting. */
export const CASE_DEADLINE_STATES = ['pending', 'warned', 'breached', 'met', 'paused'] as const;
export type CaseDeadlineState = (typeof CASE_DEADLINE_STATES)[number];

export interface CaseDeadlineView {
  stage: CaseDeadlineStage;
  /** ISO 8601 instant in UTC; while paused, the due time as it stood when the pause began. */
  dueAt: string;
  state: CaseDeadlineState;
  /** ISO 8601 instant in UTC when the case reached the status that meets the stage (in time or late); null while unmet. */
  metAt: string | null;
}

/** Who escalation reaches, one level per unmet stage. */
export const CASE_ESCALATION_LEVELS = ['assignee', 'reviewer', 'leader'] as const;
export type CaseEscalationLevel = (typeof CASE_ESCALATION_LEVELS)[number];

/** A user as cases show them: `username` is what @mentions name. */
export interface CasePerson {
  id: string;
  username: string;
  displayName: string;
}

export interface TeamRef {
  id: string;
  name: string;
}

/** One case on a board or in a list. */
export interface CaseSummary {
  id: string;
  /** Human reference, `VG-<year>-<4+ digits>` (the year the case was opened, Asia/Ho_Chi_Minh). */
  reference: string;
  title: string;
  severity: CaseSeverity;
  status: CaseStatus;
  assignee: CasePerson | null;
  team: TeamRef | null;
  tags: string[];
  /** The case's SLA deadlines (filled by the deadline component; empty when none are set). */
  deadlines: CaseDeadlineView[];
  /** When one of its deadlines was first missed; null while none has been. */
  breachedAt: string | null;
  /** The escalation ladder rung reached, an index of CASE_ESCALATION_LEVELS: 0 the assignee (not escalated), 1 the reviewer on duty, 2 the leaders. */
  escalationLevel: number;
  /** When the case last changed status (its creation at first). */
  statusChangedAt: string;
  createdAt: string;
  updatedAt: string;
}

export interface CasePage {
  cases: CaseSummary[];
  total: number;
}

/** A flag, item or story the case is about; `title` so a list needs no second request. */
export interface CaseLinkView {
  kind: CaseLinkKind;
  id: string;
  title: string;
  addedBy: CasePerson | null;
  addedAt: string;
}

export interface CaseCommentView {
  id: string;
  author: CasePerson;
  /** Verbatim, as written (render as text, never as HTML). */
  body: string;
  /** The users the body @mentions by username (unknown names are left as text). */
  mentions: CasePerson[];
  createdAt: string;
}

/** `drafted`: a step of one of the case's rebuttal drafts (created, submitted, sent back, approved, signed off, published). */
export const CASE_AUDIT_ACTIONS = ['created', 'updated', 'transitioned', 'commented', 'linked', 'unlinked', 'escalated', 'drafted'] as const;
export type CaseAuditAction = (typeof CASE_AUDIT_ACTIONS)[number];

/** One entry of a case's append-only, hash-chained trail. */
export interface CaseAuditEntryView {
  /** 1, 2, 3… per case, in the order appended. */
  seq: number;
  action: CaseAuditAction;
  /** null for the system (deadline escalations). */
  actor: CasePerson | null;
  at: string;
  /** The changed fields as they were and as they became (for a creation, `before` is null). */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** Hex sha256 of the previous entry's hash and this entry's canonical JSON; the first entry's prevHash is null. */
  prevHash: string | null;
  hash: string;
}

export interface CaseAuditTrail {
  entries: CaseAuditEntryView[];
}

/** GET /api/cases/:id/audit/verify. `firstBrokenSeq` names the first entry whose stored hash does not match. */
export interface CaseAuditVerification {
  intact: boolean;
  entries: number;
  firstBrokenSeq: number | null;
}

/** GET /api/cases/:id: the case with what it is about, what was said, and what happened last. */
export interface CaseView extends CaseSummary {
  claimSummary: string | null;
  createdBy: CasePerson | null;
  links: CaseLinkView[];
  comments: CaseCommentView[];
  /** The latest audit entries, newest first (at most CASE_RECENT_ACTIVITY). */
  activity: CaseAuditEntryView[];
  /** The statuses the signed-in user may move the case to now. */
  allowedTransitions: CaseStatus[];
}
export const CASE_RECENT_ACTIVITY = 20;

export interface CaseLinkRequest {
  kind: CaseLinkKind;
  id: string;
}

export interface CreateCaseRequest {
  title: string;
  claimSummary?: string;
  severity: CaseSeverity;
  assigneeId?: string;
  teamId?: string;
  tags?: string[];
  links?: CaseLinkRequest[];
}

/** PATCH /api/cases/:id: any subset; null clears assignee, team or claim summary. */
export interface UpdateCaseRequest {
  title?: string;
  claimSummary?: string | null;
  severity?: CaseSeverity;
  assigneeId?: string | null;
  teamId?: string | null;
  tags?: string[];
}

export interface TransitionCaseRequest {
  to: CaseStatus;
  reason?: string;
}

export interface CreateCaseCommentRequest {
  body: string;
}

/** POST /api/flags/:id/escalate: with `caseId` the flag joins that case, otherwise it opens a new one. */
export interface EscalateFlagRequest {
  reason?: string;
  caseId?: string;
  /** For a new case; defaults to the flag's rule severity. */
  severity?: CaseSeverity;
  /** For a new case; defaults to the flag's item title. */
  title?: string;
  /**
   * With `caseId`, which confirms the flag and that case are about the same claim: the suggestion's candidatePairs
   * the officer kept, added to the glossary. Left out, none are.
   */
  pairs?: CreateGlossaryTermRequest[];
}

/** The answer to POST /api/flags/:id/escalate: the decided flag and the case it opened or joined. */
export interface EscalatedFlagView extends FlagView {
  case: CaseSummary;
}

export interface TeamView {
  id: string;
  name: string;
  members: CasePerson[];
}

export interface CreateTeamRequest {
  name: string;
  memberIds?: string[];
}

export interface SetTeamMembersRequest {
  userIds: string[];
}

/** Live payloads. `byUserId` is null when the system made the change (deadline escalation). */
export interface CaseLiveData {
  case: CaseSummary;
  byUserId: string | null;
}
export interface CaseUpdatedLiveData extends CaseLiveData {
  /** The fields that changed (UpdateCaseRequest names, or `links`). */
  changed: string[];
}
export interface CaseTransitionedLiveData extends CaseLiveData {
  from: CaseStatus;
  to: CaseStatus;
  reason: string | null;
}
export interface CaseCommentedLiveData {
  caseId: string;
  reference: string;
  comment: CaseCommentView;
}
/** `case.mentioned`, heard only by a user a comment @mentions (never its author): enough to say who wrote where. */
export interface CaseMentionedLiveData {
  caseId: string;
  reference: string;
  title: string;
  commentId: string;
  authorDisplayName: string;
  /** The comment's start, at most CASE_MENTION_EXCERPT characters (render as text). */
  excerpt: string;
}
/** How much of a comment a mention notification quotes. */
export const CASE_MENTION_EXCERPT = 140;
export interface CaseEscalatedLiveData extends CaseLiveData {
  stage: CaseDeadlineStage;
  level: CaseEscalationLevel;
  /** The roles the escalation now reaches. */
  roles: Role[];
}
export interface DeadlineLiveData {
  caseId: string;
  reference: string;
  title: string;
  severity: CaseSeverity;
  deadline: CaseDeadlineView;
}
