import type { Role } from '@vigil/contracts';

/** The case fields an edit may touch (PATCH /api/cases/:id). */
export type CaseEditableField = 'title' | 'claimSummary' | 'severity' | 'assigneeId' | 'teamId' | 'tags';

/**
 * How urgent a case is and who answers it are the shift's calls (duty officers, leaders, admins); anyone working
 * the case may reword its title and claim or tag it. A writer therefore cannot lower a case's severity to slip a deadline.
 */
const ROUTING: readonly Role[] = ['admin', 'duty_officer', 'leader'];
const FIELD_ROLES: Readonly<Record<CaseEditableField, readonly Role[] | 'any'>> = {
  title: 'any',
  claimSummary: 'any',
  tags: 'any',
  severity: ROUTING,
  assigneeId: ROUTING,
  teamId: ROUTING,
};

/** The first of `fields` these roles may not change, or null when they may change them all. */
export function caseFieldRefused(fields: readonly CaseEditableField[], roles: readonly Role[]): CaseEditableField | null {
  for (const field of fields) {
    const permitted = FIELD_ROLES[field];
    if (permitted !== 'any' && !roles.some((role) => permitted.includes(role))) return field;
  }
  return null;
}
