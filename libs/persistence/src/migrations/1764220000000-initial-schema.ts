import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1764220000000 implements MigrationInterface {
  name = 'InitialSchema1764220000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await db.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        roles text[] NOT NULL,
        disabled boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX users_username_key ON users (lower(username))`);
    await db.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await db.query(`CREATE INDEX sessions_user_id_idx ON sessions (user_id)`);
    await db.query(`CREATE TABLE settings (key text PRIMARY KEY, value text NOT NULL)`);
    await db.query(`
      CREATE TABLE sources (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        url text NOT NULL,
        kind text NOT NULL,
        poll_interval_sec integer NOT NULL CHECK (poll_interval_sec > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        next_fetch_at timestamptz NOT NULL DEFAULT now(),
        last_fetched_at timestamptz,
        last_success_at timestamptz,
        last_error text,
        consecutive_failures integer NOT NULL DEFAULT 0,
        etag text,
        last_modified text
      )`);
    await db.query(`CREATE INDEX sources_next_fetch_at_idx ON sources (next_fetch_at)`);
    await db.query(`
      CREATE TABLE items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source_id uuid NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
        dedupe_key text NOT NULL,
        guid text,
        url text NOT NULL,
        title text NOT NULL,
        content text NOT NULL,
        snippet text NOT NULL,
        language text,
        published_at timestamptz,
        fetched_at timestamptz NOT NULL,
        indexed_at timestamptz,
        search_title text NOT NULL,
        search_text text NOT NULL,
        search_vector tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('simple', search_title), 'A') || setweight(to_tsvector('simple', search_text), 'B')
        ) STORED,
        CONSTRAINT items_source_dedupe_key UNIQUE (source_id, dedupe_key)
      )`);
    await db.query(`CREATE INDEX items_search_vector_idx ON items USING gin (search_vector)`);
    await db.query(`CREATE INDEX items_search_title_trgm_idx ON items USING gin (search_title gin_trgm_ops)`);
    await db.query(`CREATE INDEX items_unindexed_idx ON items (source_id) WHERE indexed_at IS NULL`);
    await db.query(`CREATE INDEX items_published_at_idx ON items (published_at DESC NULLS LAST)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE items`);
    await db.query(`DROP TABLE sources`);
    await db.query(`DROP TABLE settings`);
    await db.query(`DROP TABLE sessions`);
    await db.query(`DROP TABLE users`);
  }
}
