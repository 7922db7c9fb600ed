import type { CaseAuditEntryView, CaseAuditTrail, CaseAuditVerification, CasePage, CaseSummary, CaseView, EscalatedFlagView, FlagView, SlaPolicyView, TeamView } from '@vigil/contracts';

/** /api/docs examples of the case answers: one fictional dyke rumour answered by the press office. */
const AT = '2026-11-27T03:00:00.000Z';
const CASE_ID = '8b2e4c6a-1d3f-4a5b-9c7e-0f2d4b6a8c1e';
const FLAG_ID = '5a8c3e1f-2d7b-4f9a-b6e4-1c0d9f8a7b32';
const writer = { id: '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed', username: 'lan.nguyen', displayName: 'Nguyễn Thị Lan' };
const officer = { id: '2c8e7f1a-3d4b-4c5e-8f9a-0b1c2d3e4f5a', username: 'truc.ban', displayName: 'Trực ban ca sáng' };
const team = { id: 'a7d3e9f1-4b2c-4d6e-9a8b-1c3e5f7a9b20', name: 'Ban Tuyên truyền' };

const summary: CaseSummary = {
  id: CASE_ID,
  reference: 'VG-2026-0042',
  title: 'Tin giả về vỡ đê sông Hồng',
  severity: 'high',
  status: 'drafting',
  assignee: writer,
  team,
  tags: ['đê điều'],
  deadlines: [{ stage: 'draft', dueAt: '2026-11-27T11:00:00.000Z', state: 'pending', metAt: null }],
  breachedAt: null,
  escalationLevel: 0,
  statusChangedAt: AT,
  createdAt: AT,
  updatedAt: AT,
};

const created: CaseAuditEntryView = {
  seq: 1,
  action: 'created',
  actor: officer,
  at: AT,
  before: null,
  after: { reference: summary.reference, status: 'new', title: summary.title, severity: 'high' },
  prevHash: null,
  hash: '9f2c'.repeat(16),
};

const view: CaseView = {
  ...summary,
  claimSummary: 'Bài đăng nói đê sông Hồng đoạn Long Biên bị vỡ đêm 26/11',
  createdBy: officer,
  links: [{ kind: 'flag', id: FLAG_ID, title: 'Tin giả về vỡ đê sông Hồng lan truyền trên mạng xã hội', addedBy: officer, addedAt: AT }],
  comments: [{ id: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f', author: officer, body: '@lan.nguyen nhờ chị soạn trước 10 giờ.', mentions: [writer], createdAt: AT }],
  activity: [created],
  allowedTransitions: ['in_review', 'waiting', 'closed'],
};

const trail: CaseAuditTrail = { entries: [created] };
const verification: CaseAuditVerification = { intact: true, entries: 1, firstBrokenSeq: null };
const page: CasePage = { cases: [summary], total: 1 };
const teamView: TeamView = { ...team, members: [writer] };

/** The flag example of answer-examples.ts is not exported; the escalated one is built from the parts it needs. */
export function escalatedFlagExample(flag: FlagView): EscalatedFlagView {
  return { ...flag, status: 'escalated', decision: { by: { id: officer.id, displayName: officer.displayName }, at: AT, reason: null, attachedTo: null }, case: { ...summary, status: 'new' } };
}

const slaPolicy: SlaPolicyView = {
  stageMinutes: {
    critical: { acknowledge: 15, draft: 120, approve: 240, publish: 360 },
    high: { acknowledge: 60, draft: 480, approve: 1440, publish: 2880 },
    medium: { acknowledge: 240, draft: 1440, approve: 2880, publish: 4320 },
    low: { acknowledge: 540, draft: 1620, approve: 2700, publish: 3780 },
  },
  officeHoursSeverities: ['medium', 'low'],
  calendar: { timeZone: 'Asia/Ho_Chi_Minh', weekdays: [1, 2, 3, 4, 5], opensAt: '08:00', closesAt: '17:00', holidays: ['2027-02-05', '2027-02-06', '2027-09-02'] },
  warnShare: 0.75,
  reminderMinutes: 15,
};

export const CASE_EXAMPLES = {
  CaseView: view,
  CasePage: page,
  CaseAuditTrail: trail,
  CaseAuditVerification: verification,
  TeamView: teamView,
  SlaPolicyView: slaPolicy,
};
