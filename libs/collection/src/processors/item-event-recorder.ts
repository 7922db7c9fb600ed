import { Injectable } from '@nestjs/common';
import { EvidenceRepository, type ItemEntity, type NewItemEvent } from '@vigil/persistence';
import { LiveEventPublisher } from '@vigil/realtime';

/**
 * An edit or takedown noticed on an item: stored in the item's evidence trail, then raised on the live feed
 * (itself stored before any client hears of it).
 */
@Injectable()
export class ItemEventRecorder {
  constructor(
    private readonly evidence: EvidenceRepository,
    private readonly live: LiveEventPublisher,
  ) {}

  async record(item: Pick<ItemEntity, 'id' | 'sourceId' | 'title'>, event: Omit<NewItemEvent, 'itemId'>): Promise<void> {
    const stored = await this.evidence.addEvent({ ...event, itemId: item.id });
    await this.live.publish(stored.kind, {
      itemId: item.id,
      sourceId: item.sourceId,
      title: item.title,
      itemEventId: stored.id,
      reason: stored.reason,
      params: stored.params,
      snapshotId: stored.snapshotId,
    });
  }
}
