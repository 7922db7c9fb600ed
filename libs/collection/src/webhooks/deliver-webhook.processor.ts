import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { type JobPayloads, WEBHOOK_BACKOFF_STEPS, WEBHOOK_HEADERS, WEBHOOK_MAX_ATTEMPTS, type WebhookDeliveryStatus } from '@vigil/contracts';
import { VIGIL_CONFIG, type VigilConfig } from '@vigil/config';
import { deliveryJobId, WebhookSecrets } from '@vigil/detection';
import { CLOCK, type Clock } from '@vigil/domain';
import { type DeliveryAttempt, WebhooksRepository } from '@vigil/persistence';
import { JobDeferral, JobQueue } from '@vigil/queue';
import { FetchError, GuardedHttpClient } from '../http';
import { webhookSignature } from './webhook-signature';

// Per sweep: enough to refill the queue after a restart, bounded so one sweep stays one short query and one bulk add.
const DELIVERIES_PER_SWEEP = 1000;
const MAX_ERROR_LENGTH = 500;
/** Address problems no retry can fix. */
const FINAL_FETCH_ERRORS = new Set(['blocked-address', 'bad-scheme']);

/** What one attempt came to, before it is recorded. */
interface Verdict {
  status: WebhookDeliveryStatus;
  statusCode: number | null;
  error: string | null;
  retryInMs: number | null;
}

/**
 * Sends one stored delivery: the live envelope as JSON, signed, through the guarded client (SSRF checks, deadline).
 * 2xx delivers; a network error, 5xx or 429 is tried again after 10 s, 1 min, 5 min and 30 min (scaled by
 * VIGIL_WEBHOOK_BACKOFF_SEC), waiting as a deferred job rather than holding a worker; any other status is final.
 * Idempotent: a delivery no longer pending is left alone, and an attempt another run already recorded is not recorded twice.
 */
@Injectable()
export class DeliverWebhookProcessor implements OnApplicationShutdown {
  private readonly logger = new Logger(DeliverWebhookProcessor.name);
  private readonly client: GuardedHttpClient;

  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly secrets: WebhookSecrets,
    @Inject(JobQueue) private readonly queue: JobQueue,
    @Inject(VIGIL_CONFIG) private readonly config: VigilConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.client = new GuardedHttpClient({ contactUrl: config.fetch.contactUrl, allowlist: config.fetch.allowlist, deadlineMs: config.fetch.timeoutMs, clock });
  }

  async handle({ deliveryId }: JobPayloads['deliver-webhook']): Promise<void> {
    const attempt = await this.webhooks.findAttempt(deliveryId, this.clock.now());
    if (!attempt || attempt.delivery.status !== 'pending') return;
    if (!attempt.webhook.active) {
      await this.webhooks.cancel(deliveryId);
      return;
    }
    const verdict = await this.send(attempt);
    const now = this.clock.now();
    const recorded = await this.webhooks.recordAttempt(deliveryId, attempt.delivery.attempts, {
      status: verdict.status,
      statusCode: verdict.statusCode,
      error: verdict.error,
      nextAttemptAt: verdict.retryInMs === null ? null : new Date(now.getTime() + verdict.retryInMs),
      at: now,
    });
    if (verdict.status === 'failed') this.logger.warn(`Webhook delivery ${deliveryId} failed for good after ${attempt.delivery.attempts + 1} attempt(s): ${verdict.error}`);
    // The wait is a deferral (the same job later, no worker held); after a restart the sweep finds the row instead.
    if (recorded && verdict.retryInMs !== null) throw new JobDeferral(verdict.retryInMs, `Webhook delivery ${deliveryId}: retry in ${verdict.retryInMs} ms`);
  }

  /** Queues again the pending deliveries PostgreSQL says are due (run with the outbox sweep). */
  async recoverDue(): Promise<void> {
    const due = await this.webhooks.dueIds(this.clock.now(), DELIVERIES_PER_SWEEP);
    await this.queue.enqueueMany('deliver-webhook', due.map((deliveryId) => ({ payload: { deliveryId }, jobId: deliveryJobId(deliveryId) })));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }

  private async send({ delivery, webhook, event }: DeliveryAttempt): Promise<Verdict> {
    const body = JSON.stringify({ id: event.id, type: event.type, at: event.at.toISOString(), data: event.data });
    const timestamp = String(Math.floor(this.clock.now().getTime() / 1000));
    // During a rotation's grace period both secrets sign, the new one first: a receiver accepts either.
    const secrets = [webhook.secretSealed, ...(webhook.previousSecretSealed ? [webhook.previousSecretSealed] : [])];
    const signatures = await Promise.all(secrets.map(async (sealed) => webhookSignature(await this.secrets.open(sealed, webhook.id), timestamp, body)));
    const attemptNumber = delivery.attempts + 1;
    let statusCode: number | null = null;
    let error: string;
    let retryAfterMs: number | undefined;
    try {
      const answer = await this.client.post(webhook.url, body, {
        headers: {
          'content-type': 'application/json; charset=utf-8',
          [WEBHOOK_HEADERS.event]: event.type,
          [WEBHOOK_HEADERS.delivery]: delivery.id,
          [WEBHOOK_HEADERS.timestamp]: timestamp,
          [WEBHOOK_HEADERS.signature]: signatures.join(','),
        },
      });
      statusCode = answer.status;
      if (statusCode >= 200 && statusCode <= 299) return { status: 'delivered', statusCode, error: null, retryInMs: null };
      error = `HTTP ${statusCode}`;
      retryAfterMs = answer.retryAfterMs;
      if (statusCode !== 429 && statusCode < 500) return { status: 'failed', statusCode, error, retryInMs: null };
    } catch (caught) {
      if (!(caught instanceof FetchError)) throw caught;
      error = caught.message.slice(0, MAX_ERROR_LENGTH);
      if (FINAL_FETCH_ERRORS.has(caught.code)) return { status: 'failed', statusCode, error, retryInMs: null };
    }
    if (attemptNumber >= WEBHOOK_MAX_ATTEMPTS) return { status: 'failed', statusCode, error, retryInMs: null };
    const step = WEBHOOK_BACKOFF_STEPS[Math.min(attemptNumber, WEBHOOK_BACKOFF_STEPS.length) - 1]!;
    // A receiver's Retry-After is honoured when it asks for longer, up to the longest step.
    const backoffMs = step * this.config.webhooks.backoffMs;
    const longestMs = WEBHOOK_BACKOFF_STEPS[WEBHOOK_BACKOFF_STEPS.length - 1]! * this.config.webhooks.backoffMs;
    return { status: 'pending', statusCode, error, retryInMs: Math.max(backoffMs, Math.min(retryAfterMs ?? 0, longestMs)) };
  }
}
