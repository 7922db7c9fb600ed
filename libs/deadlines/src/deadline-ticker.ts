import { Inject, Injectable } from '@nestjs/common';
import type { CaseDeadlineStage } from '@vigil/contracts';
import { addTime, CLOCK, type Clock, escalationLevelName, levelAfterReminder, levelAtBreach, rolesAtLevel, rolesHearingBreach, type SlaPolicy } from '@vigil/domain';
import { CaseAuditRepository, type CaseDeadlineRow, CaseDeadlinesRepository, CasesRepository, type DeadlineEscalation, type Transaction, Transactions } from '@vigil/persistence';
import { VigilMetrics } from '@vigil/metrics';
import { type LiveEventDraft, LiveEventPublisher } from '@vigil/realtime';
import { toCaseSummary } from './case-summary';
import { deadlineView, rowCalendar } from './deadline-rows';
import { SlaPolicyStore } from './sla-policy.store';

// Per tick: a burst after downtime drains over a few ticks instead of one long transaction.
const CASES_PER_TICK = 500;

export interface DeadlineTickResult {
  warnings: number;
  breaches: number;
  reminders: number;
}

type Firing = { kind: 'warning' | 'breach' | 'reminder'; row: CaseDeadlineRow; level: number };

const key = (row: { caseId: string; stage: CaseDeadlineStage }) => `${row.caseId}:${row.stage}`;

/**
 * Fires what is due: a warning at the policy's share of a stage's time, a breach at its due time (the case marked
 * breached, escalated a rung), and reminders that climb the ladder until the stage is met. All of one tick commits
 * together — the claims, the audit entries and the live events — so a firing is recorded and announced exactly once,
 * or not at all and then by the next tick.
 */
@Injectable()
export class DeadlineTicker {
  constructor(
    private readonly transactions: Transactions,
    private readonly deadlines: CaseDeadlinesRepository,
    private readonly cases: CasesRepository,
    private readonly audit: CaseAuditRepository,
    private readonly policies: SlaPolicyStore,
    private readonly publisher: LiveEventPublisher,
    private readonly metrics: VigilMetrics,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async tick(): Promise<DeadlineTickResult> {
    const policy = await this.policies.current();
    const now = this.clock.now();
    const { firings, stored } = await this.transactions.run(async (tx) => {
      const caseIds = await this.deadlines.lockCasesWithDue(now, CASES_PER_TICK, tx);
      const breaches = await this.deadlines.claimBreaches(caseIds, now, tx);
      const warnings = await this.deadlines.claimWarnings(caseIds, now, tx);
      const reminders = await this.deadlines.claimReminders(caseIds, now, tx);
      const current = await this.deadlines.forCases(caseIds, tx);
      const fired: Firing[] = [
        ...warnings.map((row) => ({ kind: 'warning' as const, row, level: row.escalationLevel })),
        ...breaches.map((row) => ({ kind: 'breach' as const, row, level: levelAtBreach(missedBefore(row, current.get(row.caseId) ?? [], breaches)) })),
        ...reminders.map((row) => ({ kind: 'reminder' as const, row, level: levelAfterReminder(row.escalationLevel) })),
      ];
      return { firings: fired, stored: await this.record(fired, policy, now, tx) };
    });
    await this.publisher.notifyStored(stored);
    const count = (kind: Firing['kind']) => firings.filter((firing) => firing.kind === kind).length;
    const fired = { warnings: count('warning'), breaches: count('breach'), reminders: count('reminder') };
    this.metrics.deadlineFirings.inc({ kind: 'warning' }, fired.warnings);
    this.metrics.deadlineFirings.inc({ kind: 'breach' }, fired.breaches);
    this.metrics.deadlineFirings.inc({ kind: 'reminder' }, fired.reminders);
    return fired;
  }

  /** Rungs and next reminders, the cases' breach marks, one audit entry per firing, and the live events. */
  private async record(firings: readonly Firing[], policy: SlaPolicy, now: Date, tx: Transaction) {
    if (firings.length === 0) return [];
    const escalations: DeadlineEscalation[] = firings
      .filter((firing) => firing.kind !== 'warning')
      .map(({ row, level }) => ({ caseId: row.caseId, stage: row.stage, level, nextReminderAt: addTime(rowCalendar(policy, row.calendar), now, policy.reminderMinutes * 60_000) }));
    await this.deadlines.setEscalations(escalations, tx);
    const highest = new Map<string, number>();
    for (const { caseId, level } of escalations) highest.set(caseId, Math.max(level, highest.get(caseId) ?? 0));
    await this.deadlines.markCasesEscalated(highest, now, tx);

    const caseIds = [...new Set(firings.map((firing) => firing.row.caseId))];
    const deadlines = await this.deadlines.forCases(caseIds, tx);
    const cases = new Map((await this.cases.findByIds(caseIds, tx)).map((row) => [row.id, row]));
    await this.audit.appendMany(
      firings.map((firing) => ({ caseId: firing.row.caseId, entry: auditEntry(firing) })),
      now,
      tx,
    );
    const drafts: LiveEventDraft[] = [];
    for (const firing of firings) {
      const { caseId, stage } = firing.row;
      const row = cases.get(caseId)!;
      const views = (deadlines.get(caseId) ?? []).map(deadlineView);
      const deadline = { caseId, reference: row.reference, title: row.title, severity: row.severity, deadline: views.find((view) => view.stage === stage)! };
      const roles = rolesAtLevel(firing.level);
      const escalated: LiveEventDraft<'case.escalated'> = {
        type: 'case.escalated',
        data: { case: toCaseSummary(row, views), byUserId: null, stage, level: escalationLevelName(firing.level), roles },
        audience: { roles },
      };
      // The assignee is warned whatever their roles: the first rung of the ladder is them.
      const assignee = row.assignee ? { userIds: [row.assignee.id] } : {};
      if (firing.kind === 'warning') drafts.push({ type: 'deadline.warning', data: deadline, audience: { roles, ...assignee } });
      if (firing.kind === 'breach') drafts.push({ type: 'deadline.breached', data: deadline, audience: { roles: rolesHearingBreach(firing.level) } }, escalated);
      if (firing.kind === 'reminder') drafts.push(escalated);
    }
    return this.publisher.store(drafts, tx);
  }
}

/**
 * How many of the case's other stages were missed before this one and are still unmet: those breached at an earlier
 * tick, and those breached in this tick that fell due first.
 */
function missedBefore(row: CaseDeadlineRow, caseRows: readonly CaseDeadlineRow[], breachedNow: readonly CaseDeadlineRow[]): number {
  const now = new Set(breachedNow.map(key));
  return caseRows.filter((other) => other.stage !== row.stage && other.breachedAt && !other.metAt && (!now.has(key(other)) || other.dueAt < row.dueAt)).length;
}

/** The audit entry of a firing: the deadline's state and the case's rung, before and after. */
function auditEntry({ kind, row, level }: Firing) {
  const stage = row.stage;
  if (kind === 'warning') return { action: 'updated' as const, actorId: null, before: { deadlines: { [stage]: 'pending' } }, after: { deadlines: { [stage]: 'warned' } } };
  const before = { escalationLevel: escalationLevelName(row.escalationLevel), deadlines: { [stage]: kind === 'breach' ? (row.warnedAt ? 'warned' : 'pending') : 'breached' } };
  const after = { escalationLevel: escalationLevelName(level), deadlines: { [stage]: 'breached' }, ...(kind === 'reminder' ? { reminder: row.reminders } : {}) };
  return { action: 'escalated' as const, actorId: null, before, after };
}
