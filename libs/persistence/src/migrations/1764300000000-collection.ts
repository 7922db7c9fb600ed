import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Collection: source settings and health, article text and metadata, stories, snapshots and item events. */
export class Collection1764300000000 implements MigrationInterface {
  name = 'Collection1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE sources
        ADD COLUMN min_poll_interval_sec integer,
        ADD COLUMN max_poll_interval_sec integer,
        ADD COLUMN language_hint text CHECK (language_hint IN ('vi', 'en')),
        ADD COLUMN weight integer NOT NULL DEFAULT 50 CHECK (weight BETWEEN 0 AND 100),
        ADD COLUMN tags text[] NOT NULL DEFAULT '{}',
        ADD COLUMN paused boolean NOT NULL DEFAULT false,
        ADD COLUMN listing jsonb,
        ADD COLUMN failure_score real NOT NULL DEFAULT 0`);
    await db.query(`UPDATE sources SET min_poll_interval_sec = poll_interval_sec, max_poll_interval_sec = poll_interval_sec * 4`);
    await db.query(`
      ALTER TABLE sources
        ALTER COLUMN min_poll_interval_sec SET NOT NULL,
        ALTER COLUMN max_poll_interval_sec SET NOT NULL,
        ADD CONSTRAINT sources_poll_bounds CHECK (min_poll_interval_sec <= poll_interval_sec AND poll_interval_sec <= max_poll_interval_sec)`);

    await db.query(`
      CREATE TABLE stories (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL,
        first_source_id uuid NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
        first_seen_at timestamptz NOT NULL
      )`);
    await db.query(`
      ALTER TABLE items
        ADD COLUMN canonical_url text,
        ADD COLUMN text text,
        ADD COLUMN byline text,
        ADD COLUMN image_urls text[] NOT NULL DEFAULT '{}',
        ADD COLUMN updated_at timestamptz,
        ADD COLUMN story_id uuid REFERENCES stories (id) ON DELETE SET NULL,
        ADD COLUMN content_hash text,
        ADD COLUMN fingerprint text,
        ADD COLUMN fingerprint_bands integer[],
        ADD COLUMN enriched_at timestamptz,
        ADD COLUMN watched boolean NOT NULL DEFAULT false,
        ADD COLUMN next_check_at timestamptz,
        ADD COLUMN removed_at timestamptz`);
    await db.query(`UPDATE items SET canonical_url = url, text = content`);
    await db.query(`ALTER TABLE items ALTER COLUMN canonical_url SET NOT NULL, ALTER COLUMN text SET NOT NULL`);
    await db.query(`CREATE INDEX items_content_hash_idx ON items (content_hash)`);
    await db.query(`CREATE INDEX items_fingerprint_bands_idx ON items USING gin (fingerprint_bands)`);
    await db.query(`CREATE INDEX items_story_id_idx ON items (story_id)`);
    await db.query(`CREATE INDEX items_watch_due_idx ON items (next_check_at) WHERE watched`);
    await db.query(`CREATE INDEX items_source_fetched_idx ON items (source_id, fetched_at)`);

    await db.query(`
      CREATE TABLE snapshots (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        item_id uuid NOT NULL REFERENCES items (id) ON DELETE CASCADE,
        fetched_at timestamptz NOT NULL,
        http_status integer NOT NULL,
        final_url text NOT NULL,
        content_type text,
        content_hash text NOT NULL,
        text_hash text NOT NULL,
        body_gzip bytea NOT NULL
      )`);
    await db.query(`CREATE INDEX snapshots_item_id_idx ON snapshots (item_id, fetched_at)`);
    await db.query(`
      CREATE TABLE item_events (
        id bigserial PRIMARY KEY,
        item_id uuid NOT NULL REFERENCES items (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('item.changed', 'item.removed')),
        at timestamptz NOT NULL,
        detail text NOT NULL,
        snapshot_id uuid REFERENCES snapshots (id) ON DELETE SET NULL
      )`);
    await db.query(`CREATE INDEX item_events_item_id_idx ON item_events (item_id, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE item_events`);
    await db.query(`DROP TABLE snapshots`);
    await db.query(`
      ALTER TABLE items
        DROP COLUMN canonical_url, DROP COLUMN text, DROP COLUMN byline, DROP COLUMN image_urls, DROP COLUMN updated_at,
        DROP COLUMN story_id, DROP COLUMN content_hash, DROP COLUMN fingerprint, DROP COLUMN fingerprint_bands, DROP COLUMN enriched_at,
        DROP COLUMN watched, DROP COLUMN next_check_at, DROP COLUMN removed_at`);
    await db.query(`DROP TABLE stories`);
    await db.query(`
      ALTER TABLE sources
        DROP CONSTRAINT sources_poll_bounds,
        DROP COLUMN min_poll_interval_sec, DROP COLUMN max_poll_interval_sec, DROP COLUMN language_hint, DROP COLUMN weight,
        DROP COLUMN tags, DROP COLUMN paused, DROP COLUMN listing, DROP COLUMN failure_score`);
  }
}
