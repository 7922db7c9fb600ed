import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { GlossaryKind, GlossaryOrigin } from '@vigil/contracts';
import { DataSource } from 'typeorm';

export interface GlossaryTermRow {
  id: string;
  vi: string;
  en: string;
  kind: GlossaryKind;
  origin: GlossaryOrigin;
  createdAt: Date;
}

/** What a claim is matched by: a case's title, claim summary and the titles of its linked items and flags. */
export interface CaseClaimText {
  id: string;
  reference: string;
  title: string;
  status: string;
  severity: string;
  text: string;
}

const GLOSSARY_COLUMNS = `id, vi, en, kind, origin, created_at AS "createdAt"`;
// A case's claim text: its title, summary and the titles of the items it links, directly or through a flag.
const CASE_TEXTS = `
  SELECT c.id, c.reference, c.title, c.status, c.severity, concat_ws(' ', c.title, c.claim_summary, string_agg(i.title, ' ' ORDER BY l.added_at)) AS text
    FROM cases c
    LEFT JOIN case_links l ON l.case_id = c.id AND l.kind IN ('item', 'flag')
    LEFT JOIN flags f ON l.kind = 'flag' AND f.id = l.target_id
    LEFT JOIN items i ON i.id = CASE WHEN l.kind = 'item' THEN l.target_id ELSE f.first_item_id END`;

/** The glossary, team places and confirmed matches claim matching reads and grows. */
@Injectable()
export class ClaimMatchingRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  glossary(): Promise<GlossaryTermRow[]> {
    return this.db.query(`SELECT ${GLOSSARY_COLUMNS} FROM glossary_terms ORDER BY lower(vi), lower(en)`);
  }

  /** Adds the pairs not there yet (compared case-insensitively); answers the rows added. */
  async addGlossaryTerms(pairs: readonly { vi: string; en: string; kind: GlossaryKind }[], origin: GlossaryOrigin, createdBy: string | null, at: Date): Promise<GlossaryTermRow[]> {
    if (pairs.length === 0) return [];
    return this.db.query(
      `INSERT INTO glossary_terms (vi, en, kind, origin, created_by, created_at)
       SELECT vi, en, kind, $4, $5, $6 FROM unnest($1::text[], $2::text[], $3::text[]) AS t (vi, en, kind)
       ON CONFLICT DO NOTHING RETURNING ${GLOSSARY_COLUMNS}`,
      [pairs.map((pair) => pair.vi), pairs.map((pair) => pair.en), pairs.map((pair) => pair.kind), origin, createdBy, at],
    );
  }

  async deleteGlossaryTerm(id: string): Promise<boolean> {
    const [, affected] = (await this.db.query(`DELETE FROM glossary_terms WHERE id = $1`, [id])) as [unknown, number];
    return affected > 0;
  }

  /**
   * The claim texts of every case not closed, in one query: matching scores them in memory, which is fine for the
   * few thousand open cases an office has at once (a search index would be the next step beyond that).
   */
  openCaseTexts(): Promise<CaseClaimText[]> {
    return this.db.query(`${CASE_TEXTS} WHERE c.status <> 'closed' GROUP BY c.id`);
  }

  /**
   * The claim texts of the cases with an approved or published rebuttal, closed ones too: the past responses a new
   * draft can start from.
   */
  rebuttedCaseTexts(): Promise<CaseClaimText[]> {
    return this.db.query(`${CASE_TEXTS} WHERE EXISTS (SELECT 1 FROM drafts d WHERE d.case_id = c.id AND d.status IN ('approved', 'published')) GROUP BY c.id`);
  }

  async caseText(id: string): Promise<CaseClaimText | null> {
    const [row] = (await this.db.query(`${CASE_TEXTS} WHERE c.id = $1 GROUP BY c.id`, [id])) as CaseClaimText[];
    return row ?? null;
  }

  /** A flag's claim: its first item's title and text. */
  async flagText(id: string): Promise<string | null> {
    const [row] = (await this.db.query(`SELECT concat_ws(' ', i.title, i.text) AS text FROM flags f JOIN items i ON i.id = f.first_item_id WHERE f.id = $1`, [id])) as { text: string }[];
    return row?.text ?? null;
  }

  /** The body texts of a case's linked items (their titles are in the case's claim text), for owner suggestions. */
  async caseItemTexts(id: string): Promise<string[]> {
    const rows = (await this.db.query(
      `SELECT coalesce(i.text, '') AS text
         FROM case_links l
         LEFT JOIN flags f ON l.kind = 'flag' AND f.id = l.target_id
         JOIN items i ON i.id = CASE WHEN l.kind = 'item' THEN l.target_id ELSE f.first_item_id END
        WHERE l.case_id = $1 AND l.kind IN ('item', 'flag')`,
      [id],
    )) as { text: string }[];
    return rows.map((row) => row.text);
  }

  /** Records that two cases are about one claim; confirming again keeps the first record. */
  async confirmMatch(caseId: string, otherCaseId: string, score: number, confirmedBy: string | null, at: Date): Promise<void> {
    const [low, high] = [caseId, otherCaseId].sort();
    await this.db.query(
      `INSERT INTO claim_matches (case_id, other_case_id, score, confirmed_by, confirmed_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [low, high, score, confirmedBy, at],
    );
  }

  /** Cases confirmed to be about the same claim as this one (not suggested again). */
  async confirmedWith(caseId: string): Promise<string[]> {
    const rows = (await this.db.query(
      `SELECT CASE WHEN case_id = $1 THEN other_case_id ELSE case_id END AS id FROM claim_matches WHERE case_id = $1 OR other_case_id = $1`,
      [caseId],
    )) as { id: string }[];
    return rows.map((row) => row.id);
  }

  /** Replaces a team's places; `folded` is the form lookups compare. */
  async setTeamPlaces(teamId: string, places: readonly { name: string; folded: string }[]): Promise<void> {
    await this.db.transaction(async (manager) => {
      await manager.query(`DELETE FROM team_places WHERE team_id = $1`, [teamId]);
      if (places.length === 0) return;
      await manager.query(
        `INSERT INTO team_places (team_id, name, folded) SELECT $1, name, folded FROM unnest($2::text[], $3::text[]) AS t (name, folded) ON CONFLICT DO NOTHING`,
        [teamId, places.map((place) => place.name), places.map((place) => place.folded)],
      );
    });
  }

  async teamPlaces(teamId?: string): Promise<{ teamId: string; name: string }[]> {
    return this.db.query(
      `SELECT team_id AS "teamId", name FROM team_places ${teamId ? 'WHERE team_id = $1' : ''} ORDER BY team_id, folded`,
      teamId ? [teamId] : [],
    );
  }
}
