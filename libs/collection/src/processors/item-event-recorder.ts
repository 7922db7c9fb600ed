import { Injectable } from '@nestjs/common';
import { AnnouncedWrites } from '@vigil/detection';
import { EvidenceRepository, type ItemEntity, type NewItemEvent } from '@vigil/persistence';

/**
 * An edit or takedown noticed on an item: stored in the item's evidence trail and raised on the live feed in one
 * transaction, so neither is kept without the other; clients hear of it after the commit.
 */
@Injectable()
export class ItemEventRecorder {
  constructor(
    private readonly evidence: EvidenceRepository,
    private readonly announced: AnnouncedWrites,
  ) {}

  async record(item: Pick<ItemEntity, 'id' | 'sourceId' | 'title'>, event: Omit<NewItemEvent, 'itemId'>): Promise<void> {
    await this.announced.run(async (tx) => {
      const stored = await this.evidence.addEvent({ ...event, itemId: item.id }, tx);
      const data = { itemId: item.id, sourceId: item.sourceId, title: item.title, itemEventId: stored.id, reason: stored.reason, params: stored.params, snapshotId: stored.snapshotId };
      return { value: stored, events: [{ type: stored.kind, data }] };
    });
  }
}
