import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import { ItemEntity } from '../entities/item.entity';

export type NewItem = Omit<ItemEntity, 'id' | 'indexedAt'>;

const UPSERT_COLUMNS: [string, keyof NewItem][] = [
  ['source_id', 'sourceId'],
  ['dedupe_key', 'dedupeKey'],
  ['guid', 'guid'],
  ['url', 'url'],
  ['title', 'title'],
  ['content', 'content'],
  ['snippet', 'snippet'],
  ['language', 'language'],
  ['published_at', 'publishedAt'],
  ['fetched_at', 'fetchedAt'],
  ['search_title', 'searchTitle'],
  ['search_text', 'searchText'],
];
const KEY_COLUMNS = ['source_id', 'dedupe_key'];
const UPSERT_BATCH = 1000;

export interface ItemListQuery {
  sourceId?: string;
  limit: number;
  offset: number;
}

export interface FullTextQuery extends ItemListQuery {
  /** Folded search tokens (see toSearchText); the last one also matches as a prefix. */
  tokens: string[];
}

@Injectable()
export class ItemsRepository {
  constructor(@InjectRepository(ItemEntity) private readonly items: Repository<ItemEntity>) {}

  /**
   * Inserts new items and refreshes changed ones, keyed on (source, dedupe key), so storing the same feed
   * twice stores nothing twice. Returns only the rows that were inserted or changed.
   */
  async upsert(items: NewItem[]): Promise<ItemEntity[]> {
    const changed: ItemEntity[] = [];
    // PostgreSQL takes at most 65,535 parameters per statement.
    for (let start = 0; start < items.length; start += UPSERT_BATCH) {
      changed.push(...(await this.upsertBatch(items.slice(start, start + UPSERT_BATCH))));
    }
    return changed;
  }

  private async upsertBatch(items: NewItem[]): Promise<ItemEntity[]> {
    const parameters: unknown[] = [];
    const rows = items.map((item) => {
      const values = UPSERT_COLUMNS.map(([, property]) => parameters.push(item[property]));
      return `(${values.map((position) => `$${position}`).join(', ')})`;
    });
    const columns = UPSERT_COLUMNS.map(([column]) => column);
    const refreshed = columns.filter((column) => !KEY_COLUMNS.includes(column) && column !== 'fetched_at');
    // A changed item is rewritten and leaves the search index (indexed_at = NULL); an unchanged one is untouched.
    const inserted: { id: string }[] = await this.items.query(
      `INSERT INTO items (${columns.join(', ')}) VALUES ${rows.join(', ')}
       ON CONFLICT (source_id, dedupe_key) DO UPDATE
         SET ${refreshed.map((column) => `${column} = EXCLUDED.${column}`).join(', ')}, indexed_at = NULL
         WHERE (${refreshed.map((column) => `items.${column}`).join(', ')})
               IS DISTINCT FROM (${refreshed.map((column) => `EXCLUDED.${column}`).join(', ')})
       RETURNING id`,
      parameters,
    );
    const changedIds = inserted.map((row) => row.id);
    return changedIds.length ? this.items.findBy({ id: In(changedIds) }) : [];
  }

  /** Items of a source the search engine does not have yet, oldest first (an outbox: nothing is lost if indexing fails). */
  findUnindexed(sourceId: string, limit: number): Promise<ItemEntity[]> {
    return this.items.find({ where: { sourceId, indexedAt: IsNull() }, order: { fetchedAt: 'ASC' }, take: limit });
  }

  async markIndexed(ids: string[], at: Date): Promise<void> {
    if (ids.length) await this.items.update({ id: In(ids) }, { indexedAt: at });
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
    const tsquery = query.tokens.map((token, index) => (index === query.tokens.length - 1 ? `${token}:*` : token)).join(' & ');
    const phrase = query.tokens.join(' ');
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
