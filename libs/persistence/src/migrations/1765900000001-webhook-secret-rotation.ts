import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rotating a webhook's signing secret: the replaced secret is kept (sealed) until its grace period ends, so
 * deliveries are signed with both and a receiver can switch over without dropping one.
 */
export class WebhookSecretRotation1765900000001 implements MigrationInterface {
  name = 'WebhookSecretRotation1765900000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE webhooks ADD COLUMN previous_secret_sealed text, ADD COLUMN previous_secret_expires_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE webhooks DROP COLUMN previous_secret_sealed, DROP COLUMN previous_secret_expires_at`);
  }
}
