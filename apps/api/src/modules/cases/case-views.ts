import type { CaseAuditEntryView, CaseCommentView, CaseDeadlineView, CaseLinkView, CaseSummary } from '@vigil/contracts';
import type { CaseAuditRow, CaseCommentRow, CaseLinkRow, CaseRow } from '@vigil/persistence';

/** A case as a board shows it; its deadlines come from the deadline component (none until it sets them). */
export function toCaseSummary(row: CaseRow, deadlines: CaseDeadlineView[] = []): CaseSummary {
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
    statusChangedAt: row.statusChangedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toCaseLinkView(row: CaseLinkRow): CaseLinkView {
  return { kind: row.kind, id: row.id, title: row.title, addedBy: row.addedBy, addedAt: row.addedAt.toISOString() };
}

export function toCaseCommentView(row: CaseCommentRow): CaseCommentView {
  return { id: row.id, author: row.author, body: row.body, mentions: row.mentions, createdAt: row.createdAt.toISOString() };
}

export function toCaseAuditEntryView(row: CaseAuditRow): CaseAuditEntryView {
  return { seq: row.seq, action: row.action, actor: row.actor, at: row.at, before: row.before, after: row.after, prevHash: row.prevHash, hash: row.hash };
}
