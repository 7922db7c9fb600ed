import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Item events carry a reason code and its parameters, so clients word them in the reader's language;
 * `detail` stays as the English developer text. Existing rows get theirs from that text.
 */
export class ItemEventReasons1764500000000 implements MigrationInterface {
  name = 'ItemEventReasons1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE item_events ADD COLUMN reason text, ADD COLUMN params jsonb NOT NULL DEFAULT '{}'`);
    await db.query(`
      UPDATE item_events SET
        reason = CASE
          WHEN detail LIKE 'The article text was edited and now lives at %' THEN 'text_edited_moved'
          WHEN detail LIKE 'The page answers HTTP %' THEN 'page_gone'
          WHEN detail LIKE 'No longer listed in the feed %' THEN 'dropped_from_feed'
          WHEN kind = 'item.removed' THEN 'page_gone'
          ELSE 'text_edited'
        END,
        params = CASE
          WHEN detail LIKE 'The article text was edited and now lives at %' THEN jsonb_build_object('url', substr(detail, 46))
          WHEN detail ~ '^The page answers HTTP [0-9]+' THEN jsonb_build_object('httpStatus', substring(detail FROM '^The page answers HTTP ([0-9]+)')::integer)
          WHEN detail LIKE 'No longer listed in the feed %' THEN jsonb_build_object('feedUrl', substr(detail, 30))
          ELSE '{}'::jsonb
        END`);
    await db.query(`
      ALTER TABLE item_events
        ALTER COLUMN reason SET NOT NULL,
        ADD CONSTRAINT item_events_reason CHECK (reason IN ('text_edited', 'text_edited_moved', 'page_gone', 'dropped_from_feed'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE item_events DROP CONSTRAINT item_events_reason, DROP COLUMN reason, DROP COLUMN params`);
  }
}
