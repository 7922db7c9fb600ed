import type { CaseSeverity, DraftStatus, Role } from '@vigil/contracts';

export const DRAFT_REVIEW_ACTIONS = ['submit', 'request-changes', 'approve', 'publish'] as const;
export type DraftReviewAction = (typeof DRAFT_REVIEW_ACTIONS)[number];

/** Who writes drafts: everyone in the newsroom, and admins; duty officers only read them. */
export const DRAFT_EDITORS: readonly Role[] = ['admin', 'writer', 'reviewer', 'leader'];
const REVIEWERS: readonly Role[] = ['reviewer', 'leader'];

/** Where each action may start from. */
const FROM: Readonly<Record<DraftReviewAction, readonly DraftStatus[]>> = {
  submit: ['editing', 'changes_requested'],
  'request-changes': ['in_review', 'awaiting_signoff'],
  approve: ['in_review', 'awaiting_signoff'],
  publish: ['approved'],
};

export type DraftActionRefusal =
  /** The draft is not in a status the action starts from. */
  | 'illegal'
  /** None of the user's roles may take it (a writer approving, a reviewer signing off a critical case). */
  | 'not_permitted';

export type DraftActionDecision = { allowed: true; to: DraftStatus; finalApproval: boolean } | { allowed: false; refusal: DraftActionRefusal };

export interface DraftActionAttempt {
  action: DraftReviewAction;
  status: DraftStatus;
  /** The case's severity: a critical case needs a leader's sign-off. */
  severity: CaseSeverity;
  roles: readonly Role[];
}

/**
 * The review workflow. Writers (and every editor) submit; reviewers and leaders request changes and approve; a
 * reviewer's approval of a critical case waits for a leader's sign-off, a leader's is final at once; reviewers and
 * leaders publish what was approved. Admins run the system, not the newsroom: they edit and submit, never approve.
 */
export function decideDraftAction({ action, status, severity, roles }: DraftActionAttempt): DraftActionDecision {
  if (!FROM[action].includes(status)) return { allowed: false, refusal: 'illegal' };
  const has = (permitted: readonly Role[]) => roles.some((role) => permitted.includes(role));
  switch (action) {
    case 'submit':
      return has(DRAFT_EDITORS) ? { allowed: true, to: 'in_review', finalApproval: false } : { allowed: false, refusal: 'not_permitted' };
    case 'request-changes':
      if (status === 'awaiting_signoff') return roles.includes('leader') ? { allowed: true, to: 'changes_requested', finalApproval: false } : { allowed: false, refusal: 'not_permitted' };
      return has(REVIEWERS) ? { allowed: true, to: 'changes_requested', finalApproval: false } : { allowed: false, refusal: 'not_permitted' };
    case 'approve':
      if (roles.includes('leader')) return { allowed: true, to: 'approved', finalApproval: true };
      if (status === 'in_review' && roles.includes('reviewer')) {
        return severity === 'critical' ? { allowed: true, to: 'awaiting_signoff', finalApproval: false } : { allowed: true, to: 'approved', finalApproval: true };
      }
      return { allowed: false, refusal: 'not_permitted' };
    case 'publish':
      return has(REVIEWERS) ? { allowed: true, to: 'published', finalApproval: false } : { allowed: false, refusal: 'not_permitted' };
  }
}

/** The review actions these roles may take on a draft in this status (what the console offers as buttons). */
export function allowedDraftActions(status: DraftStatus, severity: CaseSeverity, roles: readonly Role[]): DraftReviewAction[] {
  return DRAFT_REVIEW_ACTIONS.filter((action) => decideDraftAction({ action, status, severity, roles }).allowed);
}

/**
 * Whether a new version may be saved: always before publication (a draft under review or approved goes back to
 * editing and needs approval again); never after, since the published text is what went out.
 */
export function isDraftEditable(status: DraftStatus): boolean {
  return status !== 'published';
}
