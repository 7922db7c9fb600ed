import type {
  ChannelLimits,
  CreateDraftCommentRequest,
  CreateDraftRequest,
  DraftChecks,
  DraftCommentList,
  DraftCommentView,
  DraftDiff,
  DraftExportFormat,
  DraftList,
  DraftStarter,
  DraftStarterRequest,
  DraftVersionList,
  DraftVersionView,
  DraftView,
  PublishDraftRequest,
  ReviewDraftRequest,
  UpdateDraftRequest,
} from '@vigil/contracts';
import { queryString, request } from './http';

/** The review steps, each its own route: POST /api/drafts/:id/<step> with the version reviewed. */
export type DraftReviewStep = 'submit' | 'request-changes' | 'approve';

function draftPath(id: string, action?: string): string {
  return `/api/drafts/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;
}

export function listCaseDrafts(caseId: string, signal?: AbortSignal): Promise<DraftList> {
  return request<DraftList>(`/api/cases/${encodeURIComponent(caseId)}/drafts`, { signal });
}

export function createDraft(caseId: string, body: CreateDraftRequest): Promise<DraftView> {
  return request<DraftView>(`/api/cases/${encodeURIComponent(caseId)}/drafts`, { method: 'POST', body });
}

/** A skeleton from the case (summary, quotes, facts, template): a suggestion, nothing is stored. */
export function buildDraftStarter(body: DraftStarterRequest): Promise<DraftStarter> {
  return request<DraftStarter>('/api/drafts/starter', { method: 'POST', body });
}

export function getDraft(id: string, signal?: AbortSignal): Promise<DraftView> {
  return request<DraftView>(draftPath(id), { signal });
}

/** A save from a version that is no longer the latest answers 409 `draft_version_conflict` (details: currentVersion, updatedBy). */
export function updateDraft(id: string, body: UpdateDraftRequest): Promise<DraftView> {
  return request<DraftView>(draftPath(id), { method: 'PATCH', body });
}

export function listDraftVersions(id: string, signal?: AbortSignal): Promise<DraftVersionList> {
  return request<DraftVersionList>(draftPath(id, 'versions'), { signal });
}

export function getDraftVersion(id: string, version: number, signal?: AbortSignal): Promise<DraftVersionView> {
  return request<DraftVersionView>(draftPath(id, `versions/${version}`), { signal });
}

export function diffDraftVersions(id: string, from: number, to: number, signal?: AbortSignal): Promise<DraftDiff> {
  return request<DraftDiff>(`${draftPath(id, 'diff')}${queryString({ from, to })}`, { signal });
}

/** The pre-approval checks on the latest version: broken citations, length over the limit, expired facts. */
export function getDraftChecks(id: string, signal?: AbortSignal): Promise<DraftChecks> {
  return request<DraftChecks>(draftPath(id, 'checks'), { signal });
}

export function listDraftComments(id: string, signal?: AbortSignal): Promise<DraftCommentList> {
  return request<DraftCommentList>(draftPath(id, 'comments'), { signal });
}

export function addDraftComment(id: string, body: CreateDraftCommentRequest): Promise<DraftCommentView> {
  return request<DraftCommentView>(draftPath(id, 'comments'), { method: 'POST', body });
}

export function resolveDraftComment(id: string, commentId: string): Promise<DraftCommentView> {
  return request<DraftCommentView>(draftPath(id, `comments/${encodeURIComponent(commentId)}/resolve`), { method: 'POST' });
}

/** A step the status or the user's role does not allow answers 409 `draft_action_illegal` or 403 `draft_action_not_permitted`. */
export function reviewDraft(id: string, step: DraftReviewStep, body: ReviewDraftRequest): Promise<DraftView> {
  return request<DraftView>(draftPath(id, step), { method: 'POST', body });
}

export function publishDraft(id: string, body: PublishDraftRequest): Promise<DraftView> {
  return request<DraftView>(draftPath(id, 'publish'), { method: 'POST', body });
}

export function exportDraft(id: string, format: DraftExportFormat, signal?: AbortSignal): Promise<string> {
  return request<string>(`${draftPath(id, 'export')}${queryString({ format })}`, { signal, responseType: 'text' });
}

export function getChannelLimits(signal?: AbortSignal): Promise<ChannelLimits> {
  return request<ChannelLimits>('/api/channel-limits', { signal });
}
