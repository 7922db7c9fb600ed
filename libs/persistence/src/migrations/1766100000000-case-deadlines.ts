import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Case deadlines, one row per case and SLA stage, durable so that each warning, breach and reminder fires exactly
 * once across restarts and concurrent tickers: each firing is a conditional UPDATE on its own column (`warned_at`,
 * `breached_at`, `next_reminder_at`). Time accounting: `consumed_ms` of `budget_ms` was used before `running_since`
 * (null while the case waits on outside information); `due_at`/`warn_at` are computed from them and kept as they
 * stood while paused. `calendar` says whether office hours apply (the hours themselves are the SLA policy's).
 * The case carries when it first breached and the highest escalation rung reached, for boards and filters.
 */
export class CaseDeadlines1766100000000 implements MigrationInterface {
  name = 'CaseDeadlines1766100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE case_deadlines (
        case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        stage text NOT NULL CHECK (stage IN ('acknowledge', 'draft', 'approve', 'publish')),
        calendar text NOT NULL CHECK (calendar IN ('round_the_clock', 'office')),
        budget_ms bigint NOT NULL CHECK (budget_ms > 0),
        consumed_ms bigint NOT NULL DEFAULT 0 CHECK (consumed_ms >= 0),
        running_since timestamptz,
        due_at timestamptz NOT NULL,
        warn_at timestamptz NOT NULL,
        met_at timestamptz,
        warned_at timestamptz,
        breached_at timestamptz,
        escalation_level smallint NOT NULL DEFAULT 0 CHECK (escalation_level BETWEEN 0 AND 2),
        reminders int NOT NULL DEFAULT 0,
        next_reminder_at timestamptz,
        PRIMARY KEY (case_id, stage)
      )`);
    // One small partial index per firing: a tick reads only what is due, however many cases are open.
    await db.query(`CREATE INDEX case_deadlines_warn_idx ON case_deadlines (warn_at) WHERE met_at IS NULL AND warned_at IS NULL AND breached_at IS NULL AND running_since IS NOT NULL`);
    await db.query(`CREATE INDEX case_deadlines_due_idx ON case_deadlines (due_at) WHERE met_at IS NULL AND breached_at IS NULL AND running_since IS NOT NULL`);
    await db.query(`CREATE INDEX case_deadlines_reminder_idx ON case_deadlines (next_reminder_at) WHERE met_at IS NULL AND next_reminder_at IS NOT NULL AND running_since IS NOT NULL`);
    await db.query(`ALTER TABLE cases ADD COLUMN breached_at timestamptz, ADD COLUMN escalation_level smallint NOT NULL DEFAULT 0`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE cases DROP COLUMN escalation_level, DROP COLUMN breached_at`);
    await db.query(`DROP TABLE case_deadlines`);
  }
}
