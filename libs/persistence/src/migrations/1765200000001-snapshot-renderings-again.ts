import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Renderings kept so far leaked the page's <title> into its text and left relative links pointing at Vigil's
 * origin: they are dropped, and each snapshot is sanitised again on its next view (the archived bytes are intact).
 */
export class SnapshotRenderingsAgain1765200000001 implements MigrationInterface {
  name = 'SnapshotRenderingsAgain1765200000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`UPDATE snapshots SET sanitized_html = NULL WHERE sanitized_html IS NOT NULL`);
  }

  async down(): Promise<void> {
    // Nothing to restore: a rendering is derived from the archived bytes whenever it is missing.
  }
}
