import type { Severity } from './detection';

/**
 * Outbound webhooks (README "Webhooks"): flags at or above `minSeverity` as they are raised (`flag.created`), and
 * spikes (`spike.detected`) when `includeSpikes`, POSTed as the live envelope and signed with the webhook's secret.
 */
export interface WebhookView {
  id: string;
  name: string;
  url: string;
  minSeverity: Severity;
  includeSpikes: boolean;
  /** Takes the periodic digest of lower-tier flags (`digest.ready`). */
  includeDigest: boolean;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** The answer to a create: the only time the signing secret is shown. */
export interface CreatedWebhook extends WebhookView {
  secret: string;
}

/**
 * The answer to a secret rotation: the new secret, shown this once. Until `previousSecretValidUntil` deliveries carry
 * two signatures (`X-Vigil-Signature: sha256=<new>,sha256=<old>`), so the receiver can switch over without a gap.
 */
export interface RotatedWebhookSecret extends WebhookView {
  secret: string;
  previousSecretValidUntil: string;
}

/** The answer to a test: the `webhook.test` event stored for it; its delivery appears in the webhook's deliveries. */
export interface WebhookTestAnswer {
  eventId: string;
}

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'cancelled'] as const;
/** pending: waiting for its first or next attempt; failed: final (4xx, or attempts ran out); cancelled: webhook deleted or disabled. */
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

export interface WebhookDeliveryView {
  /** Sent as X-Vigil-Delivery, the same on every attempt: receivers dedupe by it. */
  id: string;
  webhookId: string;
  /** The live event's id (the envelope's `id`). */
  eventId: string;
  eventType: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

/** Request headers of every delivery. */
export const WEBHOOK_HEADERS = {
  event: 'x-vigil-event',
  delivery: 'x-vigil-delivery',
  timestamp: 'x-vigil-timestamp',
  signature: 'x-vigil-signature',
} as const;

/** Attempts per delivery, the first included. */
export const WEBHOOK_MAX_ATTEMPTS = 5;
/** The wait before each retry, in units of VIGIL_WEBHOOK_BACKOFF_SEC (10 s by default: 10 s, 1 min, 5 min, 30 min). */
export const WEBHOOK_BACKOFF_STEPS = [1, 6, 30, 180] as const;
