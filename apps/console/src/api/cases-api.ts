import type {
  CaseAuditTrail,
  CaseAuditVerification,
  CaseLinkKind,
  CaseLinkRequest,
  CasePage,
  CaseSeverity,
  CaseView,
  ConfirmMatchResult,
  CreateCaseRequest,
  CreateGlossaryTermRequest,
  SimilarCasesView,
  TeamView,
  TransitionCaseRequest,
  UpdateCaseRequest,
} from '@vigil/contracts';
import { queryString, request } from './http';

/** The most cases the board shows at once. */
export const BOARD_LIMIT = 200;

export interface CaseFilter {
  severity?: CaseSeverity;
  assigneeId?: string;
  teamId?: string;
}

function casePath(id: string, action?: string): string {
  return `/api/cases/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;
}

export function listCases(filter: CaseFilter, signal?: AbortSignal): Promise<CasePage> {
  const query = queryString({ severity: filter.severity, assignee: filter.assigneeId, team: filter.teamId, limit: BOARD_LIMIT });
  return request<CasePage>(`/api/cases${query}`, { signal });
}

export function getCase(id: string, signal?: AbortSignal): Promise<CaseView> {
  return request<CaseView>(casePath(id), { signal });
}

export function createCase(body: CreateCaseRequest): Promise<CaseView> {
  return request<CaseView>('/api/cases', { method: 'POST', body });
}

export function updateCase(id: string, body: UpdateCaseRequest): Promise<CaseView> {
  return request<CaseView>(casePath(id), { method: 'PATCH', body });
}

/** A move the workflow or the user's role does not allow answers 409 or 403 with the reason in `details.reason`. */
export function transitionCase(id: string, body: TransitionCaseRequest): Promise<CaseView> {
  return request<CaseView>(casePath(id, 'transition'), { method: 'POST', body });
}

/** Answers the case with the comment (and its @mentions resolved) in place. */
export function addCaseComment(id: string, body: string): Promise<CaseView> {
  return request<CaseView>(casePath(id, 'comments'), { method: 'POST', body: { body } });
}

/** Linking what is linked already changes nothing; the answer is the case either way. */
export function linkToCase(id: string, body: CaseLinkRequest): Promise<CaseView> {
  return request<CaseView>(casePath(id, 'links'), { method: 'POST', body });
}

/** A link that is not (or no longer) there answers 404 `case_link_not_found`. */
export function unlinkFromCase(id: string, kind: CaseLinkKind, targetId: string): Promise<CaseView> {
  return request<CaseView>(casePath(id, `links/${kind}/${encodeURIComponent(targetId)}`), { method: 'DELETE' });
}

export function getCaseAudit(id: string, signal?: AbortSignal): Promise<CaseAuditTrail> {
  return request<CaseAuditTrail>(casePath(id, 'audit'), { signal });
}

export function verifyCaseAudit(id: string, signal?: AbortSignal): Promise<CaseAuditVerification> {
  return request<CaseAuditVerification>(casePath(id, 'audit/verify'), { signal });
}

export function listTeams(signal?: AbortSignal): Promise<TeamView[]> {
  return request<TeamView[]>('/api/teams', { signal });
}

/** Open cases about the same claim as this one, best match first. */
export function similarCases(id: string, signal?: AbortSignal): Promise<SimilarCasesView> {
  return request<SimilarCasesView>(casePath(id, 'similar'), { signal });
}

/** The officer confirms two cases are about the same claim: the glossary learns the term pairs they kept. */
export function confirmSimilarCase(id: string, otherId: string, pairs: CreateGlossaryTermRequest[]): Promise<ConfirmMatchResult> {
  return request<ConfirmMatchResult>(casePath(id, `similar/${encodeURIComponent(otherId)}/confirm`), { method: 'POST', body: { pairs } });
}
