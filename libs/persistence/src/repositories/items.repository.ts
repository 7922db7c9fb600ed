import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { ItemEntity } from '../entities/item.entity';

export type NewItem = Omit<ItemEntity, 'id'>;

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
    if (items.length === 0) return [];
    const result = await this.items
      .createQueryBuilder()
      .insert()
      .values(items)
      .orUpdate(
        ['guid', 'url', 'title', 'content', 'snippet', 'language', 'published_at', 'search_title', 'search_text'],
        ['source_id', 'dedupe_key'],
        // Unchanged rows are neither rewritten nor returned, so callers re-index only what changed.
        { skipUpdateIfNoValuesChanged: true },
      )
      .returning('id')
      .execute();
    const changedIds = (result.raw as { id: string }[]).map((row) => row.id);
    return changedIds.length ? this.items.findBy({ id: In(changedIds) }) : [];
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
