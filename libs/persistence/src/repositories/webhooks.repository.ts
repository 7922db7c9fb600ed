import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Severity, WebhookDeliveryStatus } from '@vigil/contracts';
import { DataSource } from 'typeorm';
import type { Transaction } from './transactions';

export interface WebhookRow {
  id: string;
  name: string;
  url: string;
  minSeverity: Severity;
  includeSpikes: boolean;
  includeDigest: boolean;
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewWebhook {
  id: string;
  name: string;
  url: string;
  minSeverity: Severity;
  includeSpikes: boolean;
  includeDigest: boolean;
  enabled: boolean;
  /** The signing secret as WebhookSecrets sealed it: never stored or returned in the clear. */
  secretSealed: string;
  createdBy: string | null;
}

export interface NewDelivery {
  webhookId: string;
  liveEventId: string;
  eventType: string;
}

export interface DeliveryRow {
  id: string;
  webhookId: string;
  liveEventId: string;
  eventType: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

/** What an admin may change on a webhook; absent fields stay as they are. */
export type WebhookChanges = Partial<Pick<WebhookRow, 'name' | 'url' | 'minSeverity' | 'includeSpikes' | 'includeDigest' | 'enabled'>>;

/** Everything one attempt needs, read in one query. */
export interface DeliveryAttempt {
  delivery: DeliveryRow;
  /** `previousSecretSealed`: the rotated-out secret while its grace period lasts (deliveries are signed with both). */
  webhook: { id: string; url: string; secretSealed: string; previousSecretSealed: string | null; active: boolean };
  event: { id: string; type: string; at: Date; data: unknown };
}

export interface AttemptOutcome {
  status: WebhookDeliveryStatus;
  nextAttemptAt: Date | null;
  statusCode: number | null;
  error: string | null;
  at: Date;
}

const WEBHOOK_COLUMNS = `id, name, url, min_severity AS "minSeverity", include_spikes AS "includeSpikes", include_digest AS "includeDigest", enabled, created_at AS "createdAt", updated_at AS "updatedAt"`;
const DELIVERY_COLUMNS = `d.id, d.webhook_id AS "webhookId", d.live_event_id::text AS "liveEventId", d.event_type AS "eventType", d.status, d.attempts,
  d.next_attempt_at AS "nextAttemptAt", d.last_status_code AS "lastStatusCode", d.last_error AS "lastError", d.created_at AS "createdAt", d.delivered_at AS "deliveredAt"`;

/** Webhooks (soft-deleted, so their delivery history stays readable until the rows go) and their delivery outbox. */
@Injectable()
export class WebhooksRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(webhook: NewWebhook, at: Date): Promise<WebhookRow> {
    const [row]: WebhookRow[] = await this.db.query(
      `INSERT INTO webhooks (id, name, url, min_severity, include_spikes, include_digest, enabled, secret_sealed, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING ${WEBHOOK_COLUMNS}`,
      [webhook.id, webhook.name, webhook.url, webhook.minSeverity, webhook.includeSpikes, webhook.includeDigest, webhook.enabled, webhook.secretSealed, webhook.createdBy, at],
    );
    return row!;
  }

  list(): Promise<WebhookRow[]> {
    return this.db.query(`SELECT ${WEBHOOK_COLUMNS} FROM webhooks WHERE deleted_at IS NULL ORDER BY created_at, id`);
  }

  listEnabled(tx?: Transaction): Promise<WebhookRow[]> {
    return (tx?.manager ?? this.db.manager).query(`SELECT ${WEBHOOK_COLUMNS} FROM webhooks WHERE deleted_at IS NULL AND enabled`);
  }

  async findById(id: string): Promise<WebhookRow | null> {
    const [row]: WebhookRow[] = await this.db.query(`SELECT ${WEBHOOK_COLUMNS} FROM webhooks WHERE id = $1 AND deleted_at IS NULL`, [id]);
    return row ?? null;
  }

  /** Applies the changes; a webhook disabled here cancels what it still had to send. Null when there is no such webhook. */
  async update(id: string, changes: WebhookChanges, at: Date): Promise<WebhookRow | null> {
    const columns: Record<keyof WebhookChanges, string> = { name: 'name', url: 'url', minSeverity: 'min_severity', includeSpikes: 'include_spikes', includeDigest: 'include_digest', enabled: 'enabled' };
    const parameters: unknown[] = [id, at];
    const sets = (Object.keys(columns) as (keyof WebhookChanges)[])
      .filter((field) => changes[field] !== undefined)
      .map((field) => `${columns[field]} = $${parameters.push(changes[field])}`);
    return this.db.transaction(async (tx) => {
      const [rows]: [WebhookRow[], number] = await tx.query(
        `UPDATE webhooks SET ${[...sets, 'updated_at = $2'].join(', ')} WHERE id = $1 AND deleted_at IS NULL RETURNING ${WEBHOOK_COLUMNS}`,
        parameters,
      );
      if (!rows[0]) return null;
      if (changes.enabled === false) await tx.query(`UPDATE webhook_deliveries SET status = 'cancelled', next_attempt_at = NULL WHERE webhook_id = $1 AND status = 'pending'`, [id]);
      return rows[0];
    });
  }

  /** A new signing secret; the current one keeps signing beside it until `previousValidUntil`. Null when there is no such webhook. */
  async rotateSecret(id: string, secretSealed: string, previousValidUntil: Date, at: Date): Promise<WebhookRow | null> {
    const [rows]: [WebhookRow[], number] = await this.db.query(
      `UPDATE webhooks SET previous_secret_sealed = secret_sealed, previous_secret_expires_at = $3, secret_sealed = $2, updated_at = $4
        WHERE id = $1 AND deleted_at IS NULL RETURNING ${WEBHOOK_COLUMNS}`,
      [id, secretSealed, previousValidUntil, at],
    );
    return rows[0] ?? null;
  }

  /** Marks the webhook deleted and cancels what it still had to send; false when there was no such webhook. */
  async softDelete(id: string, at: Date): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [, affected]: [unknown, number] = await tx.query(`UPDATE webhooks SET deleted_at = $2, updated_at = $2 WHERE id = $1 AND deleted_at IS NULL`, [id, at]);
      if (!affected) return false;
      await tx.query(`UPDATE webhook_deliveries SET status = 'cancelled', next_attempt_at = NULL WHERE webhook_id = $1 AND status = 'pending'`, [id]);
      return true;
    });
  }

  /** Stores deliveries due now; ids of the ones inserted (a (webhook, event) pair already stored is not stored twice). */
  async insertDeliveries(deliveries: NewDelivery[], at: Date, tx?: Transaction): Promise<string[]> {
    if (deliveries.length === 0) return [];
    const rows: { id: string }[] = await (tx?.manager ?? this.db.manager).query(
      `INSERT INTO webhook_deliveries (webhook_id, live_event_id, event_type, next_attempt_at, created_at)
       SELECT w, e::bigint, t, $4, $4 FROM unnest($1::uuid[], $2::text[], $3::text[]) AS x(w, e, t)
       ON CONFLICT (webhook_id, live_event_id) DO NOTHING RETURNING id`,
      [deliveries.map((d) => d.webhookId), deliveries.map((d) => d.liveEventId), deliveries.map((d) => d.eventType), at],
    );
    return rows.map((row) => row.id);
  }

  async findAttempt(deliveryId: string, now: Date): Promise<DeliveryAttempt | null> {
    const [row]: (DeliveryRow & { url: string; secretSealed: string; previousSecretSealed: string | null; active: boolean; at: Date; data: unknown })[] = await this.db.query(
      `SELECT ${DELIVERY_COLUMNS}, w.url, w.secret_sealed AS "secretSealed",
              CASE WHEN w.previous_secret_expires_at > $2 THEN w.previous_secret_sealed END AS "previousSecretSealed",
              (w.enabled AND w.deleted_at IS NULL) AS active, e.at, e.data
         FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id JOIN live_events e ON e.id = d.live_event_id
        WHERE d.id = $1`,
      [deliveryId, now],
    );
    if (!row) return null;
    const { url, secretSealed, previousSecretSealed, active, at, data, ...delivery } = row;
    return { delivery, webhook: { id: delivery.webhookId, url, secretSealed, previousSecretSealed, active }, event: { id: delivery.liveEventId, type: delivery.eventType, at: new Date(at), data } };
  }

  /**
   * Records one attempt's outcome, only if no other run recorded this attempt first (a stalled job run twice):
   * false then, and the caller leaves the delivery to the run that won.
   */
  async recordAttempt(deliveryId: string, attemptsBefore: number, outcome: AttemptOutcome): Promise<boolean> {
    const [, affected]: [unknown, number] = await this.db.query(
      `UPDATE webhook_deliveries
          SET attempts = attempts + 1, status = $3, next_attempt_at = $4, last_status_code = $5, last_error = $6,
              delivered_at = CASE WHEN $3 = 'delivered' THEN $7::timestamptz ELSE delivered_at END
        WHERE id = $1 AND attempts = $2 AND status = 'pending'`,
      [deliveryId, attemptsBefore, outcome.status, outcome.nextAttemptAt, outcome.statusCode, outcome.error, outcome.at],
    );
    return affected > 0;
  }

  async cancel(deliveryId: string): Promise<void> {
    await this.db.query(`UPDATE webhook_deliveries SET status = 'cancelled', next_attempt_at = NULL WHERE id = $1 AND status = 'pending'`, [deliveryId]);
  }

  /** Pending deliveries whose next attempt is due, oldest first: what the sweep queues again. */
  async dueIds(now: Date, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= $1 ORDER BY next_attempt_at LIMIT $2`,
      [now, limit],
    );
    return rows.map((row) => row.id);
  }

  listDeliveries(webhookId: string, limit: number): Promise<DeliveryRow[]> {
    return this.db.query(`SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries d WHERE d.webhook_id = $1 ORDER BY d.created_at DESC, d.live_event_id DESC LIMIT $2`, [webhookId, limit]);
  }
}
