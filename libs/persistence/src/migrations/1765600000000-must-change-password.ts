import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether the user must choose a new password before doing anything else: set for the first admin's generated
 * one-time password and whenever an admin sets or resets someone's password, cleared when the user changes it.
 * Existing users are not forced (their passwords were chosen before the rule existed).
 */
export class MustChangePassword1765600000000 implements MigrationInterface {
  name = 'MustChangePassword1765600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users DROP COLUMN must_change_password`);
  }
}
