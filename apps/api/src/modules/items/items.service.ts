import { Inject, Injectable } from '@nestjs/common';
import { SnapshotPages } from '@vigil/collection';
import { VIGIL_CONFIG, type VigilConfig } from '@vigil/config';
import { type ItemDetail, type ItemFacets, type ItemPage, type ItemSearchEntry, VigilError } from '@vigil/contracts';
import { CLOCK, type Clock, parseSearchQuery, searchHighlights } from '@vigil/domain';
import { EvidenceRepository, type ItemEntity, type ItemFilters, ItemsRepository, SourcesRepository } from '@vigil/persistence';
import { decodeSearchCursor, encodeSearchCursor, newestKeyOf, postgresKeyOf, SEARCH_ENGINE, type SearchAfterKey, type SearchEngine } from '@vigil/search';
import type { ItemQueryDto } from './item-query.dto';
import { toItemDetail, toItemListEntry, toItemSearchEntry } from './item.presenter';

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

  /**
   * With a query, the search engine ranks; without one, newest first straight from PostgreSQL. Either way a page
   * ends with a cursor to the next (keyset where the engine has a key, else the offset of a short list).
   */
  async find(query: ItemQueryDto): Promise<ItemPage> {
    const text = query.q?.trim();
    const sort = text ? (query.sort ?? 'relevance') : 'newest';
    const scope = text ? this.search.name : 'list';
    const cursor = query.cursor === undefined ? null : decodeSearchCursor(query.cursor, scope, sort);
    const offset = cursor ? cursor.served : query.offset;
    // Counted for the whole query, so only for a page that starts it (the console asks on its first page).
    const facets = query.facets === true && cursor === null;
    const page = { ...itemFilters(query), limit: query.limit, offset, facets };
    const answer = async (ids: string[], found: { total: number; totalIsEstimate: boolean; next: SearchAfterKey | null; facets?: ItemFacets }, items: ItemSearchEntry[]): Promise<ItemPage> => {
      const served = offset + ids.length;
      const more = found.next !== null || (ids.length === query.limit && served < found.total);
      const nextCursor = more ? encodeSearchCursor({ scope, sort, served, key: found.next }) : null;
      return { items, total: found.total, totalIsEstimate: found.totalIsEstimate, nextCursor, ...(found.facets ? { facets: found.facets } : {}) };
    };
    if (!text) {
      const listed = await this.items.listRecent({ ...page, after: cursor?.key ? newestKeyOf(cursor.key) : undefined });
      const next = listed.next && postgresKeyOf(listed.next);
      return answer(listed.items.map((item) => item.id), { ...listed, next }, listed.items.map(toItemListEntry));
    }
    const hits = await this.search.search({ q: text, sort, ...page, after: cursor?.key ?? undefined });
    const parsed = parseSearchQuery(text);
    const items = (await this.items.listEntriesInOrder(hits.ids)).map((row) =>
      toItemSearchEntry(row, { title: searchHighlights(row.title, parsed, row.language), snippet: searchHighlights(row.snippet, parsed, row.language) }),
    );
    return answer(hits.ids, hits, items);
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
