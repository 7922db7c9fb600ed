import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DraftChannel, DraftDocument, DraftLanguage, DraftStatus, SocialPlatform } from '@vigil/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { type PersonRow, personJson } from './case-people-sql';
import type { Transaction } from './transactions';

/** A draft with its latest version's document (what lists measure and the editor opens). */
export interface DraftRow {
  id: string;
  caseId: string;
  title: string;
  channel: DraftChannel;
  platform: SocialPlatform | null;
  language: DraftLanguage;
  status: DraftStatus;
  version: number;
  approvedVersion: number | null;
  document: DraftDocument;
  publicationUrl: string | null;
  publishedAt: Date | null;
  publishedBy: PersonRow | null;
  createdBy: PersonRow | null;
  updatedBy: PersonRow | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewDraft {
  caseId: string;
  title: string;
  channel: DraftChannel;
  platform: SocialPlatform | null;
  language: DraftLanguage;
  document: DraftDocument;
}

export interface DraftVersionRow {
  version: number;
  title: string;
  author: PersonRow | null;
  createdAt: Date;
}

export interface DraftVersionWithDocument extends DraftVersionRow {
  document: DraftDocument;
}

const DRAFT_SELECT = `
  SELECT d.id, d.case_id AS "caseId", d.title, d.channel, d.platform, d.language, d.status, d.version,
         d.approved_version AS "approvedVersion", v.document, d.publication_url AS "publicationUrl", d.published_at AS "publishedAt",
         ${personJson('pb')} AS "publishedBy", ${personJson('cb')} AS "createdBy", ${personJson('ub')} AS "updatedBy",
         d.created_at AS "createdAt", d.updated_at AS "updatedAt"
    FROM drafts d
    JOIN draft_versions v ON v.draft_id = d.id AND v.version = d.version
    LEFT JOIN users pb ON pb.id = d.published_by
    LEFT JOIN users cb ON cb.id = d.created_by
    LEFT JOIN users ub ON ub.id = d.updated_by`;

/**
 * Drafts and their versions. A save appends a version and moves the draft's `version` on, under the draft's row lock,
 * so of two writers saving from the same version exactly one succeeds; nothing here rewrites a stored version.
 */
@Injectable()
export class DraftsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(draft: NewDraft, actorId: string, at: Date, tx: Transaction): Promise<DraftRow> {
    const [created]: { id: string }[] = await tx.manager.query(
      `INSERT INTO drafts (case_id, title, channel, platform, language, version, created_by, updated_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 1, $6, $6, $7, $7) RETURNING id`,
      [draft.caseId, draft.title, draft.channel, draft.platform, draft.language, actorId, at],
    );
    await this.insertVersion(created!.id, 1, draft.title, draft.document, actorId, at, tx);
    return (await this.read(tx.manager, created!.id))!;
  }

  findById(id: string, tx?: Transaction): Promise<DraftRow | null> {
    return this.read(tx?.manager ?? this.db.manager, id);
  }

  /** The draft, its row locked until the transaction ends: saves and review steps of one draft queue behind each other. */
  async lock(id: string, tx: Transaction): Promise<DraftRow | null> {
    const [locked]: { id: string }[] = await tx.manager.query(`SELECT id FROM drafts WHERE id = $1 FOR UPDATE`, [id]);
    return locked ? this.read(tx.manager, id) : null;
  }

  /** A case's drafts, most recently changed first. */
  listByCase(caseId: string): Promise<DraftRow[]> {
    return this.db.query(`${DRAFT_SELECT} WHERE d.case_id = $1 ORDER BY d.updated_at DESC, d.id`, [caseId]);
  }

  /** Whether another draft of the case stands approved (its case's approval does not rest on this one alone). */
  async otherApproved(caseId: string, draftId: string, tx: Transaction): Promise<boolean> {
    const rows: unknown[] = await tx.manager.query(`SELECT 1 FROM drafts WHERE case_id = $1 AND id <> $2 AND status = 'approved' LIMIT 1`, [caseId, draftId]);
    return rows.length > 0;
  }

  /** Appends the next version (the caller holds the lock and has compared versions) and sets the status it leaves the draft in. */
  async appendVersion(id: string, version: number, change: { title: string; document: DraftDocument; status: DraftStatus }, actorId: string, at: Date, tx: Transaction): Promise<DraftRow> {
    await this.insertVersion(id, version, change.title, change.document, actorId, at, tx);
    await tx.manager.query(`UPDATE drafts SET version = $2, title = $3, status = $4, updated_by = $5, updated_at = $6 WHERE id = $1`, [id, version, change.title, change.status, actorId, at]);
    return (await this.read(tx.manager, id))!;
  }

  /** A review step: the new status, and the version approved when the step is a final approval. */
  async review(id: string, status: DraftStatus, approvedVersion: number | null | undefined, actorId: string, at: Date, tx: Transaction): Promise<DraftRow> {
    await tx.manager.query(
      `UPDATE drafts SET status = $2, approved_version = CASE WHEN $3::boolean THEN $4::int ELSE approved_version END, updated_by = $5, updated_at = $6 WHERE id = $1`,
      [id, status, approvedVersion !== undefined, approvedVersion ?? null, actorId, at],
    );
    return (await this.read(tx.manager, id))!;
  }

  async publish(id: string, publication: { url: string; publishedAt: Date }, actorId: string, at: Date, tx: Transaction): Promise<DraftRow> {
    await tx.manager.query(
      `UPDATE drafts SET status = 'published', publication_url = $2, published_at = $3, published_by = $4, updated_by = $4, updated_at = $5 WHERE id = $1`,
      [id, publication.url, publication.publishedAt, actorId, at],
    );
    return (await this.read(tx.manager, id))!;
  }

  /** Every version, oldest first, without their documents. */
  versions(id: string): Promise<DraftVersionRow[]> {
    return this.db.query(
      `SELECT v.version, v.title, ${personJson('a')} AS author, v.created_at AS "createdAt"
         FROM draft_versions v LEFT JOIN users a ON a.id = v.author_id WHERE v.draft_id = $1 ORDER BY v.version`,
      [id],
    );
  }

  async version(id: string, version: number, tx?: Transaction): Promise<DraftVersionWithDocument | null> {
    const [row]: DraftVersionWithDocument[] = await (tx?.manager ?? this.db.manager).query(
      `SELECT v.version, v.title, v.document, ${personJson('a')} AS author, v.created_at AS "createdAt"
         FROM draft_versions v LEFT JOIN users a ON a.id = v.author_id WHERE v.draft_id = $1 AND v.version = $2`,
      [id, version],
    );
    return row ?? null;
  }

  /** Which of these items exist, and whether each has an archived snapshot (what an item citation stands on). */
  async citedItems(ids: readonly string[], tx?: Transaction): Promise<Map<string, { archived: boolean }>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; archived: boolean }[] = await (tx?.manager ?? this.db.manager).query(
      `SELECT i.id, EXISTS (SELECT 1 FROM snapshots s WHERE s.item_id = i.id) AS archived FROM items i WHERE i.id = ANY($1::uuid[])`,
      [[...ids]],
    );
    return new Map(rows.map((row) => [row.id, { archived: row.archived }]));
  }

  /** Where a case's claim first appeared: its earliest published (else fetched) linked item. */
  async firstAppearance(caseId: string): Promise<{ url: string; publishedAt: Date | null } | null> {
    const [row]: { url: string; publishedAt: Date | null }[] = await this.db.query(
      `SELECT i.url, i.published_at AS "publishedAt"
         FROM case_links l JOIN items i ON i.id = l.target_id
        WHERE l.case_id = $1 AND l.kind = 'item'
        ORDER BY COALESCE(i.published_at, i.fetched_at), i.id LIMIT 1`,
      [caseId],
    );
    return row ?? null;
  }

  private async insertVersion(id: string, version: number, title: string, document: DraftDocument, actorId: string, at: Date, tx: Transaction): Promise<void> {
    await tx.manager.query(`INSERT INTO draft_versions (draft_id, version, title, document, author_id, created_at) VALUES ($1, $2, $3, $4::jsonb, $5, $6)`, [
      id,
      version,
      title,
      JSON.stringify(document),
      actorId,
      at,
    ]);
  }

  private async read(manager: EntityManager, id: string): Promise<DraftRow | null> {
    const [row]: DraftRow[] = await manager.query(`${DRAFT_SELECT} WHERE d.id = $1`, [id]);
    return row ?? null;
  }
}
