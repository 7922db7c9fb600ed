import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A source removed with its items still has their documents in a separate search engine (Elasticsearch) until it
 * deletes them: the outbox sweep deletes them by source and clears the mark, so an engine outage only delays it.
 */
export class SourceSearchPurge1765950000000 implements MigrationInterface {
  name = 'SourceSearchPurge1765950000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE sources ADD COLUMN search_purge_pending boolean NOT NULL DEFAULT false`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE sources DROP COLUMN search_purge_pending`);
  }
}
