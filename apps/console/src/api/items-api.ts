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

export function setItemWatched(id: string, watched: boolean): Promise<ItemDetail> {
  return request<ItemDetail>(`/api/items/${encodeURIComponent(id)}/watch`, { method: watched ? 'POST' : 'DELETE' });
}

/** The archived page as the API serves it: sanitised, with no scripts and no external loads. */
/** The archived page opens in its own tab, with its banner in the interface language. */
export function snapshotUrl(itemId: string, snapshotId: string, language: string): string {
  return `/api/items/${encodeURIComponent(itemId)}/snapshot${queryString({ snapshotId, lang: language === 'en' ? 'en' : 'vi' })}`;
}
