import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each snapshot keeps its sanitised HTML once rendered, so a view serves it instead of gunzipping and sanitising
 * the archived bytes again (up to a second of CPU on a big page). Null until first rendered; snapshots archived
 * before this migration are rendered on their first view. PostgreSQL compresses the text (TOAST).
 */
export class SnapshotRenderings1764650000000 implements MigrationInterface {
  name = 'SnapshotRenderings1764650000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE snapshots ADD COLUMN sanitized_html text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE snapshots DROP COLUMN sanitized_html`);
  }
}
