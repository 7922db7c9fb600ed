import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A re-poll finds unchanged entries before converting them: entry_hash is a cheap hash of the entry as the source
 * gave it (see collected-entry.ts), read with the dedupe keys in the poll's one lookup. Rows from before it have
 * none and are converted once more, which fills it in.
 *
 * fillfactor 90: an item row is written twice on its way to searchable (inserted, then enriched) and rarely after;
 * room on its page keeps the second version there (HOT when no indexed column changes, as with an entry_hash refresh)
 * instead of on a new page. It applies to pages written from now on.
 */
export class EntryHash1764700000000 implements MigrationInterface {
  name = 'EntryHash1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE items ADD COLUMN entry_hash text`);
    await db.query(`ALTER TABLE items SET (fillfactor = 90)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE items RESET (fillfactor)`);
    await db.query(`ALTER TABLE items DROP COLUMN entry_hash`);
  }
}
