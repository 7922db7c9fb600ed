import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The lower-tier digest: one row per period (its end is unique, so however many processes compose it, a period is
 * summed up and sent once), and the webhooks that take it.
 */
export class FlagDigests1765900000000 implements MigrationInterface {
  name = 'FlagDigests1765900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE flag_digests (
        id bigserial PRIMARY KEY,
        period_start timestamptz NOT NULL,
        period_end timestamptz NOT NULL UNIQUE,
        flag_count int NOT NULL,
        by_severity jsonb NOT NULL,
        top_flags jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        CHECK (period_start < period_end)
      )`);
    await db.query(`ALTER TABLE webhooks ADD COLUMN include_digest boolean NOT NULL DEFAULT false`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE webhooks DROP COLUMN include_digest`);
    await db.query(`DROP TABLE flag_digests`);
  }
}
