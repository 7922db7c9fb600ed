import { sourceUrlKey } from '@vigil/domain';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each source in use keeps the key of its address (`sourceUrlKey`: scheme, "www.", trailing slash and tracking
 * parameters folded), unique among the sources in use: two officers adding the same feed at the same moment, or a
 * source edited to another's address, get "already a source" instead of a second copy collecting the same items.
 * The key is the domain's URL reading, so existing rows get it here, oldest first; a later copy of an address
 * already in use (added before this check existed) keeps no key, and is listed and collected as before.
 */
export class SourceUrlKeys1766400000000 implements MigrationInterface {
  name = 'SourceUrlKeys1766400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE sources ADD COLUMN url_key text`);
    const rows: { id: string; url: string; removed: boolean }[] = await db.query(`SELECT id, url, removed_at IS NOT NULL AS removed FROM sources ORDER BY created_at, id`);
    const inUse = new Set<string>();
    for (const row of rows) {
      const key = sourceUrlKey(row.url);
      if (key === null || (!row.removed && inUse.has(key))) continue;
      if (!row.removed) inUse.add(key);
      await db.query(`UPDATE sources SET url_key = $2 WHERE id = $1`, [row.id, key]);
    }
    await db.query(`CREATE UNIQUE INDEX sources_url_key_in_use ON sources (url_key) WHERE removed_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX sources_url_key_in_use`);
    await db.query(`ALTER TABLE sources DROP COLUMN url_key`);
  }
}
