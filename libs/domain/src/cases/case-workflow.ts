import { CASE_TRANSITIONS, type CaseSeverity, type CaseStatus, type CaseTransitionRefusal, type Role } from '@vigil/contracts';

/**
 * Who may take each step of a case's workflow. Writers draft and submit; reviewers send drafts back and approve
 * (leaders alone approve a critical case); duty officers acknowledge, publish, monitor, close and reopen; leaders
 * may take any step. Admins run the system, not the newsroom: they take every step except signing off a response.
 */
const EVERY_STEP_BUT_APPROVAL: readonly Role[] = ['admin', 'leader'];
const WORKING: readonly Role[] = [...EVERY_STEP_BUT_APPROVAL, 'duty_officer', 'writer', 'reviewer'];
const OFFICERS: readonly Role[] = [...EVERY_STEP_BUT_APPROVAL, 'duty_officer'];

type Step = `${CaseStatus}>${CaseStatus}`;

const STEP_ROLES: Readonly<Partial<Record<Step, readonly Role[]>>> = {
  'new>acknowledged': OFFICERS,
  'new>closed': OFFICERS,
  'acknowledged>drafting': [...OFFICERS, 'writer'],
  'acknowledged>closed': OFFICERS,
  'drafting>in_review': [...OFFICERS, 'writer'],
  'drafting>waiting': WORKING,
  'drafting>closed': OFFICERS,
  'waiting>drafting': WORKING,
  'waiting>in_review': WORKING,
  'in_review>approved': ['leader', 'reviewer'],
  'in_review>drafting': [...EVERY_STEP_BUT_APPROVAL, 'reviewer'],
  'in_review>waiting': WORKING,
  'approved>published': [...OFFICERS, 'writer'],
  'approved>drafting': [...EVERY_STEP_BUT_APPROVAL, 'reviewer'],
  'published>monitoring': [...OFFICERS, 'writer'],
  'published>closed': OFFICERS,
  'monitoring>closed': OFFICERS,
  'monitoring>drafting': OFFICERS,
  'closed>drafting': OFFICERS,
};

export interface CaseTransitionAttempt {
  from: CaseStatus;
  to: CaseStatus;
  severity: CaseSeverity;
  roles: readonly Role[];
}

export type CaseTransitionDecision = { allowed: true } | { allowed: false; refusal: CaseTransitionRefusal };

/** Whether these roles may move a case of this severity from `from` to `to`, and if not, why. */
export function decideCaseTransition({ from, to, severity, roles }: CaseTransitionAttempt): CaseTransitionDecision {
  if (from === to) return { allowed: false, refusal: 'same_status' };
  if (!CASE_TRANSITIONS[from].includes(to)) return { allowed: false, refusal: 'not_in_workflow' };
  if (to === 'approved' && severity === 'critical') {
    return roles.includes('leader') ? { allowed: true } : { allowed: false, refusal: 'critical_needs_leader' };
  }
  const permitted = STEP_ROLES[`${from}>${to}`] ?? [];
  return roles.some((role) => permitted.includes(role)) ? { allowed: true } : { allowed: false, refusal: 'role_not_permitted' };
}

/** The statuses these roles may move the case to now (in workflow order). */
export function allowedCaseTransitions(from: CaseStatus, severity: CaseSeverity, roles: readonly Role[]): CaseStatus[] {
  return CASE_TRANSITIONS[from].filter((to) => decideCaseTransition({ from, to, severity, roles }).allowed);
}

/** A refusal for a step the workflow has (wrong role) is a permission matter; any other is a conflict with the case's state. */
export function isPermissionRefusal(refusal: CaseTransitionRefusal): boolean {
  return refusal === 'role_not_permitted' || refusal === 'critical_needs_leader';
}
