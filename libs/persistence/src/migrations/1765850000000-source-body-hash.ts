import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A digest of the document the last complete poll read, for servers that send no validators (or ignore them): a
 * re-poll that fetches the same bytes is answered like a 304, before any parsing. NULL until the next poll.
 */
export class SourceBodyHash1765850000000 implements MigrationInterface {
  name = 'SourceBodyHash1765850000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE sources ADD COLUMN body_hash text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE sources DROP COLUMN body_hash`);
  }
}
