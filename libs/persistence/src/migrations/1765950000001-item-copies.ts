import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An item whose article is word for word another source's earlier item (a listing page republishing a feed's
 * article) points to that original: it joins the original's story and lists show the original alone. Deleting the
 * original (its source removed with its items) lists the copy again.
 */
export class ItemCopies1765950000001 implements MigrationInterface {
  name = 'ItemCopies1765950000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE items ADD COLUMN copy_of uuid REFERENCES items (id) ON DELETE SET NULL`);
    // The lists leave copies out by id: a small index of the few there are.
    await db.query(`CREATE INDEX items_copies_idx ON items (id) WHERE copy_of IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX items_copies_idx`);
    await db.query(`ALTER TABLE items DROP COLUMN copy_of`);
  }
}
