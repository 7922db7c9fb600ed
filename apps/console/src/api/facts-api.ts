import type { CreateFactRequest, DraftLanguage, FactPage, FactView, UpdateFactRequest } from '@vigil/contracts';
import { queryString, request } from './http';

/** What GET /api/facts filters by; words match with or without diacritics. */
export interface FactSearchQuery {
  q?: string;
  tags?: string[];
  language?: DraftLanguage;
  /** Only the facts valid today (Asia/Ho_Chi_Minh). */
  validOnly?: boolean;
  limit?: number;
  offset?: number;
}

export function searchFacts(query: FactSearchQuery, signal?: AbortSignal): Promise<FactPage> {
  const params = queryString({
    q: query.q?.trim(),
    tag: query.tags?.join(','),
    language: query.language,
    valid: query.validOnly ? 'true' : undefined,
    limit: query.limit,
    offset: query.offset,
  });
  return request<FactPage>(`/api/facts${params}`, { signal });
}

export function createFact(fact: CreateFactRequest): Promise<FactView> {
  return request<FactView>('/api/facts', { method: 'POST', body: fact });
}

export function updateFact(id: string, changes: UpdateFactRequest): Promise<FactView> {
  return request<FactView>(`/api/facts/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes });
}
