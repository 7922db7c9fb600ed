import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type PersonRow, personJson } from './case-people-sql';
import type { Transaction } from './transactions';

export interface CaseCommentRow {
  id: string;
  caseId: string;
  author: PersonRow;
  body: string;
  mentions: PersonRow[];
  createdAt: Date;
}

const COMMENT_SELECT = `
  SELECT c.id, c.case_id AS "caseId", ${personJson('a')} AS author, c.body, c.created_at AS "createdAt",
         COALESCE((SELECT json_agg(${personJson('mu')} ORDER BY mu.username)
                     FROM case_comment_mentions m JOIN users mu ON mu.id = m.user_id WHERE m.comment_id = c.id), '[]') AS mentions
    FROM case_comments c JOIN users a ON a.id = c.author_id`;

/** What officers say on a case, with the colleagues they @mention. */
@Injectable()
export class CaseCommentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The enabled users with these usernames (compared without case). */
  async usersByUsername(usernames: readonly string[], tx?: Transaction): Promise<PersonRow[]> {
    if (usernames.length === 0) return [];
    const manager = tx?.manager ?? this.db.manager;
    return manager.query(`SELECT id, username, display_name AS "displayName" FROM users WHERE lower(username) = ANY($1::text[]) AND NOT disabled ORDER BY username`, [
      usernames.map((name) => name.toLowerCase()),
    ]);
  }

  async add(caseId: string, authorId: string, body: string, mentionedUserIds: readonly string[], at: Date, tx: Transaction): Promise<CaseCommentRow> {
    const [created]: { id: string }[] = await tx.manager.query(`INSERT INTO case_comments (case_id, author_id, body, created_at) VALUES ($1, $2, $3, $4) RETURNING id`, [
      caseId,
      authorId,
      body,
      at,
    ]);
    await tx.manager.query(`INSERT INTO case_comment_mentions (comment_id, user_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [created!.id, [...mentionedUserIds]]);
    const [row]: CaseCommentRow[] = await tx.manager.query(`${COMMENT_SELECT} WHERE c.id = $1`, [created!.id]);
    return row!;
  }

  /** The case's comments, oldest first. */
  list(caseId: string): Promise<CaseCommentRow[]> {
    return this.db.query(`${COMMENT_SELECT} WHERE c.case_id = $1 ORDER BY c.created_at, c.id`, [caseId]);
  }
}
