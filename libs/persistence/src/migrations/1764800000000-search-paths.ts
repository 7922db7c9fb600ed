import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes the item lists and searches walk in time order, so a page of the newest items (all, one source's, or
 * those matching a full-text query) reads about a page of index entries instead of sorting every row.
 * The tie-breakers (fetched_at, id) are the lists' own, so paging is deterministic and still index-ordered.
 * Plain CREATE INDEX: migrations run in a transaction, where CONCURRENTLY is not allowed.
 */
export class SearchPaths1764800000000 implements MigrationInterface {
  name = 'SearchPaths1764800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX items_newest_idx ON items (published_at DESC NULLS LAST, fetched_at DESC, id DESC)`);
    await db.query(`CREATE INDEX items_source_newest_idx ON items (source_id, published_at DESC NULLS LAST, fetched_at DESC, id DESC)`);
    // Its leading column is the first one of items_newest_idx, which serves every query it served.
    await db.query(`DROP INDEX items_published_at_idx`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX items_published_at_idx ON items (published_at DESC NULLS LAST)`);
    await db.query(`DROP INDEX items_source_newest_idx`);
    await db.query(`DROP INDEX items_newest_idx`);
  }
}
