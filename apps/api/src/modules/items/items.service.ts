import { Inject, Injectable } from '@nestjs/common';
import { SnapshotPages } from '@vigil/collection';
import { VIGIL_CONFIG, type VigilConfig } from '@vigil/config';
import { type ItemDetail, type ItemPage, VigilError } from '@vigil/contracts';
import { CLOCK, type Clock } from '@vigil/domain';
import { EvidenceRepository, type ItemEntity, type ItemFilters, ItemsRepository, SourcesRepository } from '@vigil/persistence';
import { SEARCH_ENGINE, type SearchEngine } from '@vigil/search';
import type { ItemQueryDto } from './item-query.dto';
import { toItemDetail, toItemListEntry } from './item.presenter';

@Injectable()
export class ItemsService {
  constructor(
    private readonly items: ItemsRepository,
    private readonly evidence: EvidenceRepository,
    private readonly sources: SourcesRepository,
    private readonly snapshots: SnapshotPages,
    @Inject(SEARCH_ENGINE) private readonly search: SearchEngine,
    @Inject(VIGIL_CONFIG) private readonly config: VigilConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** With a query, the search engine ranks; without one, newest first straight from PostgreSQL. */
  async find(query: ItemQueryDto): Promise<ItemPage> {
    const page = { ...itemFilters(query), limit: query.limit, offset: query.offset };
    const text = query.q?.trim();
    if (!text) {
      const { items, total, totalIsEstimate } = await this.items.listRecent(page);
      return { items: items.map(toItemListEntry), total, totalIsEstimate };
    }
    const hits = await this.search.search({ q: text, sort: query.sort, ...page });
    const items = await this.items.listEntriesInOrder(hits.ids);
    return { items: items.map(toItemListEntry), total: hits.total, totalIsEstimate: hits.totalIsEstimate };
  }

  async get(id: string): Promise<ItemDetail> {
    const item = await this.findItem(id);
    const [storyItems, snapshots, events, sources] = await Promise.all([
      item.storyId ? this.items.findStoryItems(item.storyId) : Promise.resolve([]),
      this.evidence.listSnapshots(id),
      this.evidence.listEvents(id),
      this.sources.findNamesByIds([item.sourceId]),
    ]);
    return toItemDetail(item, { storyItems, snapshots, events, source: sources.get(item.sourceId) ?? null });
  }

  /** Watched items are re-fetched on a schedule so edits and takedowns are caught. */
  async setWatched(id: string, watched: boolean): Promise<ItemDetail> {
    await this.findItem(id);
    const nextCheckAt = watched ? new Date(this.clock.now().getTime() + this.config.collection.watchIntervalMs) : null;
    await this.items.setWatched(id, watched, nextCheckAt);
    return this.get(id);
  }

  /** The archived page, sanitised (once, then kept): readable as published, with no scripts and nothing loaded from elsewhere. */
  async snapshotPage(id: string, snapshotId: string | null, language: 'vi' | 'en'): Promise<string> {
    await this.findItem(id);
    const page = await this.snapshots.page(id, snapshotId, language);
    if (page === null) throw new VigilError('snapshot_not_found', snapshotId ? `No snapshot ${snapshotId} of item ${id}` : `Item ${id} has no snapshot yet`);
    return page;
  }

  private async findItem(id: string): Promise<ItemEntity> {
    const item = await this.items.findById(id);
    if (!item) throw new VigilError('item_not_found', `No item with id ${id}`);
    return item;
  }
}

/** The list filters of a query; a range that ends before it starts is refused rather than answered empty. */
function itemFilters(query: ItemQueryDto): ItemFilters {
  const from = query.from === undefined ? undefined : new Date(query.from);
  const to = query.to === undefined ? undefined : new Date(query.to);
  if (from && to && from.getTime() > to.getTime()) {
    throw new VigilError('date_range_invalid', `from (${query.from}) is after to (${query.to})`, { field: 'from' });
  }
  return { sourceId: query.sourceId, from, to, language: query.language };
}
