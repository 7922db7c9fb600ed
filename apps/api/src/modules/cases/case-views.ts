import type { CaseAuditEntryView, CaseCommentView, CaseLinkView } from '@vigil/contracts';
import type { CaseAuditRow, CaseCommentRow, CaseLinkRow } from '@vigil/persistence';

/** A case as a board shows it, with its deadlines (one mapper, shared with the deadline ticker's live events). */
export { toCaseSummary } from '@vigil/deadlines';

export function toCaseLinkView(row: CaseLinkRow): CaseLinkView {
  return { kind: row.kind, id: row.id, title: row.title, addedBy: row.addedBy, addedAt: row.addedAt.toISOString() };
}

export function toCaseCommentView(row: CaseCommentRow): CaseCommentView {
  return { id: row.id, author: row.author, body: row.body, mentions: row.mentions, createdAt: row.createdAt.toISOString() };
}

export function toCaseAuditEntryView(row: CaseAuditRow): CaseAuditEntryView {
  return { seq: row.seq, action: row.action, actor: row.actor, at: row.at, before: row.before, after: row.after, prevHash: row.prevHash, hash: row.hash };
}
