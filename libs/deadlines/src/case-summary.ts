import type { CaseDeadlineView, CaseSummary } from '@vigil/contracts';
import type { CaseRow } from '@vigil/persistence';

/** A case as boards and live events show it, with its deadlines (required: a summary without them would blank a board card's countdown). */
export function toCaseSummary(row: CaseRow, deadlines: CaseDeadlineView[]): CaseSummary {
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    severity: row.severity,
    status: row.status,
    assignee: row.assignee,
    team: row.team,
    tags: row.tags,
    deadlines,
    breachedAt: row.breachedAt?.toISOString() ?? null,
    escalationLevel: row.escalationLevel,
    statusChangedAt: row.statusChangedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
