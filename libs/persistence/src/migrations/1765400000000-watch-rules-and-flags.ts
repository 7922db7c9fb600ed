import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Watch rules and the triage queue. A flag stands for one story (or one item, until it joins a story) and one rule:
 * the unique (rule_id, story_key) makes matching idempotent, so a re-run or a second ingestor updates the same flag.
 * A claim is one conditional UPDATE (claimed_by IS NULL), so of two officers claiming at once exactly one wins.
 * Every triage step is kept in flag_actions with who and when. A deleted rule is only marked: its flags stay.
 */
export class WatchRulesAndFlags1765400000000 implements MigrationInterface {
  name = 'WatchRulesAndFlags1765400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE watch_rules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        query text NOT NULL,
        severity text NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'low')),
        owner_team text,
        description text,
        enabled boolean NOT NULL DEFAULT true,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        deleted_at timestamptz
      )`);
    await db.query(`
      CREATE TABLE flags (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        rule_id uuid NOT NULL REFERENCES watch_rules (id),
        story_key uuid NOT NULL,
        story_id uuid REFERENCES stories (id) ON DELETE SET NULL,
        first_item_id uuid NOT NULL REFERENCES items (id) ON DELETE CASCADE,
        latest_item_id uuid NOT NULL REFERENCES items (id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'dismissed', 'escalated', 'attached')),
        priority double precision NOT NULL,
        priority_factors jsonb NOT NULL,
        claimed_by uuid REFERENCES users (id) ON DELETE SET NULL,
        claimed_at timestamptz,
        decided_by uuid REFERENCES users (id) ON DELETE SET NULL,
        decided_at timestamptz,
        decision_reason text,
        attached_to uuid REFERENCES flags (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE (rule_id, story_key)
      )`);
    await db.query(`CREATE INDEX flags_open_priority_idx ON flags (priority DESC, updated_at DESC) WHERE status = 'open'`);
    await db.query(`CREATE INDEX flags_story_idx ON flags (story_key)`);
    await db.query(`
      CREATE TABLE flag_items (
        flag_id uuid NOT NULL REFERENCES flags (id) ON DELETE CASCADE,
        item_id uuid NOT NULL REFERENCES items (id) ON DELETE CASCADE,
        source_id uuid NOT NULL,
        matched_at timestamptz NOT NULL,
        highlights jsonb NOT NULL,
        PRIMARY KEY (flag_id, item_id)
      )`);
    await db.query(`CREATE INDEX flag_items_item_idx ON flag_items (item_id)`);
    await db.query(`
      CREATE TABLE flag_actions (
        id bigserial PRIMARY KEY,
        flag_id uuid NOT NULL REFERENCES flags (id) ON DELETE CASCADE,
        action text NOT NULL,
        actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
        at timestamptz NOT NULL,
        reason text
      )`);
    await db.query(`CREATE INDEX flag_actions_flag_idx ON flag_actions (flag_id, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE flag_actions`);
    await db.query(`DROP TABLE flag_items`);
    await db.query(`DROP TABLE flags`);
    await db.query(`DROP TABLE watch_rules`);
  }
}
