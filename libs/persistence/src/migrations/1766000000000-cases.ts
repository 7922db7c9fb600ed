import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Response cases, the teams that own them, what they are about (flags, items, stories), their comments with
 * @mentions, and their audit trail. The trail is append-only: a trigger refuses every UPDATE and DELETE of an entry,
 * so no application path can edit one, and each entry carries the hash of its predecessor (verify recomputes the
 * chain; a row changed behind the trigger's back breaks it). Actors are kept as ids without a foreign key, so that
 * removing a user never has to touch an entry. References count per year in one row per year (an atomic upsert).
 */
export class Cases1766000000000 implements MigrationInterface {
  name = 'Cases1766000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE teams (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE UNIQUE INDEX teams_name_key ON teams (lower(name))`);
    await db.query(`
      CREATE TABLE team_members (
        team_id uuid NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        PRIMARY KEY (team_id, user_id)
      )`);
    await db.query(`CREATE INDEX team_members_user_idx ON team_members (user_id)`);
    await db.query(`
      CREATE TABLE case_reference_counters (
        year int PRIMARY KEY,
        last_number int NOT NULL
      )`);
    await db.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL UNIQUE,
        title text NOT NULL,
        claim_summary text,
        severity text NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'low')),
        status text NOT NULL DEFAULT 'new'
          CHECK (status IN ('new', 'acknowledged', 'drafting', 'waiting', 'in_review', 'approved', 'published', 'monitoring', 'closed')),
        assignee_id uuid REFERENCES users (id) ON DELETE SET NULL,
        team_id uuid REFERENCES teams (id) ON DELETE SET NULL,
        tags text[] NOT NULL DEFAULT '{}',
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        status_changed_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX cases_board_idx ON cases (status, severity, updated_at DESC)`);
    await db.query(`CREATE INDEX cases_assignee_idx ON cases (assignee_id) WHERE assignee_id IS NOT NULL`);
    await db.query(`CREATE INDEX cases_team_idx ON cases (team_id) WHERE team_id IS NOT NULL`);
    await db.query(`CREATE INDEX cases_updated_idx ON cases (updated_at DESC, id)`);
    await db.query(`
      CREATE TABLE case_links (
        case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('flag', 'item', 'story')),
        target_id uuid NOT NULL,
        added_by uuid REFERENCES users (id) ON DELETE SET NULL,
        added_at timestamptz NOT NULL,
        PRIMARY KEY (case_id, kind, target_id)
      )`);
    await db.query(`CREATE INDEX case_links_target_idx ON case_links (kind, target_id)`);
    await db.query(`
      CREATE TABLE case_comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES users (id),
        body text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX case_comments_case_idx ON case_comments (case_id, created_at)`);
    await db.query(`
      CREATE TABLE case_comment_mentions (
        comment_id uuid NOT NULL REFERENCES case_comments (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        PRIMARY KEY (comment_id, user_id)
      )`);
    await db.query(`CREATE INDEX case_comment_mentions_user_idx ON case_comment_mentions (user_id)`);
    await db.query(`
      CREATE TABLE case_audit (
        case_id uuid NOT NULL REFERENCES cases (id),
        seq int NOT NULL CHECK (seq > 0),
        action text NOT NULL,
        actor_id uuid,
        at timestamptz NOT NULL,
        before jsonb,
        after jsonb,
        prev_hash text,
        hash text NOT NULL,
        PRIMARY KEY (case_id, seq)
      )`);
    await db.query(`CREATE INDEX case_audit_at_idx ON case_audit (at)`);
    await db.query(`
      CREATE FUNCTION case_audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'case_audit is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await db.query(`CREATE TRIGGER case_audit_append_only BEFORE UPDATE OR DELETE ON case_audit FOR EACH ROW EXECUTE FUNCTION case_audit_refuse_change()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE case_audit`);
    await db.query(`DROP FUNCTION case_audit_refuse_change()`);
    await db.query(`DROP TABLE case_comment_mentions`);
    await db.query(`DROP TABLE case_comments`);
    await db.query(`DROP TABLE case_links`);
    await db.query(`DROP TABLE cases`);
    await db.query(`DROP TABLE case_reference_counters`);
    await db.query(`DROP TABLE team_members`);
    await db.query(`DROP TABLE teams`);
  }
}
