import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a session was last used, for the idle timeout. Written at most about once a minute per session (see
 * SessionsRepository.touch), not on every request. Existing sessions count as used when the migration runs.
 */
export class SessionLastUse1765000000000 implements MigrationInterface {
  name = 'SessionLastUse1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE sessions ADD COLUMN last_used_at timestamptz NOT NULL DEFAULT now()`);
    // The application always writes it from its own clock; the default only covers the rows above.
    await db.query(`ALTER TABLE sessions ALTER COLUMN last_used_at DROP DEFAULT`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE sessions DROP COLUMN last_used_at`);
  }
}
