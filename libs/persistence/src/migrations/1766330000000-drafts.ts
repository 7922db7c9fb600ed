import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rebuttal drafts of a case, every saved version of each (a save appends, never rewrites: what a reviewer approved
 * stays readable as approved), and reviewers' comments anchored to a block of one version. `version` on the draft is
 * its latest version's number, the optimistic lock a save compares against.
 */
export class Drafts1766330000000 implements MigrationInterface {
  name = 'Drafts1766330000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE drafts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        title text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('press_statement', 'website_article', 'social_post', 'talking_points')),
        platform text CHECK (platform IN ('x', 'facebook', 'zalo')),
        language text NOT NULL CHECK (language IN ('vi', 'en')),
        status text NOT NULL DEFAULT 'editing'
          CHECK (status IN ('editing', 'in_review', 'changes_requested', 'awaiting_signoff', 'approved', 'published')),
        version int NOT NULL CHECK (version > 0),
        approved_version int,
        publication_url text,
        published_at timestamptz,
        published_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CHECK ((channel = 'social_post') = (platform IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX drafts_case_idx ON drafts (case_id, updated_at DESC)`);
    await db.query(`CREATE INDEX drafts_status_idx ON drafts (status)`);
    await db.query(`
      CREATE TABLE draft_versions (
        draft_id uuid NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
        version int NOT NULL CHECK (version > 0),
        title text NOT NULL,
        document jsonb NOT NULL,
        author_id uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (draft_id, version)
      )`);
    await db.query(`
      CREATE TABLE draft_comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        draft_id uuid NOT NULL,
        version int NOT NULL,
        block_index int NOT NULL CHECK (block_index >= 0),
        quote text NOT NULL,
        body text NOT NULL,
        author_id uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL,
        resolved_at timestamptz,
        resolved_by uuid REFERENCES users (id) ON DELETE SET NULL,
        FOREIGN KEY (draft_id, version) REFERENCES draft_versions (draft_id, version) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX draft_comments_draft_idx ON draft_comments (draft_id, created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE draft_comments`);
    await db.query(`DROP TABLE draft_versions`);
    await db.query(`DROP TABLE drafts`);
  }
}
