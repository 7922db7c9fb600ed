import {
  CASE_DEADLINE_STAGES,
  CASE_ESCALATION_LEVELS,
  CASE_SEVERITIES,
  CASE_STATUSES,
  type CaseDeadlineStage,
  type CaseEscalationLevel,
  type CaseSeverity,
  type CaseStatus,
  type TimelineEvent,
} from '@vigil/contracts';
import type { StatusChange } from '@vigil/domain';
import type { CaseAuditRow, CaseDeadlineOutcomeRow, CaseFirstItem, CaseFlagRow, CaseSpikeRow } from '@vigil/persistence';

export interface TimelineSources {
  /** The case's severity now: what its opening shows when the trail's first entry does not say. */
  severity: CaseSeverity;
  firstItem: CaseFirstItem | null;
  flags: CaseFlagRow[];
  spikes: CaseSpikeRow[];
  audit: CaseAuditRow[];
  deadlines: CaseDeadlineOutcomeRow[];
}

const isStatus = (value: unknown): value is CaseStatus => typeof value === 'string' && (CASE_STATUSES as readonly string[]).includes(value);
const isStage = (value: unknown): value is CaseDeadlineStage => typeof value === 'string' && (CASE_DEADLINE_STAGES as readonly string[]).includes(value);
const isSeverity = (value: unknown): value is CaseSeverity => typeof value === 'string' && (CASE_SEVERITIES as readonly string[]).includes(value);
const isLevel = (value: unknown): value is CaseEscalationLevel => typeof value === 'string' && (CASE_ESCALATION_LEVELS as readonly string[]).includes(value);
const textOf = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

/** The status moves recorded in the trail (an entry whose status is not a known one is left out, never guessed). */
export function statusChanges(audit: readonly CaseAuditRow[]): StatusChange[] {
  return audit.flatMap((entry) => (entry.action === 'transitioned' && isStatus(entry.after?.status) ? [{ at: new Date(entry.at), to: entry.after.status }] : []));
}

/**
 * Everything that happened, oldest first; at the same instant, in the order things cause one another (the item, its
 * flag, the spike, then what officers did). Drafts and approvals appear as the status moves that record them.
 */
export function timelineEvents(sources: TimelineSources): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  if (sources.firstItem) {
    const item = sources.firstItem;
    events.push({ kind: 'first_seen', at: item.fetchedAt.toISOString(), itemId: item.id, title: item.title, sourceName: item.sourceName });
  }
  for (const flag of sources.flags) events.push({ kind: 'flag_raised', at: flag.createdAt.toISOString(), flagId: flag.id, ruleName: flag.ruleName, severity: flag.severity });
  for (const spike of sources.spikes) {
    events.push({ kind: 'spike', at: spike.detectedAt.toISOString(), subject: spike.subject, subjectName: spike.subjectName, count: spike.count, zScore: spike.zScore });
  }
  const dueAt = new Map(sources.deadlines.map((deadline) => [deadline.stage, deadline.dueAt.toISOString()]));
  for (const entry of sources.audit) {
    const event = auditEvent(entry, sources.severity, dueAt);
    if (event) events.push(event);
  }
  for (const deadline of sources.deadlines) {
    const dueAt = deadline.dueAt.toISOString();
    if (deadline.breachedAt) events.push({ kind: 'deadline', at: deadline.breachedAt.toISOString(), stage: deadline.stage, outcome: 'breached', dueAt });
    else if (deadline.metAt) events.push({ kind: 'deadline', at: deadline.metAt.toISOString(), stage: deadline.stage, outcome: 'met', dueAt });
  }
  const order = new Map<TimelineEvent['kind'], number>(
    (['first_seen', 'flag_raised', 'spike', 'case_opened', 'status_changed', 'escalated', 'deadline'] as const).map((kind, index) => [kind, index]),
  );
  return events.sort((a, b) => a.at.localeCompare(b.at) || order.get(a.kind)! - order.get(b.kind)!);
}

function auditEvent(entry: CaseAuditRow, severity: CaseSeverity, dueAt: ReadonlyMap<CaseDeadlineStage, string>): TimelineEvent | null {
  const at = entry.at;
  switch (entry.action) {
    case 'created':
      return { kind: 'case_opened', at, actor: entry.actor?.displayName ?? null, severity: isSeverity(entry.after?.severity) ? entry.after.severity : severity };
    case 'transitioned':
      if (!isStatus(entry.after?.status)) return null;
      return { kind: 'status_changed', at, actor: entry.actor?.displayName ?? null, from: isStatus(entry.before?.status) ? entry.before.status : null, to: entry.after.status, reason: textOf(entry.after.reason) };
    case 'escalated': {
      // The deadline ticker records the rung reached and the stage that fired: { escalationLevel, deadlines: { <stage>: state } }.
      const stages = Object.keys((entry.after?.deadlines as Record<string, unknown> | undefined) ?? {}).filter(isStage);
      return { kind: 'escalated', at, stage: stages[0] ?? null, level: isLevel(entry.after?.escalationLevel) ? entry.after.escalationLevel : null };
    }
    case 'updated': {
      // The deadline ticker records a warning as a system update: { deadlines: { <stage>: 'warned' } }.
      if (entry.actor !== null) return null;
      const warned = Object.entries((entry.after?.deadlines as Record<string, unknown> | undefined) ?? {}).find(([stage, state]) => isStage(stage) && state === 'warned');
      const stage = warned?.[0];
      const due = isStage(stage) ? dueAt.get(stage) : undefined;
      return isStage(stage) && due ? { kind: 'deadline', at, stage, outcome: 'warned', dueAt: due } : null;
    }
    default:
      return null;
  }
}
