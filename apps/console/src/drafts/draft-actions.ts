import type { CaseSeverity, DraftStatus, Role, UserView } from '@vigil/contracts';

/**
 * Mirrors the API's review workflow (libs/domain drafting/draft-review.ts), only to choose which buttons to show; the
 * API stays the judge and a refusal is shown by its code.
 */
export type DraftAction = 'submit' | 'request-changes' | 'approve' | 'sign-off' | 'publish';

const EDITORS: readonly Role[] = ['admin', 'writer', 'reviewer', 'leader'];
const REVIEWERS: readonly Role[] = ['reviewer', 'leader'];

/** Duty officers read drafts; every other newsroom role (and admins) writes them. */
export function canEditDrafts(user: UserView): boolean {
  return user.roles.some((role) => EDITORS.includes(role));
}

/**
 * The steps this user may take now. A writer submits; a reviewer requests changes or approves (on a critical case
 * that approval waits for a leader); a leader's approval is final, and on a draft awaiting sign-off it is the sign-off;
 * reviewers and leaders publish what was approved. Admins edit and submit but never approve.
 */
export function draftActions(status: DraftStatus, roles: readonly Role[]): DraftAction[] {
  const has = (permitted: readonly Role[]) => roles.some((role) => permitted.includes(role));
  const leader = roles.includes('leader');
  switch (status) {
    case 'editing':
    case 'changes_requested':
      return has(EDITORS) ? ['submit'] : [];
    case 'in_review':
      return has(REVIEWERS) ? ['request-changes', 'approve'] : [];
    case 'awaiting_signoff':
      return leader ? ['request-changes', 'sign-off'] : [];
    case 'approved':
      return has(REVIEWERS) ? ['publish'] : [];
    case 'published':
      return [];
    default: {
      const exhaustive: never = status;
      return exhaustive;
    }
  }
}

/** Whether a reviewer's approval of this draft still needs a leader: shown beside the approve button. */
export function approvalNeedsSignOff(status: DraftStatus, severity: CaseSeverity, roles: readonly Role[]): boolean {
  return status === 'in_review' && severity === 'critical' && !roles.includes('leader');
}
