import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CaseLinkKind } from '@vigil/contracts';
import { DataSource } from 'typeorm';
import { type PersonRow, personJson } from './case-people-sql';
import type { Transaction } from './transactions';

export interface CaseLinkRow {
  kind: CaseLinkKind;
  id: string;
  title: string;
  addedBy: PersonRow | null;
  addedAt: Date;
}

export interface CaseLinkTarget {
  kind: CaseLinkKind;
  id: string;
}

/** The table each kind of link points into. */
const TARGET_TABLES: Record<CaseLinkKind, string> = { flag: 'flags', item: 'items', story: 'stories' };

/** What a case is about: flags, items and stories, each linked once. */
@Injectable()
export class CaseLinksRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Whether the flag, item or story exists (an item being removed from the archive counts as gone). */
  async targetExists(target: CaseLinkTarget, tx?: Transaction): Promise<boolean> {
    const manager = tx?.manager ?? this.db.manager;
    const rows: unknown[] = await manager.query(`SELECT 1 FROM ${TARGET_TABLES[target.kind]} WHERE id = $1`, [target.id]);
    return rows.length > 0;
  }

  /** Links the targets not linked yet; returns those it added (linking twice is a no-op). */
  async add(caseId: string, targets: readonly CaseLinkTarget[], addedBy: string | null, at: Date, tx: Transaction): Promise<CaseLinkTarget[]> {
    if (targets.length === 0) return [];
    return tx.manager.query(
      `INSERT INTO case_links (case_id, kind, target_id, added_by, added_at)
       SELECT $1, k, t, $4, $5 FROM unnest($2::text[], $3::uuid[]) AS x(k, t)
       ON CONFLICT DO NOTHING RETURNING kind, target_id AS id`,
      [caseId, targets.map((target) => target.kind), targets.map((target) => target.id), addedBy, at],
    );
  }

  /** Unlinks one target; returns whether it was linked. */
  async remove(caseId: string, target: CaseLinkTarget, tx: Transaction): Promise<boolean> {
    // As a CTE: TypeORM answers a bare DELETE with a row count, not its RETURNING rows.
    const rows: unknown[] = await tx.manager.query(
      `WITH removed AS (DELETE FROM case_links WHERE case_id = $1 AND kind = $2 AND target_id = $3 RETURNING 1) SELECT 1 FROM removed`,
      [caseId, target.kind, target.id],
    );
    return rows.length > 0;
  }

  /** The case's links in the order added, titled by the flag's first item, the item, or the story. */
  list(caseId: string): Promise<CaseLinkRow[]> {
    return this.db.query(
      `SELECT l.kind, l.target_id AS id, COALESCE(fi.title, i.title, s.title, '') AS title, ${personJson('u')} AS "addedBy", l.added_at AS "addedAt"
         FROM case_links l
         LEFT JOIN flags f ON l.kind = 'flag' AND f.id = l.target_id
         LEFT JOIN items fi ON fi.id = f.first_item_id
         LEFT JOIN items i ON l.kind = 'item' AND i.id = l.target_id
         LEFT JOIN stories s ON l.kind = 'story' AND s.id = l.target_id
         LEFT JOIN users u ON u.id = l.added_by
        WHERE l.case_id = $1
        ORDER BY l.added_at, l.kind, l.target_id`,
      [caseId],
    );
  }

  /** The cases a flag, item or story is linked to, oldest first. */
  async casesLinkedTo(target: CaseLinkTarget): Promise<string[]> {
    const rows: { caseId: string }[] = await this.db.query(`SELECT case_id AS "caseId" FROM case_links WHERE kind = $1 AND target_id = $2 ORDER BY added_at`, [target.kind, target.id]);
    return rows.map((row) => row.caseId);
  }
}
