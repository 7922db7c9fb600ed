import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A removed source keeps its row, so the items it brought in stay as evidence with their source named (and
 * marked removed), and the stories it founded keep their first source. Removed sources are never polled; their
 * URL may be added again as a new source.
 */
export class SourceRemoval1765200000000 implements MigrationInterface {
  name = 'SourceRemoval1765200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE sources ADD COLUMN removed_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM sources WHERE removed_at IS NOT NULL`);
    await db.query(`ALTER TABLE sources DROP COLUMN removed_at`);
  }
}
