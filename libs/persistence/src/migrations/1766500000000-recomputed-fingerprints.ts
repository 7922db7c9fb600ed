import { fingerprintBands, fingerprintToHex, minhash64 } from '@vigil/domain';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const BATCH = 500;

/**
 * Recomputes the fingerprints of items fetched in the last week. minhash64 changed its hashing (one-permutation
 * MinHash over 64 bins), so a fingerprint stored before that and one computed after it are ~32 bits apart for the
 * same text: an item enriched after an upgrade would not link as a near duplicate to one enriched before it. Only
 * the story window (7 days) matters, since enrichment compares an item with candidates fetched within it; older
 * fingerprints are never compared again. Computed from the stored text, which is the text enrichment fingerprinted.
 * Its down step leaves them: the schema is unchanged, and the old hashing no longer exists to restore its values.
 */
export class RecomputedFingerprints1766500000000 implements MigrationInterface {
  name = 'RecomputedFingerprints1766500000000';

  async up(db: QueryRunner): Promise<void> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: { id: string; text: string }[] = await db.query(
        `SELECT id, text FROM items WHERE fingerprint IS NOT NULL AND fetched_at >= now() - interval '7 days' AND id > $1 ORDER BY id LIMIT ${BATCH}`,
        [after],
      );
      if (rows.length === 0) return;
      const fingerprints = rows.map((row) => minhash64(row.text));
      await db.query(
        `UPDATE items SET fingerprint = recomputed.fingerprint, fingerprint_bands = recomputed.bands::integer[]
           FROM unnest($1::uuid[], $2::text[], $3::text[]) AS recomputed(id, fingerprint, bands)
          WHERE items.id = recomputed.id`,
        [rows.map((row) => row.id), fingerprints.map(fingerprintToHex), fingerprints.map((fingerprint) => `{${fingerprintBands(fingerprint).join(',')}}`)],
      );
      after = rows[rows.length - 1]!.id;
    }
  }

  async down(): Promise<void> {
    // Nothing to undo (see above).
  }
}
