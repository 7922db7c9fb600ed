import type { CreateGlossaryTermRequest, EscalatedFlagView, FlagPage, FlagView, SimilarCasesView, SpikeView, StoryView } from '@vigil/contracts';
import { queryString, request } from './http';

/** The most the API lists at once; the live screen keeps the top of the queue, not all of it. */
export const OPEN_FLAGS_LIMIT = 200;

function flagPath(id: string, action: string): string {
  return `/api/flags/${encodeURIComponent(id)}/${action}`;
}

/** How the open queue is ranked: by priority, or re-ranked by what officers decided before (`learned`). */
export type FlagSort = 'priority' | 'learned';

/** Open flags, most urgent first in the chosen ranking (the triage order). */
export function listOpenFlags(sort: FlagSort, signal?: AbortSignal): Promise<FlagPage> {
  return request<FlagPage>(`/api/flags${queryString({ status: 'open', sort, limit: OPEN_FLAGS_LIMIT })}`, { signal });
}

/** Claiming one's own flag again is accepted; another officer's claim answers 409 flag_claimed_by_other. */
export function claimFlag(id: string): Promise<FlagView> {
  return request<FlagView>(flagPath(id, 'claim'), { method: 'POST' });
}

export function releaseFlag(id: string): Promise<FlagView> {
  return request<FlagView>(flagPath(id, 'release'), { method: 'POST' });
}

/** A dismissal must say why. */
export function dismissFlag(id: string, reason: string): Promise<FlagView> {
  return request<FlagView>(flagPath(id, 'dismiss'), { method: 'POST', body: { reason } });
}

/**
 * Escalating opens a case for the flag (its item and story linked), or joins the open case `caseId`, teaching the
 * glossary the term pairs the officer kept from that suggestion; the answer carries the case.
 */
export function escalateFlag(id: string, reason?: string, join?: { caseId: string; pairs: CreateGlossaryTermRequest[] }): Promise<EscalatedFlagView> {
  return request<EscalatedFlagView>(flagPath(id, 'escalate'), { method: 'POST', body: { ...(reason ? { reason } : {}), ...join } });
}

/** Open cases about the same claim as the flag's item, best match first, each with the parts of its score. */
export function similarCasesForFlag(id: string, signal?: AbortSignal): Promise<SimilarCasesView> {
  return request<SimilarCasesView>(flagPath(id, 'similar-cases'), { signal });
}

/** The flag's story joins the target flag's. */
export function attachFlag(id: string, targetFlagId: string): Promise<FlagView> {
  return request<FlagView>(flagPath(id, 'attach'), { method: 'POST', body: { targetFlagId } });
}

export function listSpikes(signal?: AbortSignal): Promise<SpikeView[]> {
  return request<SpikeView[]>('/api/spikes', { signal });
}

export function getStory(id: string, signal?: AbortSignal): Promise<StoryView> {
  return request<StoryView>(`/api/stories/${encodeURIComponent(id)}`, { signal });
}

