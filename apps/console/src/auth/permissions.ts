import type { UserView } from '@vigil/contracts';

/**
 * Mirrors the roles the API admits on source changes, only to hide controls that would answer 403;
 * the API stays the judge.
 */
export function canManageSources(user: UserView): boolean {
  return user.roles.includes('admin') || user.roles.includes('duty_officer');
}

/** Removing a source ends its collection and may delete evidence: admins only, as the API decides. */
export function canRemoveSources(user: UserView): boolean {
  return user.roles.includes('admin');
}

/** Writing watch rules (and testing a query against recent items) is for admins and duty officers; all may read. */
export function canManageRules(user: UserView): boolean {
  return user.roles.includes('admin') || user.roles.includes('duty_officer');
}

/** Claiming and deciding flags (the live screen's c / e / d) is for duty officers and admins; all may watch the queue. */
export function canTriageFlags(user: UserView): boolean {
  return user.roles.includes('admin') || user.roles.includes('duty_officer');
}

/** Opening a case by hand is for duty officers, leaders and admins, as the API decides (writers work on cases opened for them). */
export function canOpenCases(user: UserView): boolean {
  return user.roles.some((role) => role === 'admin' || role === 'duty_officer' || role === 'leader');
}

/** Severity (which recomputes the deadlines), assignee and team are the shift's to set; every role may reword and tag. */
export function canAssignCases(user: UserView): boolean {
  return canOpenCases(user);
}

/** The fact library is kept by those who write and approve responses, as the API decides; every role reads it. */
export function canKeepFacts(user: UserView): boolean {
  return user.roles.some((role) => role === 'writer' || role === 'reviewer' || role === 'leader' || role === 'admin');
}
