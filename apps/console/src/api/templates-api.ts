import type { CreateDraftTemplateRequest, DraftTemplateList, DraftTemplateView, UpdateDraftTemplateRequest } from '@vigil/contracts';
import { request } from './http';

export function listTemplates(signal?: AbortSignal): Promise<DraftTemplateList> {
  return request<DraftTemplateList>('/api/templates', { signal });
}

export function updateTemplate(id: string, changes: UpdateDraftTemplateRequest): Promise<DraftTemplateView> {
  return request<DraftTemplateView>(`/api/templates/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes });
}

export function createTemplate(template: CreateDraftTemplateRequest): Promise<DraftTemplateView> {
  return request<DraftTemplateView>('/api/templates', { method: 'POST', body: template });
}
