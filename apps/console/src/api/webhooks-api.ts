import type { CreatedWebhook, RotatedWebhookSecret, Severity, WebhookDeliveryView, WebhookTestAnswer, WebhookView } from '@vigil/contracts';
import { queryString, request } from './http';

export interface WebhookFields {
  name: string;
  url: string;
  minSeverity: Severity;
  includeSpikes: boolean;
  includeDigest: boolean;
  enabled: boolean;
}

const webhookPath = (id: string, action = '') => `/api/webhooks/${encodeURIComponent(id)}${action}`;

export function listWebhooks(signal?: AbortSignal): Promise<WebhookView[]> {
  return request<WebhookView[]>('/api/webhooks', { signal });
}

/** The answer carries the signing secret, the only time it is shown. */
export function createWebhook(fields: WebhookFields): Promise<CreatedWebhook> {
  return request<CreatedWebhook>('/api/webhooks', { method: 'POST', body: fields });
}

export function updateWebhook(id: string, changes: Partial<WebhookFields>): Promise<WebhookView> {
  return request<WebhookView>(webhookPath(id), { method: 'PATCH', body: changes });
}

/** A new secret, shown once; the old one still signs until `previousSecretValidUntil`. */
export function rotateWebhookSecret(id: string): Promise<RotatedWebhookSecret> {
  return request<RotatedWebhookSecret>(webhookPath(id, '/rotate-secret'), { method: 'POST' });
}

export function testWebhook(id: string): Promise<WebhookTestAnswer> {
  return request<WebhookTestAnswer>(webhookPath(id, '/test'), { method: 'POST' });
}

export function deleteWebhook(id: string): Promise<void> {
  return request<void>(webhookPath(id), { method: 'DELETE' });
}

export function listDeliveries(id: string, limit: number, signal?: AbortSignal): Promise<WebhookDeliveryView[]> {
  return request<WebhookDeliveryView[]>(`${webhookPath(id, '/deliveries')}${queryString({ limit })}`, { signal });
}
