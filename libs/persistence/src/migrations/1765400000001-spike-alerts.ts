import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Spike alerts, one row per alert. The unique (subject, bucket) key and the cooldown check in the same INSERT make a
 * burst raise one alert however many processes see it at once.
 */
export class SpikeAlerts1765400000001 implements MigrationInterface {
  name = 'SpikeAlerts1765400000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE spike_alerts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subject_kind text NOT NULL CHECK (subject_kind IN ('rule', 'story')),
        subject_id uuid NOT NULL,
        bucket_start timestamptz NOT NULL,
        count int NOT NULL,
        baseline double precision NOT NULL,
        z_score double precision NOT NULL,
        detected_at timestamptz NOT NULL,
        UNIQUE (subject_kind, subject_id, bucket_start)
      )`);
    await db.query(`CREATE INDEX spike_alerts_recent_idx ON spike_alerts (detected_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE spike_alerts`);
  }
}
