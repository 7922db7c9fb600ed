import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CaseAuditAction } from '@vigil/contracts';
import { type AuditEntryContent, auditEntryHash, type ChainedAuditEntry } from '@vigil/domain';
import { DataSource } from 'typeorm';
import { type PersonRow, personJson } from './case-people-sql';
import type { Transaction } from './transactions';

export interface NewCaseAuditEntry {
  action: CaseAuditAction;
  actorId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface CaseAuditRow extends ChainedAuditEntry {
  action: CaseAuditAction;
  actor: PersonRow | null;
}

const AUDIT_SELECT = `
  SELECT e.case_id AS "caseId", e.seq, e.action, e.actor_id AS "actorId", ${personJson('u')} AS actor, e.at, e.before, e.after,
         e.prev_hash AS "prevHash", e.hash
    FROM case_audit e LEFT JOIN users u ON u.id = e.actor_id`;

/**
 * A case's append-only trail. Appending locks the case row, so two changes to one case chain one after the other;
 * the table's trigger refuses UPDATE and DELETE, and nothing here tries.
 */
@Injectable()
export class CaseAuditRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async append(caseId: string, entry: NewCaseAuditEntry, at: Date, tx: Transaction): Promise<CaseAuditRow> {
    await tx.manager.query(`SELECT 1 FROM cases WHERE id = $1 FOR UPDATE`, [caseId]);
    const [last]: { seq: number; hash: string }[] = await tx.manager.query(`SELECT seq, hash FROM case_audit WHERE case_id = $1 ORDER BY seq DESC LIMIT 1`, [caseId]);
    const content: AuditEntryContent = { caseId, seq: (last?.seq ?? 0) + 1, action: entry.action, actorId: entry.actorId, at: at.toISOString(), before: entry.before, after: entry.after };
    const prevHash = last?.hash ?? null;
    await tx.manager.query(
      `INSERT INTO case_audit (case_id, seq, action, actor_id, at, before, after, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [caseId, content.seq, content.action, content.actorId, at, toJsonb(content.before), toJsonb(content.after), prevHash, auditEntryHash(prevHash, content)],
    );
    const [row]: RawAuditRow[] = await tx.manager.query(`${AUDIT_SELECT} WHERE e.case_id = $1 AND e.seq = $2`, [caseId, content.seq]);
    return fromRaw(row!);
  }

  /**
   * Several entries, for several cases, in one statement (the deadline ticker's firings): each case's entries chain
   * on in the order given, under the same case row locks as `append`.
   */
  async appendMany(entries: readonly { caseId: string; entry: NewCaseAuditEntry }[], at: Date, tx: Transaction): Promise<void> {
    if (entries.length === 0) return;
    const caseIds = [...new Set(entries.map(({ caseId }) => caseId))];
    await tx.manager.query(`SELECT 1 FROM cases WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [caseIds]);
    const lasts: { caseId: string; seq: number; hash: string }[] = await tx.manager.query(
      `SELECT DISTINCT ON (case_id) case_id AS "caseId", seq, hash FROM case_audit WHERE case_id = ANY($1::uuid[]) ORDER BY case_id, seq DESC`,
      [caseIds],
    );
    const heads = new Map(lasts.map((last) => [last.caseId, { seq: last.seq, hash: last.hash as string | null }]));
    const rows = entries.map(({ caseId, entry }) => {
      const head = heads.get(caseId) ?? { seq: 0, hash: null };
      const content: AuditEntryContent = { caseId, seq: head.seq + 1, action: entry.action, actorId: entry.actorId, at: at.toISOString(), before: entry.before, after: entry.after };
      const hash = auditEntryHash(head.hash, content);
      heads.set(caseId, { seq: content.seq, hash });
      return { content, prevHash: head.hash, hash };
    });
    const column = <T>(pick: (row: (typeof rows)[number]) => T) => rows.map(pick);
    await tx.manager.query(
      `INSERT INTO case_audit (case_id, seq, action, actor_id, at, before, after, prev_hash, hash)
       SELECT c, s, a, u, $5, b::jsonb, f::jsonb, p, h FROM unnest($1::uuid[], $2::int[], $3::text[], $4::uuid[], $6::text[], $7::text[], $8::text[], $9::text[]) AS x(c, s, a, u, b, f, p, h)`,
      [
        column((row) => row.content.caseId),
        column((row) => row.content.seq),
        column((row) => row.content.action),
        column((row) => row.content.actorId),
        at,
        column((row) => toJsonb(row.content.before)),
        column((row) => toJsonb(row.content.after)),
        column((row) => row.prevHash),
        column((row) => row.hash),
      ],
    );
  }

  /** The whole trail, oldest first (what verification recomputes). */
  async list(caseId: string): Promise<CaseAuditRow[]> {
    const rows: RawAuditRow[] = await this.db.query(`${AUDIT_SELECT} WHERE e.case_id = $1 ORDER BY e.seq`, [caseId]);
    return rows.map(fromRaw);
  }

  /** The latest entries, newest first. */
  async recent(caseId: string, limit: number): Promise<CaseAuditRow[]> {
    const rows: RawAuditRow[] = await this.db.query(`${AUDIT_SELECT} WHERE e.case_id = $1 ORDER BY e.seq DESC LIMIT $2`, [caseId, limit]);
    return rows.map(fromRaw);
  }
}

type RawAuditRow = Omit<CaseAuditRow, 'at'> & { at: Date };

/** Entries hash their time as ISO text; the row gives it back as a Date (millisecond precision, as it was written). */
function fromRaw(row: RawAuditRow): CaseAuditRow {
  return { ...row, at: row.at.toISOString() };
}

/** jsonb parameters go as JSON text (the driver would send a top-level array as a PostgreSQL array). */
function toJsonb(value: Record<string, unknown> | null): string | null {
  return value === null ? null : JSON.stringify(value);
}
