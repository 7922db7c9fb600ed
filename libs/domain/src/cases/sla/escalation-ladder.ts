import { CASE_ESCALATION_LEVELS, type CaseEscalationLevel, type Role } from '@vigil/contracts';

/**
 * Who a missed deadline reaches: the assignee is warned, a breach goes one rung up (the reviewer on duty), and each
 * further unmet stage or unanswered reminder one rung more, up to the leaders.
 */
export const LEADER_LEVEL = CASE_ESCALATION_LEVELS.length - 1;

/** The rung a stage's breach reaches, given how many other stages of the case are already missed and still unmet. */
export function levelAtBreach(otherMissedStages: number): number {
  return Math.min(LEADER_LEVEL, 1 + otherMissedStages);
}

/** The rung after a reminder that still found the stage unmet. */
export function levelAfterReminder(level: number): number {
  return Math.min(LEADER_LEVEL, level + 1);
}

export function escalationLevelName(level: number): CaseEscalationLevel {
  return CASE_ESCALATION_LEVELS[Math.max(0, Math.min(LEADER_LEVEL, level))]!;
}

/** The roles that hear an escalation at a rung (duty officers see the assignee's; admins see everything). */
const ROLES_AT: Record<CaseEscalationLevel, Role[]> = {
  assignee: ['duty_officer', 'writer', 'admin'],
  reviewer: ['reviewer', 'duty_officer', 'admin'],
  leader: ['leader', 'reviewer', 'duty_officer', 'admin'],
};

export function rolesAtLevel(level: number): Role[] {
  return [...ROLES_AT[escalationLevelName(level)]];
}

/** Who hears a breach: the rung it reaches, and the leaders at every rung, since they review each breach of a crisis. */
export function rolesHearingBreach(level: number): Role[] {
  return [...new Set<Role>([...rolesAtLevel(level), 'leader'])];
}
