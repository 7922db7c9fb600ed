import type { RulePreview, RuleView, Severity } from '@vigil/contracts';
import { request } from './http';

/** The body of POST /api/rules (the API's CreateRuleDto). */
export interface CreateRuleRequest {
  name: string;
  query: string;
  severity: Severity;
  ownerTeam?: string | null;
  description?: string | null;
  enabled?: boolean;
}

export type UpdateRuleRequest = Partial<CreateRuleRequest>;

/** The window the editor's "test" button asks for; the API accepts 1–30 days. */
export const PREVIEW_DAYS = 7;

export function listRules(signal?: AbortSignal): Promise<RuleView[]> {
  return request<RuleView[]>('/api/rules', { signal });
}

export function createRule(rule: CreateRuleRequest): Promise<RuleView> {
  return request<RuleView>('/api/rules', { method: 'POST', body: rule });
}

export function updateRule(id: string, changes: UpdateRuleRequest): Promise<RuleView> {
  return request<RuleView>(`/api/rules/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes });
}

/** The rule stops matching; flags it already raised stay and keep its name. */
export function deleteRule(id: string): Promise<void> {
  return request<void>(`/api/rules/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** What the query would have matched over the last `days` days; nothing is saved. */
export function previewRule(query: string, days = PREVIEW_DAYS, signal?: AbortSignal): Promise<RulePreview> {
  return request<RulePreview>('/api/rules/preview', { method: 'POST', body: { query, days }, signal });
}
