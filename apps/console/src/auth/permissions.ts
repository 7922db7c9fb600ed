import type { UserView } from '@vigil/contracts';

/**
 * Mirrors the roles the API admits on source changes, only to hide controls that would answer 403;
 * the API stays the judge.
 */
export function canManageSources(user: UserView): boolean {
  return user.roles.includes('admin') || user.roles.includes('duty_officer');
}
