import type { CreateSourceRequest, OpmlImportResult, SourceRemoval, SourceView, UpdateSourceRequest } from '@vigil/contracts';
import { request } from './http';

/** A plain link downloads it: the session cookie goes along and the API answers with an attachment. */
export const SOURCES_EXPORT_URL = '/api/sources/export';

export function listSources(signal?: AbortSignal): Promise<SourceView[]> {
  return request<SourceView[]>('/api/sources', { signal });
}

export function getSource(id: string, signal?: AbortSignal): Promise<SourceView> {
  return request<SourceView>(`/api/sources/${encodeURIComponent(id)}`, { signal });
}

export function createSource(source: CreateSourceRequest): Promise<SourceView> {
  return request<SourceView>('/api/sources', { method: 'POST', body: source });
}

export function updateSource(id: string, changes: UpdateSourceRequest): Promise<SourceView> {
  return request<SourceView>(`/api/sources/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes });
}

/** Queues a fetch at once; the API also resets the source's failure backoff. */
export function fetchSourceNow(id: string): Promise<void> {
  return request<void>(`/api/sources/${encodeURIComponent(id)}/fetch`, { method: 'POST' });
}

/** The OPML file goes up as it is: the API parses it and reports every outline it skipped. */
export function importOpml(opml: string): Promise<OpmlImportResult> {
  return request<OpmlImportResult>('/api/sources/import', {
    method: 'POST',
    rawBody: { content: opml, contentType: 'text/x-opml' },
  });
}

/** Stops collecting the source; its items stay as evidence ("source removed") unless `withItems`. */
export function removeSource(id: string, withItems: boolean): Promise<SourceRemoval> {
  return request<SourceRemoval>(`/api/sources/${encodeURIComponent(id)}${withItems ? '?withItems=true' : ''}`, { method: 'DELETE' });
}
