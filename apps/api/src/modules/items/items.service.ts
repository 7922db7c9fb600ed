import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { ItemDetail, ItemPage } from '@vigil/contracts';
import { ItemsRepository } from '@vigil/persistence';
import { SEARCH_ENGINE, type SearchEngine } from '@vigil/search';
import type { ItemQueryDto } from './item-query.dto';
import { toItemDetail, toItemSummary } from './item.presenter';

@Injectable()
export class ItemsService {
  constructor(
    private readonly items: ItemsRepository,
    @Inject(SEARCH_ENGINE) private readonly search: SearchEngine,
  ) {}

  /** With a query, the search engine ranks; without one, newest first straight from PostgreSQL. */
  async find(query: ItemQueryDto): Promise<ItemPage> {
    const page = { sourceId: query.sourceId, limit: query.limit, offset: query.offset };
    const text = query.q?.trim();
    if (!text) {
      const { items, total } = await this.items.listRecent(page);
      return { items: items.map(toItemSummary), total };
    }
    const hits = await this.search.search({ q: text, ...page });
    const items = await this.items.findByIdsInOrder(hits.ids);
    return { items: items.map(toItemSummary), total: hits.total };
  }

  async get(id: string): Promise<ItemDetail> {
    const item = await this.items.findById(id);
    if (!item) throw new NotFoundException(`No item with id ${id}`);
    return toItemDetail(item);
  }
}
