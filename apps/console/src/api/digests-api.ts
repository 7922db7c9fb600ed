import type { DigestView } from '@vigil/contracts';
import { queryString, request } from './http';

/** The latest digests of lower-tier flags, newest first. */
export function listDigests(limit: number, signal?: AbortSignal): Promise<DigestView[]> {
  return request<DigestView[]>(`/api/digests${queryString({ limit })}`, { signal });
}
