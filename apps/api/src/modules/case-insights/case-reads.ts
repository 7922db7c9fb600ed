import { Injectable } from '@nestjs/common';
import { type CaseDeadlineView, type CaseSummary, VigilError } from '@vigil/contracts';
import { toCaseSummary } from '@vigil/deadlines';
import { deadlineState } from '@vigil/domain';
import { CaseDeadlinesRepository, type CaseDeadlineOutcomeRow, type CaseDeadlineRow, type CaseRow, CasesRepository } from '@vigil/persistence';

export interface CaseRead {
  row: CaseRow;
  summary: CaseSummary;
  /** In stage order, with when each was met or breached. */
  deadlines: CaseDeadlineOutcomeRow[];
}

/** Cases as the case components store and show them (their repositories, the boards' summary), read for insights. */
@Injectable()
export class CaseReads {
  constructor(
    private readonly cases: CasesRepository,
    private readonly deadlines: CaseDeadlinesRepository,
  ) {}

  async one(id: string): Promise<CaseRead> {
    const [found] = await this.many([id]);
    if (!found) throw new VigilError('case_not_found', `No case ${id}`);
    return found;
  }

  /** In the order of `ids`; ids of no case are left out. */
  async many(ids: readonly string[]): Promise<CaseRead[]> {
    const [rows, deadlines] = await Promise.all([this.cases.findByIds(ids), this.deadlines.forCases(ids)]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      const outcomes = (deadlines.get(id) ?? []).map(outcomeOf);
      return [{ row, summary: toCaseSummary(row, outcomes.map(viewOf)), deadlines: outcomes }];
    });
  }

  rows(ids: readonly string[]): Promise<CaseRow[]> {
    return this.cases.findByIds(ids);
  }
}

function outcomeOf(row: CaseDeadlineRow): CaseDeadlineOutcomeRow {
  return {
    stage: row.stage,
    dueAt: row.dueAt,
    state: deadlineState({ metAt: row.metAt, warnedAt: row.warnedAt, breachedAt: row.breachedAt, paused: row.runningSince === null }),
    metAt: row.metAt,
    breachedAt: row.breachedAt,
  };
}

const viewOf = (deadline: CaseDeadlineOutcomeRow): CaseDeadlineView => ({
  stage: deadline.stage,
  dueAt: deadline.dueAt.toISOString(),
  state: deadline.state,
  metAt: deadline.metAt?.toISOString() ?? null,
});
