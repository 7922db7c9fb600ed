import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The enrichment outbox is read by a periodic sweep (items whose page is not fetched yet): a partial index keeps
 * that read proportional to the backlog, not to the whole table. The index outbox has items_unindexed_idx already.
 */
export class EnrichmentOutbox1764600000000 implements MigrationInterface {
  name = 'EnrichmentOutbox1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX items_unenriched_idx ON items (fetched_at) WHERE enriched_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX items_unenriched_idx`);
  }
}
