import type { SlaPolicyView } from '@vigil/contracts';
import { request } from './http';

export function getSlaPolicy(signal?: AbortSignal): Promise<SlaPolicyView> {
  return request<SlaPolicyView>('/api/sla-policy', { signal });
}

/** Applies to deadlines planned after it; those already set keep their times. */
export function saveSlaPolicy(policy: SlaPolicyView): Promise<SlaPolicyView> {
  return request<SlaPolicyView>('/api/sla-policy', { method: 'PUT', body: policy });
}
