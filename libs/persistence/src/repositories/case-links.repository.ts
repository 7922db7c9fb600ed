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

/** An item a case's links lead to, as stored (the evidence a draft cites). */
export interface CaseEvidenceItemRow {
  id: string;
  url: string;
  title: string;
  /** The feed's text. */
  summary: string;
  /** The extracted article, else the feed's text. */
  text: string;
  language: string | null;
  sourceName: string;
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

  /**
   * The items the case links lead to: linked items first, then the items of linked flags, then those of linked
   * stories (earliest published first: where the claim appeared), each once, in the order linked, at most `limit`.
   * A word-for-word copy reached only through a flag or story is left out: its original says the same.
   */
  evidenceItems(caseId: string, limit: number): Promise<CaseEvidenceItemRow[]> {
    return this.db.query(
      `WITH reached AS (
         SELECT l.target_id AS item_id, 0 AS via, l.added_at FROM case_links l WHERE l.case_id = $1 AND l.kind = 'item'
         UNION ALL
         SELECT fi.item_id, 1, l.added_at FROM case_links l JOIN flag_items fi ON fi.flag_id = l.target_id WHERE l.case_id = $1 AND l.kind = 'flag'
         UNION ALL
         SELECT f.first_item_id, 1, l.added_at FROM case_links l JOIN flags f ON f.id = l.target_id WHERE l.case_id = $1 AND l.kind = 'flag'
         UNION ALL
         SELECT i.id, 2, l.added_at FROM case_links l JOIN items i ON i.story_id = l.target_id WHERE l.case_id = $1 AND l.kind = 'story'
       ), first_reached AS (
         SELECT item_id, min(via) AS via, min(added_at) AS added_at FROM reached GROUP BY item_id
       )
       SELECT i.id, i.url, i.title, i.content AS summary, i.text, i.language, s.name AS "sourceName"
         FROM first_reached r
         JOIN items i ON i.id = r.item_id
         JOIN sources s ON s.id = i.source_id
        WHERE r.via = 0 OR i.copy_of IS NULL
        ORDER BY r.via, r.added_at, i.published_at NULLS LAST, i.fetched_at, i.id
        LIMIT $2`,
      [caseId, limit],
    );
  }

  /** The cases a flag, item or story is linked to, oldest first. */
  async casesLinkedTo(target: CaseLinkTarget): Promise<string[]> {
    const rows: { caseId: string }[] = await this.db.query(`SELECT case_id AS "caseId" FROM case_links WHERE kind = $1 AND target_id = $2 ORDER BY added_at`, [target.kind, target.id]);
    return rows.map((row) => row.caseId);
  }
}
