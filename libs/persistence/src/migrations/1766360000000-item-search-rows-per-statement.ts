import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * New items get their search rows from one INSERT ... SELECT per statement, over the rows the statement inserted (a
 * transition table), instead of one trigger call and one single-row upsert per item: a poll's 50-item upsert paid
 * for 50 function calls and 50 speculative inserts. An inserted item has a new id, so it has no search row yet and a
 * plain insert is enough; in an upsert, the rows that hit an existing item are not in the transition table and take
 * the update trigger's path, which is unchanged (row by row, and only when a searched column changed). The search
 * row's content is the same expression of the same folded columns, so search and ranking are unchanged.
 */
export class ItemSearchRowsPerStatement1766360000000 implements MigrationInterface {
  name = 'ItemSearchRowsPerStatement1766360000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION item_search_insert_rows() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO item_search (id, source_id, language, published_at, fetched_at, search_title, search_vector)
          SELECT id, source_id, language, published_at, fetched_at, search_title,
                 setweight(to_tsvector('simple', search_title), 'A') || setweight(to_tsvector('simple', search_text), 'B')
            FROM inserted_items;
          RETURN NULL;
        END $$`);
    await db.query(`DROP TRIGGER items_search_insert ON items`);
    await db.query(`
      CREATE TRIGGER items_search_insert AFTER INSERT ON items REFERENCING NEW TABLE AS inserted_items
        FOR EACH STATEMENT EXECUTE FUNCTION item_search_insert_rows()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER items_search_insert ON items`);
    await db.query(`CREATE TRIGGER items_search_insert AFTER INSERT ON items FOR EACH ROW EXECUTE FUNCTION item_search_sync()`);
    await db.query(`DROP FUNCTION item_search_insert_rows()`);
  }
}
