import { Inject, Injectable, Logger } from '@nestjs/common';
import type { LiveAudience, LiveEventDataMap, LiveEventEnvelope, LiveEventType } from '@vigil/contracts';
import { CLOCK, type Clock } from '@vigil/domain';
import { LiveEventsRepository, type Transaction } from '@vigil/persistence';
import { toLiveEnvelope } from './live-envelope';
import { LiveNotifier } from './live-notifier';

export interface LiveEventDraft<T extends LiveEventType = LiveEventType> {
  type: T;
  data: LiveEventDataMap[T];
  audience?: LiveAudience;
}

/**
 * How any process (API or ingestor) raises a live event: stored first, then every API process is told to read
 * and emit what was stored. If the telling fails the event is still delivered (on the next read) and replayable.
 */
@Injectable()
export class LiveEventPublisher {
  private readonly logger = new Logger(LiveEventPublisher.name);

  constructor(
    private readonly events: LiveEventsRepository,
    @Inject(LiveNotifier) private readonly notifier: LiveNotifier,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async publish<T extends LiveEventType>(type: T, data: LiveEventDataMap[T], audience?: LiveAudience): Promise<LiveEventEnvelope<T>> {
    const [stored] = await this.publishAll([{ type, data, audience }]);
    return stored as LiveEventEnvelope<T>;
  }

  /** Several events in one append: consecutive ids, one notification. */
  async publishAll(drafts: readonly LiveEventDraft[]): Promise<LiveEventEnvelope[]> {
    const stored = await this.store(drafts);
    await this.notifyStored(stored);
    return stored;
  }

  /**
   * Stores the events, in the caller's transaction when given (they commit with the write they announce, or not at
   * all); nobody hears of them until notifyStored, which the caller calls once that transaction has committed.
   */
  async store(drafts: readonly LiveEventDraft[], tx?: Transaction): Promise<LiveEventEnvelope[]> {
    if (drafts.length === 0) return [];
    const at = this.clock.now();
    const rows = await this.events.append(
      drafts.map(({ type, data, audience }) => ({
        type,
        at,
        data,
        roles: audience?.roles?.length ? [...audience.roles] : null,
        team: audience?.team ?? null,
        userIds: audience?.userIds?.length ? [...audience.userIds] : null,
      })),
      tx,
    );
    return rows.map(toLiveEnvelope);
  }

  /**
   * Tells every API process that these committed events are there to send. They are safe already: a failed telling is
   * made up by the API's periodic catch-up read, so it is only logged.
   */
  async notifyStored(stored: readonly LiveEventEnvelope[]): Promise<void> {
    if (stored.length === 0) return;
    try {
      await this.notifier.notify({ kind: 'events-stored', upTo: stored[stored.length - 1]!.id });
    } catch (error) {
      this.logger.warn(`Live events up to ${stored[stored.length - 1]?.id} are stored; telling the API processes failed (${String(error)}), the catch-up read sends them`);
    }
  }
}
