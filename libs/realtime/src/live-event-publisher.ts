import { Inject, Injectable } from '@nestjs/common';
import type { LiveAudience, LiveEventDataMap, LiveEventEnvelope, LiveEventType } from '@vigil/contracts';
import { CLOCK, type Clock } from '@vigil/domain';
import { LiveEventsRepository } from '@vigil/persistence';
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
    if (drafts.length === 0) return [];
    const at = this.clock.now();
    const rows = await this.events.append(
      drafts.map(({ type, data, audience }) => ({
        type,
        at,
        data,
        roles: audience?.roles?.length ? [...audience.roles] : null,
        team: audience?.team ?? null,
      })),
    );
    await this.notifier.notify({ kind: 'events-stored', upTo: rows[rows.length - 1].id });
    return rows.map(toLiveEnvelope);
  }
}
