import { DEFAULT_GLOSSARY } from '@vigil/domain';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Claim matching (issue 10). `glossary_terms`: the English ↔ Vietnamese pairs claims are matched through, seeded
 * with Vigil's defaults and grown by admins and by confirmed matches (`origin`). `team_places`: the places a team
 * owns, with their folded form for lookups. `claim_matches`: two cases an officer confirmed are about one claim,
 * stored once per pair (the lower id first). The default glossary is seeded here, once: a pair an admin deletes
 * stays deleted.
 */
export class ClaimMatching1766200000000 implements MigrationInterface {
  name = 'ClaimMatching1766200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE glossary_terms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        vi text NOT NULL CHECK (length(vi) BETWEEN 1 AND 200),
        en text NOT NULL CHECK (length(en) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (kind IN ('administrative', 'agency', 'claim', 'name')),
        origin text NOT NULL CHECK (origin IN ('seeded', 'confirmed')),
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX glossary_terms_pair_key ON glossary_terms (lower(vi), lower(en))`);
    await db.query(
      `INSERT INTO glossary_terms (vi, en, kind, origin) SELECT vi, en, kind, 'seeded' FROM unnest($1::text[], $2::text[], $3::text[]) AS t (vi, en, kind)
       ON CONFLICT DO NOTHING`,
      [DEFAULT_GLOSSARY.map((pair) => pair.vi), DEFAULT_GLOSSARY.map((pair) => pair.en), DEFAULT_GLOSSARY.map((pair) => pair.kind)],
    );
    await db.query(`
      CREATE TABLE team_places (
        team_id uuid NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
        name text NOT NULL,
        folded text NOT NULL,
        PRIMARY KEY (team_id, folded)
      )`);
    await db.query(`CREATE INDEX team_places_folded_idx ON team_places (folded)`);
    await db.query(`
      CREATE TABLE claim_matches (
        case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        other_case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        score double precision NOT NULL,
        confirmed_by uuid REFERENCES users (id) ON DELETE SET NULL,
        confirmed_at timestamptz NOT NULL,
        PRIMARY KEY (case_id, other_case_id),
        CHECK (case_id < other_case_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE claim_matches`);
    await db.query(`DROP TABLE team_places`);
    await db.query(`DROP TABLE glossary_terms`);
  }
}
