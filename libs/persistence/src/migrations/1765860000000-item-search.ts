import type { MigrationInterface, QueryRunner } from 'typeorm';

const VECTOR = `setweight(to_tsvector('simple', NEW.search_title), 'A') || setweight(to_tsvector('simple', NEW.search_text), 'B')`;

/**
 * Search reads a narrow copy of what it filters and orders by, not the items themselves: an item row carries its
 * content and text (about 2 KB, 4 to a page), so a query with a few thousand matches read as many heap pages. A
 * search row is the item's id, source, language, times, folded title and tsvector (about 11 to a page).
 *
 * Triggers keep it in step inside the statement that writes the item (so in its transaction), whichever path writes
 * it: the poll's upsert, enrichment, a seed. An update rewrites the search row only when a searched column changed,
 * so story links and outbox marks cost it nothing. The tsvector and title trigram indexes move here from items,
 * whose every write no longer maintains them.
 */
export class ItemSearch1765860000000 implements MigrationInterface {
  name = 'ItemSearch1765860000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE item_search (
        id uuid PRIMARY KEY REFERENCES items (id) ON DELETE CASCADE,
        source_id uuid NOT NULL,
        language text,
        published_at timestamptz,
        fetched_at timestamptz NOT NULL,
        search_title text NOT NULL,
        search_vector tsvector NOT NULL
      )`);
    await db.query(`INSERT INTO item_search SELECT id, source_id, language, published_at, fetched_at, search_title, search_vector FROM items`);
    await db.query(`CREATE INDEX item_search_vector_idx ON item_search USING gin (search_vector)`);
    await db.query(`CREATE INDEX item_search_title_trgm_idx ON item_search USING gin (search_title gin_trgm_ops)`);
    // The lists' order (items_newest_idx), so a page of the newest matches is a short index walk.
    await db.query(`CREATE INDEX item_search_newest_idx ON item_search (published_at DESC NULLS LAST, fetched_at DESC, id DESC)`);
    await db.query(`CREATE INDEX item_search_source_newest_idx ON item_search (source_id, published_at DESC NULLS LAST, fetched_at DESC, id DESC)`);
    await db.query(`
      CREATE FUNCTION item_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO item_search (id, source_id, language, published_at, fetched_at, search_title, search_vector)
          VALUES (NEW.id, NEW.source_id, NEW.language, NEW.published_at, NEW.fetched_at, NEW.search_title, ${VECTOR})
          ON CONFLICT (id) DO UPDATE SET source_id = EXCLUDED.source_id, language = EXCLUDED.language, published_at = EXCLUDED.published_at,
            fetched_at = EXCLUDED.fetched_at, search_title = EXCLUDED.search_title, search_vector = EXCLUDED.search_vector;
          RETURN NULL;
        END $$`);
    await db.query(`CREATE TRIGGER items_search_insert AFTER INSERT ON items FOR EACH ROW EXECUTE FUNCTION item_search_sync()`);
    await db.query(`
      CREATE TRIGGER items_search_update AFTER UPDATE ON items FOR EACH ROW
        WHEN (OLD.search_title IS DISTINCT FROM NEW.search_title OR OLD.search_text IS DISTINCT FROM NEW.search_text
              OR OLD.language IS DISTINCT FROM NEW.language OR OLD.published_at IS DISTINCT FROM NEW.published_at
              OR OLD.fetched_at IS DISTINCT FROM NEW.fetched_at OR OLD.source_id IS DISTINCT FROM NEW.source_id)
        EXECUTE FUNCTION item_search_sync()`);
    await db.query(`DROP INDEX items_search_title_trgm_idx`);
    await db.query(`ALTER TABLE items DROP COLUMN search_vector`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE items ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', search_title), 'A') || setweight(to_tsvector('simple', search_text), 'B')
      ) STORED`);
    await db.query(`CREATE INDEX items_search_vector_idx ON items USING gin (search_vector)`);
    await db.query(`CREATE INDEX items_search_title_trgm_idx ON items USING gin (search_title gin_trgm_ops)`);
    await db.query(`DROP TRIGGER items_search_update ON items`);
    await db.query(`DROP TRIGGER items_search_insert ON items`);
    await db.query(`DROP FUNCTION item_search_sync()`);
    await db.query(`DROP TABLE item_search`);
  }
}
