import type { CaseSummary } from '@vigil/contracts';
import type { CaseHeaderRow } from '@vigil/persistence';

export function toCaseSummary(row: CaseHeaderRow): CaseSummary {
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    severity: row.severity,
    status: row.status,
    assignee: row.assignee,
    team: row.team,
    tags: row.tags,
    deadlines: row.deadlines.map((deadline) => ({ stage: deadline.stage, dueAt: deadline.dueAt.toISOString(), state: deadline.state })),
    statusChangedAt: row.statusChangedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
