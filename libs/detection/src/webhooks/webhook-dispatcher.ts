import { Inject, Injectable, Logger } from '@nestjs/common';
import { type AnyLiveEventEnvelope, type LiveEventEnvelope, SEVERITIES, type Severity } from '@vigil/contracts';
import { CLOCK, type Clock } from '@vigil/domain';
import { type NewDelivery, type Transaction, type WebhookRow, WebhooksRepository } from '@vigil/persistence';
import { JobQueue } from '@vigil/queue';

/** One id per delivery: queuing it again while it waits, retries or runs is a no-op (the sweep relies on it). */
export function deliveryJobId(deliveryId: string): string {
  return `webhook-${deliveryId}`;
}

/** At least as severe: critical ≥ high ≥ medium ≥ low (SEVERITIES is ordered most severe first). */
export function isAtLeast(severity: Severity, minimum: Severity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(minimum);
}

/**
 * The immediate tier: of the live events just stored, a flag raised at or above a webhook's minimum severity and a
 * spike (when the webhook takes spikes) become one delivery row per webhook, then one job each. The rows are the
 * outbox: a job lost before it ran is queued again by the sweep. Lower severities stay on the live feed and reach the
 * webhooks that take digests in the periodic digest (`digest.ready`, DigestComposer).
 */
@Injectable()
export class WebhookDispatcher {
  private readonly logger = new Logger(WebhookDispatcher.name);

  constructor(
    private readonly webhooks: WebhooksRepository,
    @Inject(JobQueue) private readonly queue: JobQueue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * The deliveries these just-stored events call for, written in the transaction that stored them (so an event
   * never commits without its deliveries); returns their ids for enqueue once that transaction has committed.
   */
  async record(stored: readonly LiveEventEnvelope[], tx: Transaction): Promise<string[]> {
    // The publisher's signature ties each envelope's data to its type.
    const envelopes = stored as readonly AnyLiveEventEnvelope[];
    const candidates = envelopes.filter((envelope) => envelope.type === 'flag.created' || envelope.type === 'spike.detected' || envelope.type === 'digest.ready' || envelope.type === 'webhook.test');
    if (candidates.length === 0) return [];
    const webhooks = await this.webhooks.listEnabled(tx);
    const deliveries: NewDelivery[] = candidates.flatMap((envelope) =>
      webhooks.filter((webhook) => wants(webhook, envelope)).map((webhook) => ({ webhookId: webhook.id, liveEventId: envelope.id, eventType: envelope.type })),
    );
    return this.webhooks.insertDeliveries(deliveries, this.clock.now(), tx);
  }

  /** Queues committed deliveries; should the queue fail, the rows are pending and the outbox sweep queues them. */
  async enqueue(deliveryIds: readonly string[]): Promise<void> {
    if (deliveryIds.length === 0) return;
    try {
      await this.queue.enqueueMany('deliver-webhook', deliveryIds.map((deliveryId) => ({ payload: { deliveryId }, jobId: deliveryJobId(deliveryId) })));
    } catch (error) {
      this.logger.warn(`${deliveryIds.length} webhook deliveries are stored; queuing them failed (${String(error)}), the outbox sweep queues them`);
    }
  }
}

function wants(webhook: WebhookRow, envelope: AnyLiveEventEnvelope): boolean {
  switch (envelope.type) {
    case 'flag.created':
      return isAtLeast(envelope.data.flag.rule.severity, webhook.minSeverity);
    case 'spike.detected':
      return webhook.includeSpikes;
    case 'digest.ready':
      return webhook.includeDigest;
    case 'webhook.test':
      return envelope.data.webhookId === webhook.id;
    default:
      return false;
  }
}
