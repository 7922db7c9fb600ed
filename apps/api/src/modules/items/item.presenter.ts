import type { ItemDetail, ItemSummary } from '@vigil/contracts';
import type { ItemEntity } from '@vigil/persistence';

export function toItemSummary(item: ItemEntity): ItemSummary {
  return {
    id: item.id,
    sourceId: item.sourceId,
    title: item.title,
    url: item.url,
    publishedAt: item.publishedAt?.toISOString() ?? null,
    language: item.language,
    snippet: item.snippet,
  };
}

export function toItemDetail(item: ItemEntity): ItemDetail {
  return { ...toItemSummary(item), guid: item.guid, content: item.content, fetchedAt: item.fetchedAt.toISOString() };
}
