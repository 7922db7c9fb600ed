import type { CaseSummary, CaseTimeline, DashboardView, HandoverView } from '@vigil/contracts';

/** /api/docs examples of the insight answers: one fictional case about a dyke rumour, answered and published. */
const AT = '2026-11-27T03:00:00.000Z';
const CASE_ID = '8b2e4c6a-1d3f-4a5b-9c7e-0f2d4b6a8c1e';
const SOURCE_ID = '7d1c2f4e-8a51-4d3b-9c5e-2b6f0a9e1d23';

const kase: CaseSummary = {
  id: CASE_ID,
  reference: 'VG-2026-0042',
  title: 'Tin giả về vỡ đê sông Hồng',
  severity: 'high',
  status: 'published',
  assignee: { id: '0b6e2d4f-3a1c-4e8b-9f72-5d8a1c3e6b90', username: 'truc.ban', displayName: 'Trực ban Sở TT&TT' },
  team: null,
  tags: ['đê điều'],
  deadlines: [{ stage: 'acknowledge', dueAt: '2026-11-27T00:00:00.000Z', state: 'met', metAt: '2026-11-26T23:10:00.000Z' }],
  breachedAt: null,
  escalationLevel: 0,
  statusChangedAt: AT,
  createdAt: '2026-11-26T23:00:00.000Z',
  updatedAt: AT,
};

const timeline: CaseTimeline = {
  case: kase,
  spread: {
    firstSeenAt: '2026-11-26T21:10:00.000Z',
    from: '2026-11-26T21:00:00.000Z',
    to: '2026-11-27T04:00:00.000Z',
    sources: [{ id: SOURCE_ID, name: 'Báo Tin Nhanh (hư cấu)', items: 3 }],
    cells: [{ hour: '2026-11-26T21:00:00.000Z', sourceId: SOURCE_ID, count: 3 }],
    totalItems: 3,
  },
  events: [
    { kind: 'first_seen', at: '2026-11-26T21:10:00.000Z', itemId: '3f6b8e21-5c4d-4a7e-b912-6d0e2a7c9f58', title: 'Đê sông Hồng bị vỡ?', sourceName: 'Báo Tin Nhanh (hư cấu)' },
    { kind: 'case_opened', at: '2026-11-26T23:00:00.000Z', actor: 'Trực ban Sở TT&TT', severity: 'high' },
    { kind: 'status_changed', at: '2026-11-26T23:10:00.000Z', actor: 'Trực ban Sở TT&TT', from: 'new', to: 'acknowledged', reason: null },
    { kind: 'deadline', at: '2026-11-26T23:10:00.000Z', stage: 'acknowledge', outcome: 'met', dueAt: '2026-11-27T00:00:00.000Z' },
  ],
  eventsTruncated: false,
  metrics: {
    acknowledgedAt: '2026-11-26T23:10:00.000Z',
    timeToAcknowledgeSec: 600,
    firstDraftAt: '2026-11-27T01:00:00.000Z',
    timeToFirstDraftSec: 7200,
    publishedAt: AT,
    timeToPublishSec: 14400,
    deadlines: [{ stage: 'acknowledge', dueAt: '2026-11-27T00:00:00.000Z', state: 'met', metAt: '2026-11-26T23:10:00.000Z', outcome: 'met' }],
  },
  impact: { publishedAt: AT, before24h: { items: 3, sources: 1, complete: true }, after24h: { items: 1, sources: 1, complete: false }, after72h: { items: 1, sources: 1, complete: false } },
};

const handover: HandoverView = {
  at: AT,
  openCases: [{ case: { ...kase, status: 'new', deadlines: [{ stage: 'acknowledge', dueAt: '2026-11-27T03:15:00.000Z', state: 'pending', metAt: null }] }, nextDeadline: { stage: 'acknowledge', dueAt: '2026-11-27T03:15:00.000Z', state: 'pending' } }],
  upcomingDeadlines: [{ caseId: CASE_ID, reference: kase.reference, title: kase.title, severity: 'high', stage: 'acknowledge', dueAt: '2026-11-27T03:15:00.000Z', state: 'pending' }],
  unclaimedCriticalFlags: [{ id: '5a8c3e1f-2d7b-4f9a-b6e4-1c0d9f8a7b32', ruleName: 'Vỡ đê', title: 'Đê sông Hồng bị vỡ?', itemCount: 3, sourceCount: 2, priority: 0.82, createdAt: AT }],
  sourcesNeedingAttention: [{ id: SOURCE_ID, name: 'Báo Tin Nhanh (hư cấu)', status: 'failing', lastSuccessAt: '2026-11-26T20:00:00.000Z', lastItemAt: '2026-11-26T19:55:00.000Z', consecutiveFailures: 3 }],
};

const dashboard: DashboardView = {
  at: AT,
  openCases: [{ severity: 'high', status: 'published', count: 1 }],
  breachesThisWeek: { total: 1, byStage: [{ stage: 'draft', count: 1 }] },
  weeks: [{ weekStart: '2026-11-22T17:00:00.000Z', opened: 3, medianAcknowledgeSec: 900, medianPublishSec: 14400 }],
};

export const INSIGHT_EXAMPLES = { CaseTimeline: timeline, HandoverView: handover, DashboardView: dashboard };

export const CASES_CSV_EXAMPLE =
  '\uFEFF"reference","title","severity","status","assignee","team","tags","opened_at","acknowledged_at","first_draft_at","published_at","minutes_to_acknowledge","minutes_to_first_draft","minutes_to_publish","deadlines_breached"\r\n' +
  '"VG-2026-0042","Tin giả về vỡ đê sông Hồng","high","published","Trực ban Sở TT&TT","","đê điều","2026-11-26T23:00:00.000Z","2026-11-26T23:10:00.000Z","2026-11-27T01:00:00.000Z","2026-11-27T03:00:00.000Z","10","120","240","0"\r\n';
