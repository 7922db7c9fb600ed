import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DraftChannel, DraftLanguage } from '@vigil/contracts';
import { DataSource } from 'typeorm';

export interface DraftTemplateRow {
  id: string;
  name: string;
  channel: DraftChannel;
  language: DraftLanguage;
  body: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewDraftTemplate {
  name: string;
  channel: DraftChannel;
  language: DraftLanguage;
  body: string;
}

export type DraftTemplateChanges = Partial<NewDraftTemplate>;

const TEMPLATE_SELECT = `SELECT id, name, channel, language, body, created_at AS "createdAt", updated_at AS "updatedAt" FROM draft_templates`;

/** The skeletons new drafts start from, one or more per channel and language. */
@Injectable()
export class DraftTemplatesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(template: NewDraftTemplate, at: Date): Promise<DraftTemplateRow> {
    const [row]: DraftTemplateRow[] = await this.db.query(
      `INSERT INTO draft_templates (name, channel, language, body, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)
       RETURNING id, name, channel, language, body, created_at AS "createdAt", updated_at AS "updatedAt"`,
      [template.name, template.channel, template.language, template.body, at],
    );
    return row!;
  }

  /** By channel, then language, then name. */
  list(): Promise<DraftTemplateRow[]> {
    return this.db.query(`${TEMPLATE_SELECT} ORDER BY channel, language DESC, name, id`);
  }

  async findById(id: string): Promise<DraftTemplateRow | null> {
    const [row]: DraftTemplateRow[] = await this.db.query(`${TEMPLATE_SELECT} WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** The template a new draft for this channel and language starts from: the one an admin saved last. */
  async forChannel(channel: DraftChannel, language: DraftLanguage): Promise<DraftTemplateRow | null> {
    const [row]: DraftTemplateRow[] = await this.db.query(`${TEMPLATE_SELECT} WHERE channel = $1 AND language = $2 ORDER BY updated_at DESC, id LIMIT 1`, [channel, language]);
    return row ?? null;
  }

  async update(id: string, changes: DraftTemplateChanges, at: Date): Promise<DraftTemplateRow | null> {
    // As a CTE: TypeORM answers a bare UPDATE with a row count, not its RETURNING rows.
    const [row]: DraftTemplateRow[] = await this.db.query(
      `WITH changed AS (
         UPDATE draft_templates SET name = COALESCE($2, name), channel = COALESCE($3, channel), language = COALESCE($4, language), body = COALESCE($5, body), updated_at = $6
          WHERE id = $1 RETURNING *)
       SELECT id, name, channel, language, body, created_at AS "createdAt", updated_at AS "updatedAt" FROM changed`,
      [id, changes.name ?? null, changes.channel ?? null, changes.language ?? null, changes.body ?? null, at],
    );
    return row ?? null;
  }
}
