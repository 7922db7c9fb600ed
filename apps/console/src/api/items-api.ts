import type { ItemDetail, ItemPage } from '@vigil/contracts';
import { queryString, request } from './http';

export interface ItemQuery {
  q?: string;
  sourceId?: string;
  limit: number;
  offset: number;
}

export function searchItems(query: ItemQuery, signal?: AbortSignal): Promise<ItemPage> {
  return request<ItemPage>(`/api/items${queryString({ q: query.q, sourceId: query.sourceId, limit: query.limit, offset: query.offset })}`, { signal });
}

export function getItem(id: string, signal?: AbortSignal): Promise<ItemDetail> {
  return request<ItemDetail>(`/api/items/${encodeURIComponent(id)}`, { signal });
}
