import type { CaseTimeline, DashboardView, HandoverView } from '@vigil/contracts';
import { request } from './http';

export function getCaseTimeline(caseId: string, signal?: AbortSignal): Promise<CaseTimeline> {
  return request<CaseTimeline>(`/api/cases/${encodeURIComponent(caseId)}/timeline`, { signal });
}

export function getHandover(signal?: AbortSignal): Promise<HandoverView> {
  return request<HandoverView>('/api/handover', { signal });
}

export function getDashboard(signal?: AbortSignal): Promise<DashboardView> {
  return request<DashboardView>('/api/dashboard', { signal });
}

/** Opened in a new tab with the session cookie; the browser prints it to PDF. */
export function caseReportUrl(caseId: string, language: string): string {
  return `/api/cases/${encodeURIComponent(caseId)}/report?lang=${language === 'en' ? 'en' : 'vi'}`;
}

export const CASES_CSV_URL = '/api/cases.csv';
