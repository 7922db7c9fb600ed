import type { CaseView, SlaPolicyView } from '@vigil/contracts';
import { TestClock } from '@vigil/testing';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';

type Refusal = { code: string; field?: string };

/**
 * The SLA policy an admin edits through /api/sla-policy: every role reads it, only admins store it, a policy that
 * makes no sense is refused with the code of what is wrong, and a stored one times the deadlines planned after it
 * while the cases opened before keep theirs.
 */
describe('Cases: the SLA policy', () => {
  let vigil: VigilTestApp;
  let admin: string;
  let writer: string;
  const api = <T>(method: string, path: string, token: string, body?: unknown) => vigil.request<T>(method, path, { token, body });

  beforeAll(async () => {
    vigil = await startVigil({}, { clock: new TestClock() });
    admin = await vigil.adminToken();
    const password = 'mat-khau-bien-tap-sla-2026';
    expect((await api('POST', '/api/users', admin, { username: 'sla.writer', displayName: 'Biên tập viên', password, roles: ['writer'] })).status).toBe(201);
    writer = await vigil.loginAs('sla.writer', password);
  }, 60_000);

  afterAll(async () => {
    await vigil?.close();
  });

  const current = async () => (await api<SlaPolicyView>('GET', '/api/sla-policy', writer)).body;
  const acknowledgeDue = (kase: CaseView) => new Date(kase.deadlines.find((deadline) => deadline.stage === 'acknowledge')!.dueAt).getTime() - new Date(kase.createdAt).getTime();
  const openCritical = async (title: string) => (await api<CaseView>('POST', '/api/cases', admin, { title, severity: 'critical' })).body;

  it('shows every role the defaults until an admin changes them', async () => {
    const policy = await current();
    expect(policy.stageMinutes.critical).toEqual({ acknowledge: 15, draft: 120, approve: 240, publish: 360 });
    expect(policy).toMatchObject({ warnShare: 0.75, reminderMinutes: 15, officeHoursSeverities: ['medium', 'low'], calendar: { timeZone: 'Asia/Ho_Chi_Minh', opensAt: '08:00', closesAt: '17:00' } });
    expect(policy.calendar.holidays.length).toBeGreaterThan(0);
  });

  it('lets only admins store it', async () => {
    const refused = await api<Refusal>('PUT', '/api/sla-policy', writer, await current());
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('forbidden');
  });

  it.each([
    ['a stage of zero minutes', (p: SlaPolicyView) => void (p.stageMinutes.high.draft = 0), 'sla_stage_minutes_invalid', 'stageMinutes.high.draft'],
    ['approval due before the draft', (p: SlaPolicyView) => void (p.stageMinutes.critical.approve = 60), 'sla_stage_order_invalid', 'stageMinutes.critical.approve'],
    ['publication due before approval', (p: SlaPolicyView) => void (p.stageMinutes.low.publish = 100), 'sla_stage_order_invalid', 'stageMinutes.low.publish'],
    ['a warning share of 1', (p: SlaPolicyView) => void (p.warnShare = 1), 'sla_warn_share_invalid', 'warnShare'],
    ['a warning share of 0', (p: SlaPolicyView) => void (p.warnShare = 0), 'sla_warn_share_invalid', 'warnShare'],
    ['a reminder every half minute', (p: SlaPolicyView) => void (p.reminderMinutes = 0.5), 'sla_reminder_invalid', 'reminderMinutes'],
    ['a holiday that is no date', (p: SlaPolicyView) => void (p.calendar.holidays = ['2027-02-30x']), 'sla_holiday_invalid', 'calendar.holidays.0'],
    ['an office closing before it opens', (p: SlaPolicyView) => void (p.calendar.closesAt = '07:00'), 'sla_calendar_invalid', 'calendar'],
  ])('refuses %s with its code and field, storing nothing', async (_what, spoil, code, field) => {
    const policy = await current();
    spoil(policy);
    const refused = await api<Refusal>('PUT', '/api/sla-policy', admin, policy);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code, field });
    expect(await current()).toMatchObject({ warnShare: 0.75, reminderMinutes: 15, stageMinutes: { critical: { acknowledge: 15, approve: 240 }, high: { draft: 480 } } });
  });

  it('times the deadlines planned after a change and leaves those planned before it', async () => {
    const before = await openCritical('Tin giả: cắt nước toàn thành phố trước khi đổi chính sách');
    expect(acknowledgeDue(before)).toBe(15 * 60_000);

    const policy = await current();
    policy.stageMinutes.critical = { acknowledge: 30, draft: 150, approve: 240, publish: 420 };
    policy.warnShare = 0.5;
    policy.calendar.holidays = ['2027-02-06', '2027-02-07'];
    const stored = await api<SlaPolicyView>('PUT', '/api/sla-policy', admin, policy);
    expect(stored.status).toBe(200);
    expect(stored.body).toEqual(policy);
    expect(await current()).toEqual(policy);

    const after = await openCritical('Tin giả: cắt nước toàn thành phố sau khi đổi chính sách');
    expect(acknowledgeDue(after)).toBe(30 * 60_000);
    expect(new Date(after.deadlines.find((deadline) => deadline.stage === 'publish')!.dueAt).getTime() - new Date(after.createdAt).getTime()).toBe(420 * 60_000);
    const reread = (await api<CaseView>('GET', `/api/cases/${before.id}`, admin)).body;
    expect(acknowledgeDue(reread)).toBe(15 * 60_000);
  });
});
