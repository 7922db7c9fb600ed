import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbound webhooks and their deliveries. A delivery row is the outbox: written before its job is queued, so a
 * restart or a lost queue loses nothing (the sweep queues pending rows whose next attempt is due). One row per
 * (webhook, live event): dispatching the same event twice sends it once.
 */
export class Webhooks1765700000000 implements MigrationInterface {
  name = 'Webhooks1765700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE webhooks (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        url text NOT NULL,
        min_severity text NOT NULL CHECK (min_severity IN ('critical', 'high', 'medium', 'low')),
        include_spikes boolean NOT NULL DEFAULT true,
        enabled boolean NOT NULL DEFAULT true,
        secret_sealed text NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        deleted_at timestamptz
      )`);
    await db.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        webhook_id uuid NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
        live_event_id bigint NOT NULL REFERENCES live_events(id) ON DELETE CASCADE,
        event_type text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed', 'cancelled')),
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        last_status_code int,
        last_error text,
        created_at timestamptz NOT NULL,
        delivered_at timestamptz,
        UNIQUE (webhook_id, live_event_id)
      )`);
    await db.query(`CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending'`);
    await db.query(`CREATE INDEX webhook_deliveries_recent_idx ON webhook_deliveries (webhook_id, created_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE webhook_deliveries`);
    await db.query(`DROP TABLE webhooks`);
  }
}
