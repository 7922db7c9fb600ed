import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type PersonRow, personJson } from './case-people-sql';
import type { Transaction } from './transactions';

export interface DraftCommentRow {
  id: string;
  draftId: string;
  version: number;
  blockIndex: number;
  quote: string;
  body: string;
  author: PersonRow;
  createdAt: Date;
  resolvedAt: Date | null;
}

export interface NewDraftComment {
  version: number;
  blockIndex: number;
  quote: string;
  body: string;
}

const COMMENT_SELECT = `
  SELECT c.id, c.draft_id AS "draftId", c.version, c.block_index AS "blockIndex", c.quote, c.body, ${personJson('a')} AS author,
         c.created_at AS "createdAt", c.resolved_at AS "resolvedAt"
    FROM draft_comments c JOIN users a ON a.id = c.author_id`;

/** Reviewers' inline comments, each anchored to a block of the version it was written on. */
@Injectable()
export class DraftCommentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async add(draftId: string, comment: NewDraftComment, authorId: string, at: Date, tx: Transaction): Promise<DraftCommentRow> {
    const [created]: { id: string }[] = await tx.manager.query(
      `INSERT INTO draft_comments (draft_id, version, block_index, quote, body, author_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [draftId, comment.version, comment.blockIndex, comment.quote, comment.body, authorId, at],
    );
    return (await this.find(draftId, created!.id, tx))!;
  }

  async find(draftId: string, id: string, tx?: Transaction): Promise<DraftCommentRow | null> {
    const [row]: DraftCommentRow[] = await (tx?.manager ?? this.db.manager).query(`${COMMENT_SELECT} WHERE c.draft_id = $1 AND c.id = $2`, [draftId, id]);
    return row ?? null;
  }

  /** Marks a comment resolved; resolving it again keeps the first time. */
  async resolve(draftId: string, id: string, actorId: string, at: Date, tx: Transaction): Promise<DraftCommentRow | null> {
    await tx.manager.query(`UPDATE draft_comments SET resolved_at = $3, resolved_by = $4 WHERE draft_id = $1 AND id = $2 AND resolved_at IS NULL`, [draftId, id, at, actorId]);
    return this.find(draftId, id, tx);
  }

  /** A draft's comments, oldest first. */
  list(draftId: string): Promise<DraftCommentRow[]> {
    return this.db.query(`${COMMENT_SELECT} WHERE c.draft_id = $1 ORDER BY c.created_at, c.id`, [draftId]);
  }
}
