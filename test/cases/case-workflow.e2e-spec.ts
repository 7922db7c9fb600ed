import type { CaseAuditTrail, CaseAuditVerification, CasePage, CaseView, Role, TeamView } from '@vigil/contracts';
import { TestClock, waitFor } from '@vigil/testing';
import { DataSource } from 'typeorm';
import { connectLive, type LiveClient } from '../live/support/live-client';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';

type Refusal = { code: string; field?: string; details?: { reason?: string; allowed?: string[] } };

/**
 * Response cases (issue 10) over real HTTP: who may take which workflow step, refusals with their reasons, edits and
 * comments in the hash-chained audit trail (which a change made straight in the database breaks), live events.
 */
describe('Cases: the response workflow, its audit trail and its live events', () => {
  let vigil: VigilTestApp;
  let admin: string;
  const people: Record<'officer' | 'writer' | 'reviewer' | 'leader', { id: string; username: string; token: string }> = {} as never;
  let live: LiveClient;

  const api = <T>(method: string, path: string, token: string, body?: unknown) => vigil.request<T>(method, path, { token, body });

  beforeAll(async () => {
    vigil = await startVigil({}, { clock: new TestClock() });
    admin = await vigil.adminToken();
    const roles: Record<keyof typeof people, Role> = { officer: 'duty_officer', writer: 'writer', reviewer: 'reviewer', leader: 'leader' };
    for (const [key, role] of Object.entries(roles) as [keyof typeof people, Role][]) {
      const username = `case.${key}`;
      const password = `mat-khau-ho-so-${key}-2026`;
      const created = await api<{ id: string }>('POST', '/api/users', admin, { username, displayName: `Cán bộ ${key}`, password, roles: [role] });
      expect(created.status).toBe(201);
      people[key] = { id: created.body.id, username, token: await vigil.loginAs(username, password) };
    }
    live = connectLive(vigil.baseUrl, { auth: { token: people.writer.token } });
    await live.waitForReady();
  }, 60_000);

  afterAll(async () => {
    live?.close();
    await vigil?.close();
  });

  async function openCase(severity: 'critical' | 'high' = 'high', title = 'Tin đồn tăng giá điện 30% từ tháng sau'): Promise<CaseView> {
    const created = await api<CaseView>('POST', '/api/cases', people.officer.token, { title, severity, tags: ['điện'] });
    expect(created.status).toBe(201);
    return created.body;
  }

  const move = (id: string, to: string, token: string, reason?: string) => api<CaseView & Refusal>('POST', `/api/cases/${id}/transition`, token, { to, reason });

  it('opens a case with a yearly reference, in status new, and lists it on the board', async () => {
    const opened = await openCase();
    expect(opened).toMatchObject({ status: 'new', severity: 'high', tags: ['điện'], assignee: null, links: [], comments: [] });
    expect(opened.deadlines.map((deadline) => [deadline.stage, deadline.state])).toEqual([['acknowledge', 'pending'], ['draft', 'pending'], ['approve', 'pending'], ['publish', 'pending']]);
    expect(opened.reference).toMatch(/^VG-2026-\d{4}$/);
    expect(opened.activity).toEqual([expect.objectContaining({ seq: 1, action: 'created', actor: expect.objectContaining({ id: people.officer.id }), prevHash: null })]);
    const board = await api<CasePage>('GET', '/api/cases?status=new,acknowledged&severity=high', people.writer.token);
    expect(board.body.cases.map((summary) => summary.id)).toContain(opened.id);
    expect((await api<CasePage>('GET', '/api/cases?status=closed', people.writer.token)).body.cases.map((summary) => summary.id)).not.toContain(opened.id);
    expect((await api<Refusal>('GET', '/api/cases?status=lost', people.writer.token)).status).toBe(400);
  });

  it('refuses a writer opening a case (403) and an unknown assignee (404)', async () => {
    expect((await api<Refusal>('POST', '/api/cases', people.writer.token, { title: 'X', severity: 'low' })).status).toBe(403);
    const unknown = await api<Refusal>('POST', '/api/cases', people.officer.token, { title: 'X', severity: 'low', assigneeId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown).toMatchObject({ status: 404, body: { code: 'user_not_found', field: 'assigneeId' } });
  });

  it('takes a high case through the whole workflow, each step by a role allowed to take it', async () => {
    const opened = await openCase();
    expect((await move(opened.id, 'acknowledged', people.officer.token)).body.status).toBe('acknowledged');
    expect((await move(opened.id, 'drafting', people.writer.token)).body.status).toBe('drafting');
    expect((await move(opened.id, 'waiting', people.writer.token, 'Chờ Sở Công Thương xác nhận')).body.status).toBe('waiting');
    expect((await move(opened.id, 'in_review', people.writer.token)).body.status).toBe('in_review');
    const approved = await move(opened.id, 'approved', people.reviewer.token);
    expect(approved.body).toMatchObject({ status: 'approved', allowedTransitions: ['drafting'] });
    expect((await move(opened.id, 'published', people.officer.token)).body.status).toBe('published');
    expect((await move(opened.id, 'monitoring', people.officer.token)).body.status).toBe('monitoring');
    expect((await move(opened.id, 'closed', people.officer.token)).body.status).toBe('closed');
    expect((await move(opened.id, 'drafting', people.leader.token, 'Tin đồn quay lại')).body.status).toBe('drafting');
  });

  it('refuses a writer approving (403 with the reason) and a step outside the workflow (409 with the steps allowed)', async () => {
    const opened = await openCase();
    await move(opened.id, 'acknowledged', people.officer.token);
    const skipped = await move(opened.id, 'published', people.officer.token);
    expect(skipped).toMatchObject({ status: 409, body: { code: 'case_transition_illegal', field: 'to', details: { reason: 'not_in_workflow', allowed: ['drafting', 'closed'] } } });
    await move(opened.id, 'drafting', people.writer.token);
    await move(opened.id, 'in_review', people.writer.token);
    const byWriter = await move(opened.id, 'approved', people.writer.token);
    expect(byWriter).toMatchObject({ status: 403, body: { code: 'case_transition_not_permitted', details: { reason: 'role_not_permitted', allowed: ['waiting'] } } });
    const byWriterAcknowledge = await move((await openCase()).id, 'acknowledged', people.writer.token);
    expect(byWriterAcknowledge).toMatchObject({ status: 403, body: { code: 'case_transition_not_permitted', details: { reason: 'role_not_permitted' } } });
  });

  it('lets only a leader sign off a critical case', async () => {
    const opened = await openCase('critical', 'Tin giả: vỡ đê sông Hồng tại Hà Đông');
    for (const [to, who] of [
      ['acknowledged', people.officer],
      ['drafting', people.writer],
      ['in_review', people.writer],
    ] as const) {
      expect((await move(opened.id, to, who.token)).status).toBe(200);
    }
    expect(await move(opened.id, 'approved', people.reviewer.token)).toMatchObject({ status: 403, body: { details: { reason: 'critical_needs_leader' } } });
    expect(await move(opened.id, 'approved', admin)).toMatchObject({ status: 403, body: { details: { reason: 'critical_needs_leader' } } });
    expect((await move(opened.id, 'approved', people.leader.token)).body.status).toBe('approved');
    const same = await move(opened.id, 'approved', people.leader.token);
    expect(same).toMatchObject({ status: 409, body: { details: { reason: 'same_status' } } });
  });

  it('audits every edit with before and after, keeps a writer off severity, and verifies the chain until the database is changed behind it', async () => {
    const opened = await openCase();
    const team = await api<TeamView>('POST', '/api/teams', admin, { name: 'Ban Tuyên truyền', memberIds: [people.writer.id] });
    expect(team.status).toBe(201);
    const edited = await api<CaseView>('PATCH', `/api/cases/${opened.id}`, people.officer.token, { severity: 'critical', assigneeId: people.writer.id, teamId: team.body.id, claimSummary: 'Bài đăng nói giá điện tăng 30%' });
    expect(edited.body).toMatchObject({ severity: 'critical', assignee: { id: people.writer.id, username: people.writer.username }, team: { id: team.body.id, name: 'Ban Tuyên truyền' } });
    expect(await api<Refusal>('PATCH', `/api/cases/${opened.id}`, people.writer.token, { severity: 'low' })).toMatchObject({ status: 403, body: { code: 'forbidden', field: 'severity' } });
    expect((await api<CaseView>('PATCH', `/api/cases/${opened.id}`, people.writer.token, { tags: ['điện', 'giá cả', 'điện'] })).body.tags).toEqual(['điện', 'giá cả']);

    const trail = (await api<CaseAuditTrail>('GET', `/api/cases/${opened.id}/audit`, people.reviewer.token)).body.entries;
    expect(trail.map((entry) => entry.action)).toEqual(['created', 'updated', 'updated']);
    expect(trail[1]).toMatchObject({
      actor: { id: people.officer.id },
      before: { severity: 'high', assigneeId: null, teamId: null, claimSummary: null },
      after: { severity: 'critical', assigneeId: people.writer.id, teamId: team.body.id, claimSummary: 'Bài đăng nói giá điện tăng 30%' },
      prevHash: trail[0]!.hash,
    });
    expect((await api<CaseAuditVerification>('GET', `/api/cases/${opened.id}/audit/verify`, people.reviewer.token)).body).toEqual({ intact: true, entries: 3, firstBrokenSeq: null });

    const db = vigil.app.get(DataSource);
    await expect(db.query(`UPDATE case_audit SET after = '{"severity":"low"}' WHERE case_id = $1 AND seq = 2`, [opened.id])).rejects.toThrow(/append-only/);
    // Only the table's owner can switch the trigger off: what someone with database access, not the API, could do.
    await db.transaction(async (manager) => {
      await manager.query('ALTER TABLE case_audit DISABLE TRIGGER case_audit_append_only');
      await manager.query(`UPDATE case_audit SET after = jsonb_set(after, '{severity}', '"low"') WHERE case_id = $1 AND seq = 2`, [opened.id]);
      await manager.query('ALTER TABLE case_audit ENABLE TRIGGER case_audit_append_only');
    });
    expect((await api<CaseAuditVerification>('GET', `/api/cases/${opened.id}/audit/verify`, people.reviewer.token)).body).toEqual({ intact: false, entries: 3, firstBrokenSeq: 2 });
  });

  it('stores a comment with the colleagues it @mentions and announces it live', async () => {
    const opened = await openCase();
    const commented = await api<CaseView>('POST', `/api/cases/${opened.id}/comments`, people.reviewer.token, {
      body: `@${people.writer.username.toUpperCase()} nhờ rà số liệu, cc @${people.leader.username}. (gửi ai@example.vn, @khong.co.ai)`,
    });
    expect(commented.status).toBe(201);
    const [comment] = commented.body.comments;
    expect(comment!.author.id).toBe(people.reviewer.id);
    expect(comment!.mentions.map((person) => person.id).sort()).toEqual([people.writer.id, people.leader.id].sort());
    const heard = await waitFor('the comment to be pushed', async () => live.events.find((event) => event.type === 'case.commented' && event.data.caseId === opened.id));
    expect(heard).toMatchObject({ type: 'case.commented', data: { reference: opened.reference, comment: { id: comment!.id } } });
    expect((await api<CaseAuditTrail>('GET', `/api/cases/${opened.id}/audit`, people.reviewer.token)).body.entries.at(-1)).toMatchObject({
      action: 'commented',
      after: { commentId: comment!.id, mentions: expect.arrayContaining([people.writer.username, people.leader.username]) },
    });
  });

  it('pushes each case change to a live socket, after storing it', async () => {
    const opened = await openCase();
    await move(opened.id, 'acknowledged', people.officer.token, 'Đã nhận');
    await api('PATCH', `/api/cases/${opened.id}`, people.officer.token, { title: 'Tin đồn tăng giá điện: đã nhận xử lý' });
    const mine = await waitFor('the case events to be pushed', async () => {
      const events = live.events.filter((event) => event.type.startsWith('case.') && 'case' in event.data && event.data.case.id === opened.id);
      return events.length >= 3 ? events : undefined;
    });
    expect(mine.map((event) => event.type)).toEqual(['case.created', 'case.transitioned', 'case.updated']);
    expect(mine[1]).toMatchObject({ data: { from: 'new', to: 'acknowledged', reason: 'Đã nhận', byUserId: people.officer.id, case: { status: 'acknowledged' } } });
    expect(mine[2]).toMatchObject({ data: { changed: ['title'], case: { title: 'Tin đồn tăng giá điện: đã nhận xử lý' } } });
    const stored = await api<{ events: { id: string; type: string }[] }>('GET', `/api/events?after=${BigInt(mine[0]!.id) - 1n}`, people.writer.token);
    expect(stored.body.events.map((event) => event.id)).toEqual(expect.arrayContaining(mine.map((event) => event.id)));
  });

  it('answers 404 for a case that does not exist', async () => {
    expect(await api<Refusal>('GET', '/api/cases/00000000-0000-4000-8000-000000000000', people.writer.token)).toMatchObject({ status: 404, body: { code: 'case_not_found' } });
    expect((await move('00000000-0000-4000-8000-000000000000', 'acknowledged', people.officer.token)).status).toBe(404);
  });
});
