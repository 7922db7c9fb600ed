import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ITEM_TOTAL_EXACT_UP_TO } from '@vigil/contracts';
import { In, IsNull, LessThanOrEqual, Not, Repository } from 'typeorm';
import { ItemEntity } from '../entities/item.entity';
import {
  type BoundedTotal,
  filterConditions,
  type ItemListRow,
  type ItemSummaryRow,
  LIST_ENTRY_COLUMNS,
  type ListEntryRecord,
  NEWEST_FIRST,
  SqlParameters,
  SUMMARY_COLUMNS,
  type SummaryRecord,
  toListRow,
  toSummaryRow,
} from './item-list-sql';
import { facetColumns, type FacetRecord, type FullTextQuery, type ItemIdPage, type ItemPageRequest, KEY_COLUMNS, type KeyColumnsRecord, keyOfColumns, newestAfter, searchFullText, toFacets } from './item-search-sql';

/** What collection knows of an item from its feed, sitemap or listing page, before its page is fetched. */
export type NewItem = Omit<
  ItemEntity,
  'id' | 'indexedAt' | 'storyId' | 'copyOf' | 'fingerprint' | 'fingerprintBands' | 'enrichedAt' | 'watched' | 'nextCheckAt' | 'removedAt'
>;

/** What the article page adds once fetched and extracted. */
export type ItemEnrichment = Pick<
  ItemEntity,
  'title' | 'searchTitle' | 'text' | 'searchText' | 'canonicalUrl' | 'byline' | 'imageUrls' | 'language' | 'publishedAt' | 'updatedAt' | 'fingerprint' | 'fingerprintBands' | 'storyId'
> &
  // Set only when enrichment finds the item copies another source's word for word.
  Partial<Pick<ItemEntity, 'copyOf'>>;

/** What a caller of upsert needs of a written row: which one, and whether it is new (its page still to fetch). */
export interface UpsertedItem {
  id: string;
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
  ['entry_hash', 'entryHash'],
  ['fetched_at', 'fetchedAt'],
  ['search_text', 'searchText'],
];
// Columns the feed owns: a change there is an update. The rest belongs to the article page once it is fetched.
const FEED_OWNED_COLUMNS = ['guid', 'url', 'title', 'content', 'snippet', 'published_at', 'updated_at', 'search_title', 'content_hash'];
const UPSERT_BATCH = 1000;
// A feed that gives no date must not erase the one the article page supplied at enrichment.
const KEPT_WHEN_FEED_HAS_NONE = new Set(['published_at', 'updated_at']);

function givenValue(column: string): string {
  return KEPT_WHEN_FEED_HAS_NONE.has(column) ? `COALESCE(EXCLUDED.${column}, items.${column})` : `EXCLUDED.${column}`;
}

export type ItemListQuery = ItemPageRequest;

export type { BoundedTotal, ItemFilters, ItemListRow, ItemSummaryRow } from './item-list-sql';
export type { FullTextQuery, ItemIdPage, ItemPageRequest, NewestKey, RelevanceKey } from './item-search-sql';

@Injectable()
export class ItemsRepository {
  constructor(@InjectRepository(ItemEntity) private readonly items: Repository<ItemEntity>) {}

  /**
   * Inserts new items and refreshes changed ones, keyed on (source, dedupe key), so storing the same feed
   * twice stores nothing twice. Returns only the rows that were inserted or changed, by id: one statement per
   * thousand items and no read-back.
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
    const old = `(${refreshed.map((column) => `items.${column}`).join(', ')})`;
    const given = `(${refreshed.map(givenValue).join(', ')})`;
    // A changed item is rewritten and leaves the search index (indexed_at = NULL); an unchanged one is untouched.
    // A new entry hash alone (the entry changed in ways the item does not keep) is recorded, still in the index.
    return this.items.query(
      `INSERT INTO items (${columns.join(', ')}) VALUES ${tuples.join(', ')}
       ON CONFLICT (source_id, dedupe_key) DO UPDATE
         SET ${refreshed.map((column) => `${column} = ${givenValue(column)}`).join(', ')}, entry_hash = EXCLUDED.entry_hash,
             indexed_at = CASE WHEN ${old} IS DISTINCT FROM ${given} THEN NULL ELSE items.indexed_at END
         WHERE (${old}, items.entry_hash) IS DISTINCT FROM (${given}, EXCLUDED.entry_hash)
       RETURNING id, (xmax = 0) AS inserted`,
      parameters,
    );
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

  /**
   * The entry hash stored for each of these dedupe keys a source already has (null for rows stored before entry
   * hashes): one query per poll tells new, unchanged and changed entries apart.
   */
  async entryHashes(sourceId: string, keys: string[]): Promise<Map<string, string | null>> {
    if (keys.length === 0) return new Map();
    const rows: { dedupe_key: string; entry_hash: string | null }[] = await this.items.query(
      'SELECT dedupe_key, entry_hash FROM items WHERE source_id = $1 AND dedupe_key = ANY($2)',
      [sourceId, keys],
    );
    return new Map(rows.map((row) => [row.dedupe_key, row.entry_hash]));
  }

  /**
   * Which of a source's candidate items are exact copies of another item (its content hash taken by any item but
   * the candidate's own row, which an unchanged text would otherwise match). Answers their dedupe keys.
   */
  async exactCopies(sourceId: string, candidates: { dedupeKey: string; contentHash: string }[]): Promise<Set<string>> {
    if (candidates.length === 0) return new Set();
    // A LATERAL ... LIMIT 1 rather than EXISTS: the planner cannot turn it into a hash join, which it picks without
    // statistics (a new or never-analysed table) and which reads every item on every poll. Each candidate probes
    // items_content_hash_idx and stops at the first other item.
    const rows: { dedupe_key: string }[] = await this.items.query(
      `SELECT candidate.dedupe_key FROM unnest($2::text[], $3::text[]) AS candidate (dedupe_key, content_hash)
        CROSS JOIN LATERAL (SELECT 1 FROM items
                             WHERE items.content_hash = candidate.content_hash
                               AND NOT (items.source_id = $1 AND items.dedupe_key = candidate.dedupe_key)
                             LIMIT 1) AS copied`,
      [sourceId, candidates.map((candidate) => candidate.dedupeKey), candidates.map((candidate) => candidate.contentHash)],
    );
    return new Set(rows.map((row) => row.dedupe_key));
  }

  async contentHashTaken(hash: string, exceptItemId: string): Promise<boolean> {
    return (await this.items.count({ where: { contentHash: hash, id: Not(exceptItemId) } })) > 0;
  }

  /** `indexedAt`: when the search engine received this enriched version, if it did (one write for both). */
  async enrich(id: string, enrichment: ItemEnrichment, at: Date, indexedAt: Date | null = null): Promise<void> {
    // No story found leaves the column alone: since this item looked, another one may have founded a story around it.
    const { storyId, ...rest } = enrichment;
    await this.items.update({ id }, { ...rest, ...(storyId ? { storyId } : {}), enrichedAt: at, indexedAt });
  }

  async markEnrichmentFailed(id: string, at: Date, indexedAt: Date | null = null): Promise<void> {
    await this.items.update({ id }, { enrichedAt: at, ...(indexedAt ? { indexedAt } : {}) });
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

  /**
   * Brings every watched item's next check within `latest` (now + the current watch interval): a check stored
   * under a longer VIGIL_WATCH_INTERVAL_SEC waits no longer than the setting in force says. Walks the partial
   * index of watched items' check times from `latest` on, so it costs next to nothing once all are within it.
   */
  async clampWatchChecks(latest: Date): Promise<void> {
    await this.items.query(`UPDATE items SET next_check_at = $1 WHERE watched AND next_check_at > $1`, [latest]);
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

  /**
   * Enriched items of a source the search engine does not have yet, oldest first (an outbox: nothing is lost if
   * indexing fails). An item not yet enriched is indexed by its enrichment, in the same write that records it.
   */
  findUnindexed(sourceId: string, limit: number): Promise<ItemEntity[]> {
    return this.items.find({ where: { sourceId, indexedAt: IsNull(), enrichedAt: Not(IsNull()) }, order: { fetchedAt: 'ASC' }, take: limit });
  }

  async markIndexed(ids: string[], at: Date): Promise<void> {
    if (ids.length) await this.items.update({ id: In(ids) }, { indexedAt: at });
  }

  /** Items whose page has not been fetched yet (enriched_at null), oldest first: the enrichment outbox. */
  async findUnenrichedIds(limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.items.query('SELECT id FROM items WHERE enriched_at IS NULL ORDER BY fetched_at LIMIT $1', [limit]);
    return rows.map((row) => row.id);
  }

  /** Sources with enriched items the search engine lacks (indexed_at null): the index outbox, read through its partial index. */
  async findSourcesWithUnindexed(limit: number): Promise<string[]> {
    const rows: { source_id: string }[] = await this.items.query(
      'SELECT DISTINCT source_id FROM items WHERE indexed_at IS NULL AND enriched_at IS NOT NULL LIMIT $1',
      [limit],
    );
    return rows.map((row) => row.source_id);
  }

  /** Items a search index holds (enriched ones), counted for a rebuild's progress. */
  async countIndexable(): Promise<number> {
    const [row]: { count: string }[] = await this.items.query('SELECT count(*) AS count FROM items WHERE enriched_at IS NOT NULL');
    return Number(row!.count);
  }

  /**
   * The next page of indexable items in id order (keyset paging: a rebuild's pages cost the same all the way), each
   * with its row version (xmin), read in the same statement, so markCopied can tell a row changed since.
   */
  async indexableAfter(afterId: string | null, limit: number): Promise<{ item: ItemEntity; rowVersion: string }[]> {
    const query = this.items
      .createQueryBuilder('item')
      .addSelect('item.xmin::text', 'row_version')
      .where('item.enriched_at IS NOT NULL')
      .orderBy('item.id', 'ASC')
      .limit(limit);
    if (afterId) query.andWhere('item.id > :afterId', { afterId });
    const { entities, raw } = await query.getRawAndEntities<{ row_version: string }>();
    return entities.map((item, index) => ({ item, rowVersion: raw[index]!.row_version }));
  }

  /**
   * Marks copied rows indexed as of `at` where they are still the version copied (same xmin) and not marked yet: a
   * rebuild that copies items the outbox also holds (a PostgreSQL-search install moving to Elasticsearch) does not
   * send them all a second time, and a row written meanwhile keeps its place in the outbox.
   */
  async markCopied(copied: { id: string; rowVersion: string }[], at: Date): Promise<void> {
    if (copied.length === 0) return;
    await this.items.query(
      `UPDATE items SET indexed_at = $1 FROM unnest($2::uuid[], $3::text[]) AS copied (id, row_version)
        WHERE items.id = copied.id AND items.xmin::text = copied.row_version AND items.indexed_at IS NULL`,
      [at, copied.map((row) => row.id), copied.map((row) => row.rowVersion)],
    );
  }

  /** Puts the versions indexed at or after `since` back in the outbox: a rebuild's copy may predate them. */
  async unmarkIndexedSince(since: Date): Promise<number> {
    const result: [unknown[], number] = await this.items.query('UPDATE items SET indexed_at = NULL WHERE indexed_at >= $1', [since]);
    return result[1];
  }

  /**
   * The index outbox's size (counted up to `countUpTo`, so an outage's backlog costs a bounded scan) and when its
   * oldest item was ready to index (enriched), null when it is empty.
   */
  async indexBacklog(countUpTo: number): Promise<{ count: number; oldestReadyAt: Date | null }> {
    const [row]: { count: string; oldest: Date | null }[] = await this.items.query(
      `SELECT (SELECT count(*) FROM (SELECT 1 FROM items WHERE indexed_at IS NULL AND enriched_at IS NOT NULL LIMIT $1) capped) AS count,
              (SELECT min(enriched_at) FROM items WHERE indexed_at IS NULL AND enriched_at IS NOT NULL) AS oldest`,
      [countUpTo],
    );
    return { count: Number(row!.count), oldestReadyAt: row!.oldest ? new Date(row!.oldest) : null };
  }

  async ping(): Promise<void> {
    await this.items.query('SELECT 1');
  }

  findById(id: string): Promise<ItemEntity | null> {
    return this.items.findOneBy({ id });
  }

  /** Summaries of items in the order of `ids` (a search engine's ranking). */
  async findSummariesInOrder(ids: string[]): Promise<ItemSummaryRow[]> {
    if (ids.length === 0) return [];
    const rows: SummaryRecord[] = await this.items.query(`SELECT ${SUMMARY_COLUMNS} FROM items WHERE id = ANY($1)`, [ids]);
    const byId = new Map(rows.map((row) => [row.id, toSummaryRow(row)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /**
   * List rows (summary and triage flags) of items in the order of `ids`: one statement for the page, whose
   * per-row subqueries read the item_events and story indexes for these ids only.
   */
  async listEntriesInOrder(ids: string[]): Promise<ItemListRow[]> {
    if (ids.length === 0) return [];
    // Exact copies too stay behind their originals when a separate search engine chose the ids.
    const rows: ListEntryRecord[] = await this.items.query(`SELECT ${LIST_ENTRY_COLUMNS} FROM items WHERE id = ANY($1) AND copy_of IS NULL`, [ids]);
    const byId = new Map(rows.map((row) => [row.id, toListRow(row)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** Newest first (undated items last), all items or those the filters keep. */
  async listRecent(query: ItemListQuery): Promise<{ items: ItemListRow[] } & Omit<ItemIdPage, 'ids'>> {
    const sql = new SqlParameters();
    const conditions = filterConditions(query, sql);
    const filterValues = sql.values.length;
    // Facets count the newest bound + 1 rows of the filters: a short walk of the same index as the page.
    const facets = query.facets ? await this.recentFacets(conditions, sql.values.slice(0, filterValues)) : undefined;
    // After a key the list starts there (keyset); `offset` then only says how many were served before it.
    if (query.after) conditions.push(newestAfter(query.after, sql));
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const skip = query.after ? 0 : query.offset;
    const keyValues = sql.values.length;
    const rows: KeyColumnsRecord[] = await this.items.query(
      `SELECT ${KEY_COLUMNS} FROM items ${where} ORDER BY ${NEWEST_FIRST} LIMIT ${sql.add(query.limit)} OFFSET ${sql.add(skip)}`,
      sql.values,
    );
    // Ordered like the list so the count walks the same index rather than scanning the table.
    const counted = await this.boundedTotal(`${where} ORDER BY ${NEWEST_FIRST}`, sql.values.slice(0, keyValues), { limit: query.limit, offset: skip }, rows.length);
    const served = query.after ? query.offset : 0;
    const total = { total: served + counted.total, totalIsEstimate: counted.totalIsEstimate };
    const more = rows.length === query.limit && (total.totalIsEstimate || served + skip + rows.length < total.total);
    return { items: await this.listEntriesInOrder(rows.map((row) => row.id)), ...total, next: more ? keyOfColumns(rows[rows.length - 1]!) : null, facets: facets ? toFacets(facets, facets.partial) : undefined };
  }

  private async recentFacets(conditions: string[], parameters: unknown[]): Promise<FacetRecord & { partial: boolean }> {
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const [row]: (FacetRecord & { partial: boolean })[] = await this.items.query(
      `WITH candidate AS MATERIALIZED (SELECT source_id, language, published_at FROM items ${where} ORDER BY ${NEWEST_FIRST} LIMIT ${ITEM_TOTAL_EXACT_UP_TO + 1})
       SELECT (SELECT count(*) FROM candidate) > ${ITEM_TOTAL_EXACT_UP_TO} AS partial, ${facetColumns('candidate')}`,
      parameters,
    );
    return row!;
  }

  /** Full-text search: item-search-sql.ts. */
  searchFullText(query: FullTextQuery): Promise<ItemIdPage> {
    return searchFullText(
      {
        run: (statement, parameters) => this.items.query(statement, parameters),
        fromTableStart: (statement, parameters) =>
          this.items.manager.transaction(async (manager) => {
            await manager.query('SET LOCAL synchronize_seqscans = off');
            return manager.query(statement, parameters);
          }),
      },
      query,
    );
  }

  /**
   * The total without counting every match: a short page already tells it; otherwise count at most one more
   * than the bound, so a query matching most of the table costs as much as one matching ten thousand rows.
   */
  private async boundedTotal(from: string, parameters: unknown[], page: { limit: number; offset: number }, found: number): Promise<BoundedTotal> {
    if (found < page.limit && (found > 0 || page.offset === 0)) return { total: page.offset + found, totalIsEstimate: false };
    const [{ count }]: { count: number }[] = await this.items.query(
      `SELECT count(*)::int AS count FROM (SELECT 1 FROM items ${from} LIMIT ${ITEM_TOTAL_EXACT_UP_TO + 1}) AS capped`,
      parameters,
    );
    return count > ITEM_TOTAL_EXACT_UP_TO ? { total: ITEM_TOTAL_EXACT_UP_TO, totalIsEstimate: true } : { total: count, totalIsEstimate: false };
  }
}
