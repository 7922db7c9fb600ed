import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AnyLiveEventEnvelope, CasePage, CaseView, LiveEventPage, Role } from '@vigil/contracts';
import { prepareTestEnvironment, TestClock, type TestEnvironment, waitFor } from '@vigil/testing';
import { connectLive, type LiveClient } from '../live/support/live-client';
import { type ApiProcess, freePort, startApiProcess } from '../live/support/live-app';

const MINUTE = 60_000;
const TICK_SEC = '0.25';

/**
 * Case deadlines through the API and the live feed, on the mode's database and queue: a critical case warns at 75%
 * of its acknowledge time within seconds of it, its breach fires exactly once across a restart of the API (which
 * hosts the ticker here), reminders climb the ladder until the stage is met, waiting pauses the clock and a severity
 * change recomputes. Embedded PGlite persists in a temporary data directory so the restart keeps it.
 */
describe('case deadlines', () => {
  let environment: TestEnvironment;
  let dataDir: string | null = null;
  let api: ApiProcess;
  let client: LiveClient;
  let port: number;
  const clock = new TestClock();
  const listeners: LiveClient[] = [];

  beforeAll(async () => {
    dataDir = process.env.TEST_DATABASE_URL ? null : mkdtempSync(join(tmpdir(), 'vigil-deadlines-'));
    environment = await prepareTestEnvironment({ VIGIL_DEADLINE_TICK_SEC: TICK_SEC, ...(dataDir ? { VIGIL_DATA_DIR: join(dataDir, 'data'), TMPDIR: dataDir } : {}) });
    port = await freePort();
    api = await startApiProcess(environment.env, clock, port);
    client = connectLive(api.baseUrl, { auth: { token: await api.adminToken() } });
    await client.waitForReady();
  }, 120_000);

  afterAll(async () => {
    for (const listener of listeners) listener.close();
    client?.close();
    await api?.close();
    await environment?.cleanup();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** A fresh session each time: the clock jumps past the idle timeout in these specs. */
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const { status, body: answer } = await api.request<T>(method, path, { token: await api.adminToken(), body });
    if (status >= 300) throw new Error(`${method} ${path} answered ${status}: ${JSON.stringify(answer)}`);
    return answer;
  }

  const openCase = (severity: string, title = `Tin giả: mất điện toàn miền Bắc ba ngày (${severity})`) => call<CaseView>('POST', '/api/cases', { title, severity });
  const moveTo = (caseId: string, to: string) => call<CaseView>('POST', `/api/cases/${caseId}/transition`, { to });
  const heard = (caseId: string, type: string, listener = client) => listener.events.filter((event) => event.type === type && JSON.stringify(event.data).includes(caseId));
  const waitToHear = (caseId: string, type: string, count = 1, listener = client) =>
    waitFor(`${count} ${type} for ${caseId}`, () => Promise.resolve(heard(caseId, type, listener).length >= count ? heard(caseId, type, listener) : undefined), 15_000);
  const ticks = (count: number) => new Promise((resolve) => setTimeout(resolve, count * Number(TICK_SEC) * 1000));

  async function stored(caseId: string, type: string): Promise<AnyLiveEventEnvelope[]> {
    const page = await call<LiveEventPage>('GET', '/api/events?after=0&limit=500');
    return page.events.filter((event) => event.type === type && JSON.stringify(event.data).includes(caseId));
  }

  /** A live client signed in as a new user holding only `role`, and that user's id. */
  async function listenAs(role: Role): Promise<LiveClient & { userId: string }> {
    const user = { username: `nghe-${role.replace('_', '-')}-${randomUUID().slice(0, 8)}`, password: 'mat-khau-truc-ban-2026' };
    const { id } = await call<{ id: string }>('POST', '/api/users', { ...user, displayName: `Người nghe (${role})`, roles: [role] });
    const listener = connectLive(api.baseUrl, { auth: { token: (await api.login(user.username, user.password)).token } });
    listeners.push(listener);
    await listener.waitForReady();
    return Object.assign(listener, { userId: id });
  }

  function dueOf(view: CaseView, stage: string): number {
    return new Date(view.deadlines.find((deadline) => deadline.stage === stage)!.dueAt).getTime();
  }

  it('plans every stage of a new case: a critical one has 15 minutes to acknowledge, then 2, 4 and 6 hours', async () => {
    const opened = await openCase('critical');
    const created = new Date(opened.createdAt).getTime();
    expect(opened.deadlines.map((deadline) => [deadline.stage, (new Date(deadline.dueAt).getTime() - created) / MINUTE, deadline.state, deadline.metAt])).toEqual([
      ['acknowledge', 15, 'pending', null],
      ['draft', 120, 'pending', null],
      ['approve', 240, 'pending', null],
      ['publish', 360, 'pending', null],
    ]);
    expect(opened).toMatchObject({ breachedAt: null, escalationLevel: 0 });
  });

  it('warns once at 75%, within 5 s, and breaches exactly once across a restart between warning and breach', async () => {
    const opened = await openCase('critical');
    const warnAt = new Date(opened.createdAt).getTime() + 11.25 * MINUTE;
    clock.advance(warnAt - clock.now().getTime());
    const [warning] = await waitToHear(opened.id, 'deadline.warning');
    expect(new Date(warning!.at).getTime() - warnAt).toBeLessThan(5_000);
    expect(warning!.data).toMatchObject({ caseId: opened.id, reference: opened.reference, severity: 'critical', deadline: { stage: 'acknowledge', state: 'warned' } });

    await api.close();
    clock.advance(4 * MINUTE); // past the due time while no ticker runs
    api = await startApiProcess(environment.env, clock, port);
    await client.waitForReady(2);
    await waitToHear(opened.id, 'deadline.breached');
    await ticks(8);
    expect(heard(opened.id, 'deadline.warning')).toHaveLength(1);
    expect(heard(opened.id, 'deadline.breached')).toHaveLength(1);
    expect(await stored(opened.id, 'deadline.breached')).toHaveLength(1);
    expect(await stored(opened.id, 'deadline.warning')).toHaveLength(1);
    expect(heard(opened.id, 'case.escalated').map((event) => event.data)).toEqual([expect.objectContaining({ stage: 'acknowledge', level: 'reviewer', byUserId: null })]);
    const view = await call<CaseView>('GET', `/api/cases/${opened.id}`);
    expect(view.deadlines[0]).toMatchObject({ stage: 'acknowledge', state: 'breached', dueAt: expect.any(String) });
    expect(view.escalationLevel).toBe(1);
    expect(new Date(view.breachedAt!).getTime()).toBeGreaterThanOrEqual(new Date(view.deadlines[0]!.dueAt).getTime());
    expect(view.activity.some((entry) => entry.action === 'escalated' && entry.actor === null)).toBe(true);
    expect((await call<{ intact: boolean }>('GET', `/api/cases/${opened.id}/audit/verify`)).intact).toBe(true);
  });

  it('fires a due breach within 5 s of its time', async () => {
    const opened = await openCase('critical');
    const dueAt = dueOf(opened, 'acknowledge');
    clock.advance(dueAt - clock.now().getTime());
    const [breach] = await waitToHear(opened.id, 'deadline.breached');
    expect(new Date(breach!.at).getTime() - dueAt).toBeGreaterThanOrEqual(0);
    expect(new Date(breach!.at).getTime() - dueAt).toBeLessThan(5_000);
  });

  it('reminds at the policy interval, a rung higher each time, until the case is acknowledged', async () => {
    const opened = await openCase('critical');
    clock.advance(15 * MINUTE);
    await waitToHear(opened.id, 'case.escalated', 1);
    clock.advance(15 * MINUTE);
    await waitToHear(opened.id, 'case.escalated', 2);
    clock.advance(15 * MINUTE);
    await waitToHear(opened.id, 'case.escalated', 3);
    const acknowledgedAt = clock.now().getTime();
    const acknowledged = await moveTo(opened.id, 'acknowledged');
    // Met late: the stage stays breached and says when it was met, so a board counts down the next one.
    const met = acknowledged.deadlines.find((deadline) => deadline.stage === 'acknowledge')!;
    expect(met.state).toBe('breached');
    expect(Math.abs(new Date(met.metAt!).getTime() - acknowledgedAt)).toBeLessThan(5_000);
    clock.advance(15 * MINUTE);
    await ticks(8);
    const escalations = heard(opened.id, 'case.escalated').map((event) => event.data as { stage: string; level: string; roles: string[] });
    expect(escalations.map((escalation) => [escalation.stage, escalation.level])).toEqual([
      ['acknowledge', 'reviewer'],
      ['acknowledge', 'leader'],
      ['acknowledge', 'leader'],
    ]);
    expect(escalations[1]!.roles).toContain('leader');
    const view = await call<CaseView>('GET', `/api/cases/${opened.id}`);
    expect(view.deadlines.map((deadline) => [deadline.state, deadline.metAt])).toEqual([
      ['breached', met.metAt],
      ['pending', null],
      ['pending', null],
      ['pending', null],
    ]);
    const board = await call<CasePage>('GET', '/api/cases?severity=critical');
    const card = board.cases.find((summary) => summary.id === opened.id)!;
    expect(card).toMatchObject({ escalationLevel: 2, breachedAt: expect.any(String) });
    expect(card.deadlines.map((deadline) => deadline.metAt)).toEqual([met.metAt, null, null, null]);
  });

  it('pauses while the case waits on outside information and resumes where it stopped', async () => {
    const opened = await openCase('critical');
    const acknowledged = await moveTo(opened.id, 'acknowledged');
    expect(acknowledged.deadlines.find((deadline) => deadline.stage === 'acknowledge')).toMatchObject({ state: 'met', metAt: expect.any(String) });
    await moveTo(opened.id, 'drafting');
    clock.advance(60 * MINUTE);
    const waiting = await moveTo(opened.id, 'waiting');
    expect(waiting.deadlines.find((deadline) => deadline.stage === 'draft')).toMatchObject({ state: 'paused', metAt: null });
    clock.advance(90 * MINUTE); // past the draft's original due time (2 h)
    await ticks(8);
    expect(heard(opened.id, 'deadline.breached')).toHaveLength(0);
    const resumed = await moveTo(opened.id, 'drafting');
    const expected = new Date(opened.createdAt).getTime() + (120 + 90) * MINUTE;
    expect(Math.abs(dueOf(resumed, 'draft') - expected)).toBeLessThan(5_000);
    clock.advance(dueOf(resumed, 'draft') - clock.now().getTime());
    const [breach] = await waitToHear(opened.id, 'deadline.breached');
    expect(breach!.data).toMatchObject({ deadline: { stage: 'draft', state: 'breached' } });
  });

  it('recomputes on a severity change: a low case raised to critical is due 15 minutes from its opening', async () => {
    const opened = await openCase('low');
    // Opened on Friday 10:00 in Hà Nội: nine office hours reach Monday 10:00.
    expect(new Date(dueOf(opened, 'acknowledge')).getUTCDay()).toBe(1);
    const raised = await call<CaseView>('PATCH', `/api/cases/${opened.id}`, { severity: 'critical' });
    expect(Math.abs(dueOf(raised, 'acknowledge') - (new Date(opened.createdAt).getTime() + 15 * MINUTE))).toBeLessThan(5_000);
    expect(dueOf(raised, 'publish') - dueOf(raised, 'acknowledge')).toBeGreaterThan(5.5 * 60 * MINUTE);
  });

  it('tells the leaders of every breach, while a warning stays with the assignee and their rung and the escalation with the rung it reaches', async () => {
    const [writer, reviewer, leader, assignee] = [await listenAs('writer'), await listenAs('reviewer'), await listenAs('leader'), await listenAs('leader')];
    const opened = await call<CaseView>('POST', '/api/cases', { title: 'Tin giả: sập cầu Long Biên (giao cho lãnh đạo)', severity: 'critical', assigneeId: assignee.userId });
    clock.advance(new Date(opened.createdAt).getTime() + 11.25 * MINUTE - clock.now().getTime());
    await waitToHear(opened.id, 'deadline.warning', 1, writer);
    clock.advance(dueOf(opened, 'acknowledge') - clock.now().getTime());
    await waitToHear(opened.id, 'deadline.breached', 1, leader);
    await waitToHear(opened.id, 'case.escalated', 1, reviewer);
    await ticks(8);
    const counts = (listener: LiveClient) => ['deadline.warning', 'deadline.breached', 'case.escalated'].map((type) => heard(opened.id, type, listener).length);
    // The assignee holds only the leader role, which the assignee's rung does not include: warned as the assignee.
    expect({ writer: counts(writer), reviewer: counts(reviewer), leader: counts(leader), assignee: counts(assignee) }).toEqual({
      writer: [1, 0, 0],
      reviewer: [0, 1, 1],
      leader: [0, 1, 0],
      assignee: [1, 1, 0],
    });
    expect(heard(opened.id, 'deadline.breached', leader)[0]!.data).toMatchObject({ caseId: opened.id, deadline: { stage: 'acknowledge', state: 'breached', metAt: null } });
  });
});
