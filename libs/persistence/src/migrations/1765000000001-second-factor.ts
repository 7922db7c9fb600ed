import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The optional TOTP second factor, one row per user who has started enrolling. Kept out of `users` so no query
 * that reads users for display ever loads a secret. `secret` and `pending_secret` are AES-256-GCM ciphertexts
 * (the key lives in settings, not in this table); recovery codes are stored as sha256 hashes only.
 * `last_time_step` is the TOTP period of the last accepted code, so one code cannot be used twice.
 */
export class SecondFactor1765000000001 implements MigrationInterface {
  name = 'SecondFactor1765000000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE user_second_factors (
        user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        secret text,
        pending_secret text,
        enabled_at timestamptz,
        last_time_step bigint,
        recovery_code_hashes text[] NOT NULL DEFAULT '{}',
        CHECK ((secret IS NULL) = (enabled_at IS NULL))
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE user_second_factors`);
  }
}
