import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The interval a user set, kept apart from `poll_interval_sec`, which each poll adapts (shorter while the source
 * publishes, longer while it is idle): the edit form shows what was set, not what the adaptation made of it. Rows
 * from before start from their current interval, the best record of it there is.
 */
export class ConfiguredPollInterval1765500000000 implements MigrationInterface {
  name = 'ConfiguredPollInterval1765500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE sources ADD COLUMN configured_poll_interval_sec integer`);
    await db.query(`UPDATE sources SET configured_poll_interval_sec = poll_interval_sec`);
    await db.query(`ALTER TABLE sources ALTER COLUMN configured_poll_interval_sec SET NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE sources DROP COLUMN configured_poll_interval_sec`);
  }
}
