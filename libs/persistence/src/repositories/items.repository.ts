import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, LessThanOrEqual, Not, Repository } from 'typeorm';
import { ItemEntity } from '../entities/item.entity';

/** What collection knows of an item from its feed, sitemap or listing page, before its page is fetched. */
export type NewItem = Omit<
  ItemEntity,
  'id' | 'indexedAt' | 'storyId' | 'fingerprint' | 'fingerprintBands' | 'enrichedAt' | 'watched' | 'nextCheckAt' | 'removedAt'
>;

/** What the article page adds once fetched and extracted. */
export type ItemEnrichment = Pick<
  ItemEntity,
  'title' | 'searchTitle' | 'text' | 'searchText' | 'canonicalUrl' | 'byline' | 'imageUrls' | 'language' | 'publishedAt' | 'updatedAt' | 'fingerprint' | 'fingerprintBands' | 'storyId'
>;

export interface UpsertedItem {
  item: ItemEntity;
  inserted: boolean;
}

const UPSERT_COLUMNS: [string, keyof NewItem][] = [
  ['source_id', 'sourceId'],
  ['dedupe_key', 'dedupeKey'],
  ['guid', 'guid'],
  ['url', 'url'],
  ['title', 'title'],
  ['content', 'content'],
  ['snippet', 'snippet'],
  ['published_at', 'publishedAt'],
  ['updated_at', 'updatedAt'],
  ['search_title', 'searchTitle'],
  ['text', 'text'],
  ['canonical_url', 'canonicalUrl'],
  ['byline', 'byline'],
  ['image_urls', 'imageUrls'],
  ['language', 'language'],
  ['content_hash', 'contentHash'],
  ['fetched_at', 'fetchedAt'],
  ['search_text', 'searchText'],
];
// Columns the feed owns: a change there is an update. The rest belongs to the article page once it is fetched.
const FEED_OWNED_COLUMNS = ['guid', 'url', 'title', 'content', 'snippet', 'published_at', 'updated_at', 'search_title', 'content_hash'];
const UPSERT_BATCH = 1000;

export interface ItemListQuery {
  sourceId?: string;
  limit: number;
  offset: number;
}

export interface FullTextQuery extends ItemListQuery {
  /**
   * Query words from toSearchTermGroups, all required: each matches its folded token or, in English items, its
   * namespaced stem; the last token also matches as a prefix, so results appear while a word is being typed.
   */
  groups: { token: string; stem: string | null }[];
}

@Injectable()
export class ItemsRepository {
  constructor(@InjectRepository(ItemEntity) private readonly items: Repository<ItemEntity>) {}

  /**
   * Inserts new items and refreshes changed ones, keyed on (source, dedupe key), so storing the same feed
   * twice stores nothing twice. Returns only the rows that were inserted or changed.
   */
  async upsert(items: NewItem[]): Promise<UpsertedItem[]> {
    const changed: UpsertedItem[] = [];
    // PostgreSQL takes at most 65,535 parameters per statement.
    for (let start = 0; start < items.length; start += UPSERT_BATCH) {
      changed.push(...(await this.upsertBatch(items.slice(start, start + UPSERT_BATCH))));
    }
    return changed;
  }

  private async upsertBatch(items: NewItem[]): Promise<UpsertedItem[]> {
    const parameters: unknown[] = [];
    const tuples = items.map((item) => {
      const values = UPSERT_COLUMNS.map(([, property]) => parameters.push(item[property]));
      return `(${values.map((position) => `$${position}`).join(', ')})`;
    });
    const columns = UPSERT_COLUMNS.map(([column]) => column);
    const refreshed = FEED_OWNED_COLUMNS;
    // A changed item is rewritten and leaves the search index (indexed_at = NULL); an unchanged one is untouched.
    const inserted: { id: string; inserted: boolean }[] = await this.items.query(
      `INSERT INTO items (${columns.join(', ')}) VALUES ${tuples.join(', ')}
       ON CONFLICT (source_id, dedupe_key) DO UPDATE
         SET ${refreshed.map((column) => `${column} = EXCLUDED.${column}`).join(', ')}, indexed_at = NULL
         WHERE (${refreshed.map((column) => `items.${column}`).join(', ')})
               IS DISTINCT FROM (${refreshed.map((column) => `EXCLUDED.${column}`).join(', ')})
       RETURNING id, (xmax = 0) AS inserted`,
      parameters,
    );
    if (inserted.length === 0) return [];
    const rows = await this.items.findBy({ id: In(inserted.map((row) => row.id)) });
    const wasInserted = new Map(inserted.map((row) => [row.id, row.inserted]));
    return rows.map((item) => ({ item, inserted: wasInserted.get(item.id) === true }));
  }

  /** Which of these dedupe keys a source already has. */
  async existingDedupeKeys(sourceId: string, keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows: { dedupe_key: string }[] = await this.items.query(
      'SELECT dedupe_key FROM items WHERE source_id = $1 AND dedupe_key = ANY($2)',
      [sourceId, keys],
    );
    return new Set(rows.map((row) => row.dedupe_key));
  }

  /** Which of these exact-content hashes some item already has. */
  async existingContentHashes(hashes: string[]): Promise<Set<string>> {
    if (hashes.length === 0) return new Set();
    const rows: { content_hash: string }[] = await this.items.query(
      'SELECT DISTINCT content_hash FROM items WHERE content_hash = ANY($1)',
      [hashes],
    );
    return new Set(rows.map((row) => row.content_hash));
  }

  async contentHashTaken(hash: string, exceptItemId: string): Promise<boolean> {
    return (await this.items.count({ where: { contentHash: hash, id: Not(exceptItemId) } })) > 0;
  }

  async enrich(id: string, enrichment: ItemEnrichment, at: Date): Promise<void> {
    await this.items.update({ id }, { ...enrichment, enrichedAt: at, indexedAt: null });
  }

  async markEnrichmentFailed(id: string, at: Date): Promise<void> {
    await this.items.update({ id }, { enrichedAt: at });
  }

  /** Recent items sharing a fingerprint band with the given bands: candidates for the same story. */
  findStoryCandidates(bands: number[], since: Date, exceptItemId: string): Promise<ItemEntity[]> {
    return this.items
      .createQueryBuilder('item')
      .where('item.fingerprint_bands && :bands', { bands })
      .andWhere('item.fetched_at >= :since', { since })
      .andWhere('item.id <> :id', { id: exceptItemId })
      .orderBy('item.fetched_at', 'ASC')
      .limit(50)
      .getMany();
  }

  async assignStory(ids: string[], storyId: string): Promise<void> {
    if (ids.length) await this.items.update({ id: In(ids) }, { storyId });
  }

  findStoryItems(storyId: string): Promise<ItemEntity[]> {
    return this.items.find({ where: { storyId }, order: { fetchedAt: 'ASC' }, take: 100 });
  }

  async setWatched(id: string, watched: boolean, nextCheckAt: Date | null): Promise<void> {
    await this.items.update({ id }, { watched, nextCheckAt });
  }

  findWatchDue(now: Date, limit: number): Promise<ItemEntity[]> {
    return this.items.find({ where: { watched: true, nextCheckAt: LessThanOrEqual(now) }, order: { nextCheckAt: 'ASC' }, take: limit });
  }

  findWatchedBySource(sourceId: string): Promise<ItemEntity[]> {
    return this.items.find({ where: { sourceId, watched: true, removedAt: IsNull() } });
  }

  async scheduleCheck(id: string, nextCheckAt: Date): Promise<void> {
    await this.items.update({ id }, { nextCheckAt });
  }

  async markRemoved(id: string, at: Date): Promise<void> {
    await this.items.update({ id, removedAt: IsNull() }, { removedAt: at });
  }

  /** Items first seen per source on each of the last `days` days (Asia/Ho_Chi_Minh calendar days), oldest first. */
  async dailyCounts(sourceIds: string[], now: Date, days: number): Promise<Map<string, number[]>> {
    const counts = new Map(sourceIds.map((id) => [id, new Array<number>(days).fill(0)]));
    if (sourceIds.length === 0) return counts;
    const rows: { source_id: string; day_index: number; count: string }[] = await this.items.query(
      `SELECT source_id,
              ($3::int - 1) - ((($2::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) - ((fetched_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)) AS day_index,
              count(*) AS count
         FROM items
        WHERE source_id = ANY($1) AND fetched_at > $2::timestamptz - make_interval(days => $3::int)
        GROUP BY 1, 2`,
      [sourceIds, now, days],
    );
    for (const row of rows) {
      const series = counts.get(row.source_id);
      if (series && row.day_index >= 0 && row.day_index < days) series[row.day_index] = Number(row.count);
    }
    return counts;
  }

  /** When each source last published (as far as Vigil saw), and its typical gap between items over the last 30 days. */
  async publishingRhythm(sourceIds: string[], now: Date): Promise<Map<string, { lastItemAt: Date; typicalGapMs: number | null }>> {
    if (sourceIds.length === 0) return new Map();
    const rows: { source_id: string; last_item_at: Date; first_item_at: Date; count: string }[] = await this.items.query(
      `SELECT source_id, max(at) AS last_item_at, min(at) AS first_item_at, count(*) AS count
         FROM (SELECT source_id, LEAST(coalesce(published_at, fetched_at), fetched_at) AS at FROM items WHERE source_id = ANY($1)) AS seen
        WHERE at > $2::timestamptz - interval '30 days'
        GROUP BY source_id`,
      [sourceIds, now],
    );
    return new Map(
      rows.map((row) => {
        const count = Number(row.count);
        const span = new Date(row.last_item_at).getTime() - new Date(row.first_item_at).getTime();
        return [row.source_id, { lastItemAt: new Date(row.last_item_at), typicalGapMs: count > 2 && span > 0 ? span / (count - 1) : null }];
      }),
    );
  }

  /** Items of a source the search engine does not have yet, oldest first (an outbox: nothing is lost if indexing fails). */
  findUnindexed(sourceId: string, limit: number): Promise<ItemEntity[]> {
    return this.items.find({ where: { sourceId, indexedAt: IsNull() }, order: { fetchedAt: 'ASC' }, take: limit });
  }

  async markIndexed(ids: string[], at: Date): Promise<void> {
    if (ids.length) await this.items.update({ id: In(ids) }, { indexedAt: at });
  }

  /** Items whose page has not been fetched yet (enriched_at null), oldest first: the enrichment outbox. */
  async findUnenrichedIds(limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.items.query('SELECT id FROM items WHERE enriched_at IS NULL ORDER BY fetched_at LIMIT $1', [limit]);
    return rows.map((row) => row.id);
  }

  /** Sources with items the search engine lacks (indexed_at null): the index outbox, read through its partial index. */
  async findSourcesWithUnindexed(limit: number): Promise<string[]> {
    const rows: { source_id: string }[] = await this.items.query('SELECT DISTINCT source_id FROM items WHERE indexed_at IS NULL LIMIT $1', [limit]);
    return rows.map((row) => row.source_id);
  }

  async ping(): Promise<void> {
    await this.items.query('SELECT 1');
  }

  findById(id: string): Promise<ItemEntity | null> {
    return this.items.findOneBy({ id });
  }

  /** Loads items in the order of `ids` (a search engine's ranking). */
  async findByIdsInOrder(ids: string[]): Promise<ItemEntity[]> {
    if (ids.length === 0) return [];
    const rows = await this.items.findBy({ id: In(ids) });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async listRecent(query: ItemListQuery): Promise<{ items: ItemEntity[]; total: number }> {
    const [items, total] = await this.items.findAndCount({
      where: query.sourceId ? { sourceId: query.sourceId } : {},
      order: { publishedAt: { direction: 'DESC', nulls: 'LAST' }, fetchedAt: 'DESC' },
      take: query.limit,
      skip: query.offset,
    });
    return { items, total };
  }

  /** PostgreSQL full-text search over the folded columns, with trigram similarity for near-misses in titles. */
  async searchFullText(query: FullTextQuery): Promise<{ ids: string[]; total: number }> {
    // Tokens are runs of letters and digits and stems ASCII ones, so nothing here is tsquery syntax.
    const tsquery = query.groups
      .map(({ token, stem }, index) => {
        const folded = index === query.groups.length - 1 ? `${token}:*` : token;
        return stem === null ? folded : `(${folded} | ${stem})`;
      })
      .join(' & ');
    const phrase = query.groups.map(({ token }) => token).join(' ');
    const matches = this.items
      .createQueryBuilder('item')
      .where(
        `(item.search_vector @@ to_tsquery('simple', :tsquery) OR item.search_title % :phrase)`,
        { tsquery, phrase },
      );
    if (query.sourceId) matches.andWhere('item.source_id = :sourceId', { sourceId: query.sourceId });
    const total = await matches.clone().getCount();
    const rows = await matches
      .select('item.id', 'id')
      .orderBy(`ts_rank(item.search_vector, to_tsquery('simple', :tsquery)) + similarity(item.search_title, :phrase)`, 'DESC')
      .addOrderBy('item.published_at', 'DESC', 'NULLS LAST')
      .limit(query.limit)
      .offset(query.offset)
      .getRawMany<{ id: string }>();
    return { ids: rows.map((row) => row.id), total };
  }
}
