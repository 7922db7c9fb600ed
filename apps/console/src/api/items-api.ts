import type { ItemDetail, ItemLanguage, ItemPage, ItemSort } from '@vigil/contracts';
import { queryString, request } from './http';

export interface ItemQuery {
  q?: string;
  sourceId?: string;
  sort?: ItemSort;
  language?: ItemLanguage;
  /** Calendar days in Vietnam (YYYY-MM-DD), both included. */
  fromDay?: string;
  toDay?: string;
  limit: number;
  offset: number;
  /** nextCursor of the page before: the one after it (then offset is ignored). */
  cursor?: string;
  /** Ask for counts by source, language and day with the page. */
  facets?: boolean;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A Vietnam calendar day's first instant (UTC+7 all year), or the next day's for an inclusive end. */
export function vietnamDayStart(day: string | undefined, nextDay = false): string | undefined {
  if (!day || !DAY.test(day)) return undefined;
  const start = new Date(`${day}T00:00:00+07:00`);
  if (Number.isNaN(start.getTime())) return undefined;
  return new Date(start.getTime() + (nextDay ? 86_400_000 : 0)).toISOString();
}

export function searchItems(query: ItemQuery, signal?: AbortSignal): Promise<ItemPage> {
  const parameters = {
    q: query.q,
    sourceId: query.sourceId,
    sort: query.sort,
    language: query.language,
    from: vietnamDayStart(query.fromDay),
    to: vietnamDayStart(query.toDay, true),
    limit: query.limit,
    offset: query.offset,
    cursor: query.cursor,
    facets: query.facets ? 'true' : undefined,
  };
  return request<ItemPage>(`/api/items${queryString(parameters)}`, { signal });
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
