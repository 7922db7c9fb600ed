import { Injectable } from '@nestjs/common';
import { CASE_DEADLINE_STAGES, type CaseDeadlineView, type CaseSeverity, type CaseStatus } from '@vigil/contracts';
import { isPausedIn, isStageMetBy, pauseTiming, rebudgetTiming, resumeTiming, stageBudgetMs, startTiming } from '@vigil/domain';
import { CaseDeadlinesRepository, type DeadlinePlan, type Transaction } from '@vigil/persistence';
import { deadlineView, planOf, rowCalendar, severityCalendarKind, timingOf } from './deadline-rows';
import { SlaPolicyStore } from './sla-policy.store';

/**
 * Keeps a case's deadlines in step with the case, inside the transaction that changes the case: planned at creation,
 * recomputed when its severity changes, met, paused and resumed as its status moves.
 */
@Injectable()
export class CaseDeadlinePlanner {
  constructor(
    private readonly deadlines: CaseDeadlinesRepository,
    private readonly policies: SlaPolicyStore,
  ) {}

  /** Every stage's deadline, counted from the case's creation. */
  async planCase(change: { caseId: string; severity: CaseSeverity; at: Date }, tx: Transaction): Promise<void> {
    const policy = await this.policies.current(tx);
    const calendar = severityCalendarKind(policy, change.severity);
    const plans = CASE_DEADLINE_STAGES.map((stage) =>
      planOf(policy, { caseId: change.caseId, stage, calendar }, startTiming(stageBudgetMs(policy, change.severity, stage), change.at), change.at),
    );
    await this.deadlines.savePlans(plans, tx);
  }

  /** The unmet stages get the new severity's times; the time already used still counts. */
  async severityChanged(change: { caseId: string; severity: CaseSeverity; at: Date }, tx: Transaction): Promise<void> {
    const policy = await this.policies.current(tx);
    const calendar = severityCalendarKind(policy, change.severity);
    const rows = await this.deadlines.forUpdate(change.caseId, tx);
    const plans = rows
      .filter((row) => !row.metAt)
      .map((row) => {
        const timing = rebudgetTiming(timingOf(row), rowCalendar(policy, row.calendar), stageBudgetMs(policy, change.severity, row.stage), change.at);
        // Recomputed even while paused: the due time shown is then the new one as if the case resumed now.
        return planOf(policy, { caseId: row.caseId, stage: row.stage, calendar }, timing, change.at);
      });
    await this.deadlines.savePlans(plans, tx);
  }

  /** Reaching a status meets the stages it completes; `waiting` pauses the others, leaving it resumes them. */
  async statusChanged(change: { caseId: string; to: CaseStatus; at: Date }, tx: Transaction): Promise<void> {
    const policy = await this.policies.current(tx);
    const rows = await this.deadlines.forUpdate(change.caseId, tx);
    const plans: DeadlinePlan[] = [];
    for (const row of rows.filter((candidate) => !candidate.metAt)) {
      const calendar = rowCalendar(policy, row.calendar);
      if (isStageMetBy(row.stage, change.to)) {
        plans.push({ ...planOf(policy, row, timingOf(row), change.at, row), metAt: change.at });
      } else if (isPausedIn(change.to) && row.runningSince) {
        plans.push(planOf(policy, row, pauseTiming(timingOf(row), calendar, change.at), change.at, row));
      } else if (!isPausedIn(change.to) && !row.runningSince) {
        plans.push(planOf(policy, row, resumeTiming(timingOf(row), change.at), change.at));
      }
    }
    await this.deadlines.savePlans(plans, tx);
  }

  /** What boards show: each case's deadlines in stage order (empty for a case without any). */
  async viewsFor(caseIds: readonly string[], tx?: Transaction): Promise<Map<string, CaseDeadlineView[]>> {
    const rows = await this.deadlines.forCases(caseIds, tx);
    return new Map([...rows].map(([caseId, deadlines]) => [caseId, deadlines.map(deadlineView)]));
  }

  /** One case's deadlines, in the caller's transaction when given (a live event announcing a change shows them as changed). */
  async viewsOf(caseId: string, tx?: Transaction): Promise<CaseDeadlineView[]> {
    return (await this.viewsFor([caseId], tx)).get(caseId) ?? [];
  }
}
