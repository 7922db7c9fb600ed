import type { CreateSourceRequest, SourceView } from '@vigil/contracts';
import { request } from './http';

export function listSources(signal?: AbortSignal): Promise<SourceView[]> {
  return request<SourceView[]>('/api/sources', { signal });
}

export function getSource(id: string, signal?: AbortSignal): Promise<SourceView> {
  return request<SourceView>(`/api/sources/${encodeURIComponent(id)}`, { signal });
}

export function createSource(source: CreateSourceRequest): Promise<SourceView> {
  return request<SourceView>('/api/sources', { method: 'POST', body: source });
}

export function fetchSourceNow(id: string): Promise<void> {
  return request<void>(`/api/sources/${encodeURIComponent(id)}/fetch`, { method: 'POST' });
}
