import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ItemEventEntity } from '../entities/item-event.entity';
import { SnapshotEntity } from '../entities/snapshot.entity';
import { StoryEntity } from '../entities/story.entity';
import type { Transaction } from './transactions';

export type NewSnapshot = Omit<SnapshotEntity, 'id' | 'sanitizedHtml'>;
export type NewItemEvent = Omit<ItemEventEntity, 'id'>;

/** Snapshots, item events and stories: the evidence trail behind every item. */
@Injectable()
export class EvidenceRepository {
  constructor(
    @InjectRepository(SnapshotEntity) private readonly snapshots: Repository<SnapshotEntity>,
    @InjectRepository(ItemEventEntity) private readonly events: Repository<ItemEventEntity>,
    @InjectRepository(StoryEntity) private readonly stories: Repository<StoryEntity>,
  ) {}

  async addSnapshot(snapshot: NewSnapshot): Promise<SnapshotEntity> {
    const saved = await this.snapshots.save(this.snapshots.create(snapshot));
    return { ...saved, bodyGzip: Buffer.alloc(0) };
  }

  /** Metadata only, first snapshot first. */
  listSnapshots(itemId: string): Promise<SnapshotEntity[]> {
    return this.snapshots.find({ where: { itemId }, order: { fetchedAt: 'ASC' } });
  }

  latestSnapshot(itemId: string): Promise<SnapshotEntity | null> {
    return this.snapshots.findOne({ where: { itemId }, order: { fetchedAt: 'DESC' } });
  }

  /** The archived bytes of one snapshot of one item (or its first snapshot). */
  findSnapshotWithBody(itemId: string, snapshotId: string | null): Promise<SnapshotEntity | null> {
    const query = this.snapshots
      .createQueryBuilder('snapshot')
      .addSelect('snapshot.body_gzip', 'snapshot_body_gzip')
      .where('snapshot.item_id = :itemId', { itemId });
    if (snapshotId) query.andWhere('snapshot.id = :snapshotId', { snapshotId });
    return query.orderBy('snapshot.fetched_at', 'ASC').getOne();
  }

  /** One snapshot of one item (or its first) with its stored rendering, if it has one yet; not its bytes. */
  findSnapshotWithRendering(itemId: string, snapshotId: string | null): Promise<SnapshotEntity | null> {
    const query = this.snapshots
      .createQueryBuilder('snapshot')
      .addSelect('snapshot.sanitized_html', 'snapshot_sanitized_html')
      .where('snapshot.item_id = :itemId', { itemId });
    if (snapshotId) query.andWhere('snapshot.id = :snapshotId', { snapshotId });
    return query.orderBy('snapshot.fetched_at', 'ASC').getOne();
  }

  /** Keeps a snapshot's rendering; the first one stored stays (two first views may render at once). */
  async storeSnapshotRendering(snapshotId: string, sanitizedHtml: string): Promise<void> {
    await this.snapshots
      .createQueryBuilder()
      .update()
      .set({ sanitizedHtml })
      .where('id = :snapshotId AND sanitized_html IS NULL', { snapshotId })
      .execute();
  }

  /** In the caller's transaction when given (the live event announcing it commits with it). */
  addEvent(event: NewItemEvent, tx?: Transaction): Promise<ItemEventEntity> {
    const events = tx ? tx.manager.getRepository(ItemEventEntity) : this.events;
    return events.save(events.create(event));
  }

  /** Which of these items have an event of this kind: one query however many items are asked about. */
  async itemsWithEvent(itemIds: string[], kind: ItemEventEntity['kind']): Promise<Set<string>> {
    if (itemIds.length === 0) return new Set();
    const rows: { item_id: string }[] = await this.events.query('SELECT DISTINCT item_id FROM item_events WHERE item_id = ANY($1) AND kind = $2', [itemIds, kind]);
    return new Set(rows.map((row) => row.item_id));
  }

  listEvents(itemId: string): Promise<ItemEventEntity[]> {
    return this.events.find({ where: { itemId }, order: { id: 'ASC' } });
  }

  createStory(story: Omit<StoryEntity, 'id'>): Promise<StoryEntity> {
    return this.stories.save(this.stories.create(story));
  }
}
