import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DraftLanguage } from '@vigil/contracts';
import { searchTokens, toSearchText } from '@vigil/domain';
import { DataSource } from 'typeorm';
import { type PersonRow, personJson } from './case-people-sql';

/** Dates are calendar days (YYYY-MM-DD), read back as text so no time zone ever shifts them. */
export interface FactRow {
  id: string;
  statement: string;
  sourceName: string;
  sourceUrl: string | null;
  statedOn: string;
  validFrom: string;
  validUntil: string | null;
  tags: string[];
  language: DraftLanguage;
  createdBy: PersonRow | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewFact {
  statement: string;
  sourceName: string;
  sourceUrl: string | null;
  statedOn: string;
  validFrom: string;
  validUntil: string | null;
  tags: string[];
  language: DraftLanguage;
  createdBy: string | null;
}

export type FactChanges = Partial<Omit<NewFact, 'createdBy'>>;

export interface FactSearch {
  /** Words matched without diacritics or tone placement ("hoa" finds "hoà" and "hòa"); the last one as a prefix. */
  q?: string;
  /** Every tag must be present (compared folded). */
  tags?: string[];
  language?: DraftLanguage;
  /** Only facts valid on this day (YYYY-MM-DD): validFrom ≤ day ≤ validUntil. */
  validOn?: string;
  /** Only facts not valid on this day: expired, or not yet in force. */
  invalidOn?: string;
  limit: number;
  offset: number;
}

const FACT_COLUMNS = `
  f.id, f.statement, f.source_name AS "sourceName", f.source_url AS "sourceUrl", f.stated_on::text AS "statedOn",
         f.valid_from::text AS "validFrom", f.valid_until::text AS "validUntil", f.tags, f.language,
         ${personJson('u')} AS "createdBy", f.created_at AS "createdAt", f.updated_at AS "updatedAt"`;
const FACT_FROM = `FROM facts f LEFT JOIN users u ON u.id = f.created_by`;
const FACT_SELECT = `SELECT ${FACT_COLUMNS} ${FACT_FROM}`;

const VALID_ON = (day: string) => `(f.valid_from <= ${day}::date AND (f.valid_until IS NULL OR f.valid_until >= ${day}::date))`;

/** The fact library: verified facts and official statements, kept verbatim and cited across cases. */
@Injectable()
export class FactsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(fact: NewFact, at: Date): Promise<FactRow> {
    const [created]: { id: string }[] = await this.db.query(
      `INSERT INTO facts (statement, source_name, source_url, stated_on, valid_from, valid_until, tags, tag_keys, language, created_by, created_at, updated_at, search_text)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12) RETURNING id`,
      [fact.statement, fact.sourceName, fact.sourceUrl, fact.statedOn, fact.validFrom, fact.validUntil, fact.tags, tagKeys(fact.tags), fact.language, fact.createdBy, at, searchTextOf(fact)],
    );
    return (await this.findById(created!.id))!;
  }

  async findById(id: string): Promise<FactRow | null> {
    const [row]: FactRow[] = await this.db.query(`${FACT_SELECT} WHERE f.id = $1`, [id]);
    return row ?? null;
  }

  /** The facts with these ids that exist, in no particular order (a draft's citations name them). */
  findByIds(ids: readonly string[]): Promise<FactRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.query(`${FACT_SELECT} WHERE f.id = ANY($1::uuid[])`, [[...ids]]);
  }

  /**
   * Changes the fact under a row lock: `change` reads the fact as it stands (and may refuse, by throwing), so two
   * edits at once cannot each check the dates against a row the other is rewriting. Null when there is no such fact.
   * The search columns follow the words.
   */
  update(id: string, change: (current: FactRow) => FactChanges, at: Date): Promise<FactRow | null> {
    return this.db.transaction(async (manager) => {
      const [locked]: { id: string }[] = await manager.query(`SELECT id FROM facts WHERE id = $1 FOR UPDATE`, [id]);
      if (!locked) return null;
      const [current]: FactRow[] = await manager.query(`${FACT_SELECT} WHERE f.id = $1`, [id]);
      const next = { ...current!, ...change(current!) };
      await manager.query(
        `UPDATE facts SET statement = $2, source_name = $3, source_url = $4, stated_on = $5, valid_from = $6, valid_until = $7, tags = $8, tag_keys = $9,
                          language = $10, updated_at = $11, search_text = $12
          WHERE id = $1`,
        [id, next.statement, next.sourceName, next.sourceUrl, next.statedOn, next.validFrom, next.validUntil, next.tags, tagKeys(next.tags), next.language, at, searchTextOf(next)],
      );
      const [updated]: FactRow[] = await manager.query(`${FACT_SELECT} WHERE f.id = $1`, [id]);
      return updated!;
    });
  }

  /** Best matches first when words are given (then the latest stated), otherwise the latest stated first. */
  async search(query: FactSearch): Promise<{ facts: FactRow[]; total: number }> {
    const values: unknown[] = [];
    const add = (value: unknown): string => {
      values.push(value);
      return `$${values.length}`;
    };
    const conditions: string[] = [];
    const tokens = searchTokens(query.q ?? '');
    let rank = '';
    if (tokens.length > 0) {
      // Folded tokens are runs of letters and digits: nothing in them is tsquery syntax.
      const tsquery = add(tokens.map((token, index) => (index === tokens.length - 1 ? `${token}:*` : token)).join(' & '));
      conditions.push(`f.search_vector @@ to_tsquery('simple', ${tsquery})`);
      rank = `ts_rank(f.search_vector, to_tsquery('simple', ${tsquery})) DESC, `;
    }
    const tags = tagKeys(query.tags ?? []);
    if (tags.length > 0) conditions.push(`f.tag_keys @> ${add(tags)}::text[]`);
    if (query.language) conditions.push(`f.language = ${add(query.language)}`);
    if (query.validOn) conditions.push(VALID_ON(add(query.validOn)));
    if (query.invalidOn) conditions.push(`NOT ${VALID_ON(add(query.invalidOn))}`);
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const rows: (FactRow & { total: number })[] = await this.db.query(
      `SELECT ${FACT_COLUMNS}, count(*) OVER ()::int AS total ${FACT_FROM} ${where}
        ORDER BY ${rank}f.stated_on DESC, f.created_at DESC, f.id
        LIMIT ${add(query.limit)} OFFSET ${add(query.offset)}`,
      values,
    );
    const total = rows[0]?.total ?? (query.offset > 0 ? await this.count(where, values.slice(0, -2)) : 0);
    return { facts: rows.map(({ total: _total, ...fact }) => fact), total };
  }

  private async count(where: string, values: unknown[]): Promise<number> {
    const [row]: { total: number }[] = await this.db.query(`SELECT count(*)::int AS total FROM facts f ${where}`, values);
    return row!.total;
  }
}

function tagKeys(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => toSearchText(tag)).filter((key) => key.length > 0))];
}

function searchTextOf(fact: Pick<NewFact, 'statement' | 'sourceName' | 'tags'>): string {
  return toSearchText([fact.statement, fact.sourceName, ...fact.tags].join(' '));
}
