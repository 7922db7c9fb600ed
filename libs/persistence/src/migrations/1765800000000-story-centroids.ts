import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Topical story clustering (issue 9). A centroid row holds the top terms of a story, or of a lone item that no story
 * has matched yet (it founds one when a second item matches it, as a near duplicate founds one around a pair). The
 * GIN index on `terms` finds the candidates sharing a term with a new item; `last_item_at` bounds them to the window.
 * Document frequencies are counted per hashed term bucket (a bounded table however many bigrams arrive), bucket -1
 * being the number of documents counted, so every process weighs terms by the same IDF.
 */
export class StoryCentroids1765800000000 implements MigrationInterface {
  name = 'StoryCentroids1765800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE story_centroids (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        story_id uuid UNIQUE REFERENCES stories (id) ON DELETE CASCADE,
        item_id uuid UNIQUE REFERENCES items (id) ON DELETE CASCADE,
        terms text[] NOT NULL,
        weights jsonb NOT NULL,
        item_count int NOT NULL,
        last_item_at timestamptz NOT NULL,
        CHECK ((story_id IS NULL) <> (item_id IS NULL))
      )`);
    await db.query(`CREATE INDEX story_centroids_terms_idx ON story_centroids USING gin (terms)`);
    await db.query(`CREATE INDEX story_centroids_last_item_idx ON story_centroids (last_item_at DESC)`);
    await db.query(`CREATE TABLE term_document_counts (bucket int PRIMARY KEY, documents bigint NOT NULL)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE term_document_counts`);
    await db.query(`DROP TABLE story_centroids`);
  }
}
