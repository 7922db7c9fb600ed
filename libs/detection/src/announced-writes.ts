import { Injectable } from '@nestjs/common';
import type { LiveEventEnvelope } from '@vigil/contracts';
import { type Transaction, Transactions } from '@vigil/persistence';
import { type LiveEventDraft, LiveEventPublisher } from '@vigil/realtime';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher';

/** What a write announces: its result, and the live events that tell officers of it. */
export interface Announced<T> {
  value: T;
  events: LiveEventDraft[];
}

/**
 * A write and the live events announcing it, in one transaction: a flag raised, grown or triaged and its event (with
 * the webhook deliveries that event calls for) commit together or not at all, so a crash in between loses nothing and
 * a rolled-back step announces nothing. Events are appended last, so the store's append lock is held only briefly;
 * they are sent (socket notification, webhook jobs) only after the commit.
 */
@Injectable()
export class AnnouncedWrites {
  constructor(
    private readonly transactions: Transactions,
    private readonly live: LiveEventPublisher,
    private readonly webhooks: WebhookDispatcher,
  ) {}

  async run<T>(write: (tx: Transaction) => Promise<Announced<T>>): Promise<{ value: T; stored: LiveEventEnvelope[] }> {
    const { value, stored, deliveries } = await this.transactions.run(async (tx) => {
      const { value, events } = await write(tx);
      const stored = await this.live.store(events, tx);
      return { value, stored, deliveries: await this.webhooks.record(stored, tx) };
    });
    await this.live.notifyStored(stored);
    await this.webhooks.enqueue(deliveries);
    return { value, stored };
  }
}
