import type { CaseTimeline, DashboardView, HandoverView } from '@vigil/contracts';
import { DocumentedAnswers, type OpenApiDocument } from '../api/support/openapi-answers';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';
import { CaseHistory } from './support/case-history';

const HOUR = 3_600_000;
const MINUTE = 60_000;

/**
 * Crisis timeline, impact, handover, dashboard and exports (issue 10) on a fixture office written into PostgreSQL: a
 * fictional rumour about a dyke in Quảng Trị spreading over three outlets, flagged, spiking, answered and published
 * thirty hours before the test clock's start; a second critical case waiting for acknowledgement; a closed one.
 */
describe('Cases: timeline, impact, handover, dashboard and exports', () => {
  let vigil: VigilTestApp;
  let token: string;
  let answered: string;
  let waiting: string;
  let firstItemId: string;
  const at = (offsetMs: number) => new Date(published.getTime() + offsetMs);
  let published: Date;

  beforeAll(async () => {
    vigil = await startVigil();
    token = await vigil.adminToken();
    const history = new CaseHistory(vigil);
    const now = vigil.clock.now();
    published = new Date(now.getTime() - 30 * HOUR);
    const [admin]: { id: string }[] = await vigil.app.get((await import('typeorm')).DataSource).query(`SELECT id FROM users WHERE username = 'admin'`);
    const actor = admin!.id;

    const tinNhanh = await history.source('Báo Tin Nhanh');
    const phuong = await history.source('Cổng thông tin phường Đông Lễ');
    const dienDan = await history.source('Diễn đàn Miền Trung <b>');
    await history.source('Báo Hỏng Feed', { failures: 3 });
    const story = await history.story('Tin đồn vỡ đê Quảng Trị', tinNhanh, at(-26 * HOUR));
    const first = await history.item(tinNhanh, 'Đê sông Thạch Hãn bị vỡ?', at(-26 * HOUR), story);
    firstItemId = first;
    await history.item(phuong, 'Phường Đông Lễ: đê vẫn an toàn', at(-19 * HOUR), story);
    await history.item(tinNhanh, 'Cư dân mạng chia sẻ ảnh đê vỡ', at(-5 * HOUR), story);
    await history.item(dienDan, 'Ảnh cũ từ năm 2020', at(-2 * HOUR), story);
    await history.item(tinNhanh, 'Sở NN&PTNT bác tin vỡ đê', at(HOUR), story);
    await history.item(phuong, 'Người dân yên tâm', at(10 * HOUR), story);
    await history.item(tinNhanh, 'Tin đồn lắng xuống', at(25 * HOUR), story);
    // Another story in the same hours must not count.
    const other = await history.story('Hội chợ nông sản', tinNhanh, at(HOUR));
    await history.item(tinNhanh, 'Hội chợ nông sản Đông Hà', at(HOUR), other);

    const rule = await history.rule('Vỡ đê', 'critical');
    const flag = await history.flag(rule, story, story, first, tinNhanh, at(-26 * HOUR + MINUTE));
    await history.escalate(flag, at(-4 * HOUR));
    await history.storySpike(story, at(-4.5 * HOUR), 6);

    answered = await history.case(
      { title: `Tin đồn vỡ đê <script>alert('x')</script>`, severity: 'high', claimSummary: 'Ảnh đê vỡ <img src=x onerror=alert(1)> là ảnh cũ', at: at(-4 * HOUR), actorId: actor },
      [
        { at: at(-4 * HOUR + 10 * MINUTE), to: 'acknowledged' },
        { at: at(-3.5 * HOUR), to: 'drafting' },
        { at: at(-2 * HOUR), to: 'in_review' },
        { at: at(-HOUR), to: 'approved' },
        { at: published, to: 'published' },
      ],
    );
    // The ticker's warning at 75% of the draft stage's 90 minutes, as it records it.
    await history.audit(answered, 'updated', null, at(-4 * HOUR + 67.5 * MINUTE), { deadlines: { draft: 'pending' } }, { deadlines: { draft: 'warned' } });
    await history.audit(answered, 'escalated', null, at(-2.5 * HOUR), { escalationLevel: 'assignee', deadlines: { draft: 'pending' } }, { escalationLevel: 'reviewer', deadlines: { draft: 'breached' } });
    await history.link(answered, 'flag', flag, at(-4 * HOUR));
    await history.deadline(answered, 'acknowledge', at(-4 * HOUR + 60 * MINUTE), { metAt: at(-4 * HOUR + 10 * MINUTE) });
    await history.deadline(answered, 'draft', at(-2.5 * HOUR), { metAt: at(-2 * HOUR), breachedAt: at(-2.5 * HOUR) });
    await history.deadline(answered, 'approve', at(20 * HOUR), { metAt: at(-HOUR) });
    await history.deadline(answered, 'publish', at(44 * HOUR), { metAt: published });

    // Acknowledged in 20 minutes the same week: the week's median is the mean of 10 and 20 minutes.
    await history.case({ title: 'Tin giả về giá xăng', severity: 'medium', at: at(-3 * HOUR), actorId: actor }, [
      { at: at(-3 * HOUR + 20 * MINUTE), to: 'acknowledged' },
      { at: at(-2 * HOUR), to: 'closed' },
    ]);
    waiting = await history.case({ title: '=HYPERLINK("http://evil.example")', severity: 'critical', at: new Date(now.getTime() - 10 * MINUTE), actorId: actor });
    await history.deadline(waiting, 'acknowledge', new Date(now.getTime() + 5 * MINUTE));
    await history.deadline(waiting, 'publish', new Date(now.getTime() + 9 * HOUR));

    const lone = await history.item(dienDan, 'Sạt lở đèo Lò Xo', new Date(now.getTime() - HOUR), null);
    await history.flag(rule, lone, null, lone, dienDan, new Date(now.getTime() - HOUR));
    const held = await history.item(phuong, 'Cháy rừng Hướng Hóa', new Date(now.getTime() - HOUR), null);
    await history.flag(rule, held, null, held, phuong, new Date(now.getTime() - HOUR), actor);
  }, 120_000);

  afterAll(async () => {
    await vigil?.close();
  });

  it('merges spread, flags, spikes, escalations, status changes and deadlines in order, with the metrics', async () => {
    const { status, body } = await vigil.request<CaseTimeline>('GET', `/api/cases/${answered}/timeline`, { token });
    expect(status).toBe(200);
    expect(body.events.map((event) => (event.kind === 'status_changed' ? `status:${event.to}` : event.kind === 'deadline' ? `deadline:${event.stage}:${event.outcome}` : event.kind))).toEqual([
      'first_seen',
      'flag_raised',
      'spike',
      'case_opened',
      'status:acknowledged',
      'deadline:acknowledge:met',
      'status:drafting',
      'deadline:draft:warned',
      'escalated',
      'deadline:draft:breached',
      'status:in_review',
      'status:approved',
      'deadline:approve:met',
      'status:published',
      'deadline:publish:met',
    ]);
    expect(body.events[0]).toMatchObject({ kind: 'first_seen', title: 'Đê sông Thạch Hãn bị vỡ?', sourceName: 'Báo Tin Nhanh' });
    expect(body.events[2]).toMatchObject({ kind: 'spike', subject: 'story', subjectName: 'Tin đồn vỡ đê Quảng Trị', count: 6 });
    expect(body.events.find((event) => event.kind === 'escalated')).toMatchObject({ stage: 'draft', level: 'reviewer' });
    expect(body.events.find((event) => event.kind === 'deadline' && event.outcome === 'warned')).toEqual({ kind: 'deadline', at: at(-4 * HOUR + 67.5 * MINUTE).toISOString(), stage: 'draft', outcome: 'warned', dueAt: at(-2.5 * HOUR).toISOString() });
    expect(body.metrics).toMatchObject({ timeToAcknowledgeSec: 600, timeToFirstDraftSec: 2 * 3600, timeToPublishSec: 4 * 3600, publishedAt: published.toISOString() });
    expect(body.metrics.deadlines.map((deadline) => [deadline.stage, deadline.outcome])).toEqual([
      ['acknowledge', 'met'],
      ['draft', 'breached'],
      ['approve', 'met'],
      ['publish', 'met'],
    ]);
    // Seven items of the story over three outlets, hour by hour; the other story's item is not among them.
    expect(body.spread.totalItems).toBe(7);
    expect(body.spread.firstSeenAt).toBe(at(-26 * HOUR).toISOString());
    expect(body.spread.sources.map((source) => [source.name, source.items])).toEqual([
      ['Báo Tin Nhanh', 4],
      ['Cổng thông tin phường Đông Lễ', 2],
      ['Diễn đàn Miền Trung <b>', 1],
    ]);
    expect(body.spread.cells.reduce((sum, cell) => sum + cell.count, 0)).toBe(7);
  });

  it('compares the story in the 24 h before publication with the 24 h and 72 h after', async () => {
    const { body } = await vigil.request<CaseTimeline>('GET', `/api/cases/${answered}/timeline`, { token });
    expect(body.impact).toEqual({
      publishedAt: published.toISOString(),
      before24h: { items: 3, sources: 3, complete: true },
      after24h: { items: 2, sources: 2, complete: true },
      after72h: { items: 3, sources: 2, complete: false },
    });
    const unpublished = await vigil.request<CaseTimeline>('GET', `/api/cases/${waiting}/timeline`, { token });
    expect(unpublished.body).toMatchObject({ impact: null, spread: { totalItems: 0, cells: [] }, metrics: { timeToAcknowledgeSec: null } });
  });

  it('answers as /api/docs documents: each JSON answer matches its generated schema', async () => {
    const answers = new DocumentedAnswers((await vigil.request<OpenApiDocument>('GET', '/api/docs-json')).body);
    const problems: string[] = [];
    for (const path of [`/api/cases/${answered}/timeline`, `/api/cases/${waiting}/timeline`, '/api/handover', '/api/dashboard']) {
      const { status, body } = await vigil.request('GET', path, { token });
      problems.push(...answers.problems('GET', path, status, 'application/json', body));
    }
    expect(problems).toEqual([]);
  });

  it('refuses unknown and malformed case ids with their codes', async () => {
    expect(await vigil.request('GET', '/api/cases/3d8f7a10-2b4c-4e6f-9a1b-5c7d9e0f1a2b/timeline', { token })).toMatchObject({ status: 404, body: { code: 'case_not_found' } });
    expect(await vigil.request('GET', '/api/cases/not-a-case/report', { token })).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
  });

  it('hands over open cases by deadline, deadlines within 8 hours, unclaimed critical flags and failing sources', async () => {
    const { status, body } = await vigil.request<HandoverView>('GET', '/api/handover', { token });
    expect(status).toBe(200);
    expect(body.openCases.map((entry) => [entry.case.id, entry.nextDeadline?.stage ?? null])).toEqual([
      [waiting, 'acknowledge'],
      [answered, null],
    ]);
    expect(body.upcomingDeadlines.map((deadline) => [deadline.caseId, deadline.stage])).toEqual([[waiting, 'acknowledge']]);
    expect(body.unclaimedCriticalFlags.map((flag) => flag.title)).toEqual(['Sạt lở đèo Lò Xo']);
    expect(body.sourcesNeedingAttention).toEqual([expect.objectContaining({ name: 'Báo Hỏng Feed', status: 'failing', consecutiveFailures: 3 })]);
  });

  it('counts open cases, this week’s breaches and the weekly medians for the dashboard', async () => {
    const { status, body } = await vigil.request<DashboardView>('GET', '/api/dashboard', { token });
    expect(status).toBe(200);
    expect(body.openCases).toEqual([
      { severity: 'critical', status: 'new', count: 1 },
      { severity: 'high', status: 'published', count: 1 },
    ]);
    expect(body.breachesThisWeek).toEqual({ total: 1, byStage: [{ stage: 'draft', count: 1 }] });
    expect(body.weeks).toHaveLength(12);
    expect(body.weeks.at(-1)).toEqual({ weekStart: '2026-11-22T17:00:00.000Z', opened: 3, medianAcknowledgeSec: 900, medianPublishSec: 4 * 3600 });
    expect(body.weeks.slice(0, -1).every((week) => week.opened === 0 && week.medianAcknowledgeSec === null)).toBe(true);
  });

  it('exports cases as CSV with their metrics, formulas defused', async () => {
    const response = await fetch(`${vigil.baseUrl}/api/cases.csv`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toContain('attachment');
    const lines = (await response.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      '"reference","title","severity","status","assignee","team","tags","opened_at","acknowledged_at","first_draft_at","published_at","minutes_to_acknowledge","minutes_to_first_draft","minutes_to_publish","deadlines_breached"',
    );
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    const answeredRow = lines.find((line) => line.includes('Tin đồn vỡ đê'))!;
    expect(answeredRow).toContain('"high","published"');
    expect(answeredRow.endsWith('"10","120","240","1"')).toBe(true);
  });

  it('renders a print-ready report with every text escaped and nothing able to run', async () => {
    const response = await fetch(`${vigil.baseUrl}/api/cases/${answered}/report`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'; style-src 'sha256-/);
    const html = await response.text();
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('Tin đồn vỡ đê &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Diễn đàn Miền Trung &lt;b&gt;');
    expect(html).toContain('@page');
    expect(html).toContain('Thời gian tiếp nhận</dt><dd>10 min');
    expect(html).toContain('Quá hạn');
    const english = await (await fetch(`${vigil.baseUrl}/api/cases/${answered}/report?lang=en`, { headers: { authorization: `Bearer ${token}` } })).text();
    expect(english).toContain('Time to publish</dt><dd>4 h 0 min');
  });

  // Last: the case it opens would change the counts above.
  it('follows a case opened and moved through the cases API, with the deadlines the SLA planner set', async () => {
    const created = await vigil.request<{ id: string }>('POST', '/api/cases', { token, body: { title: 'Ảnh đê vỡ là ảnh cũ', severity: 'critical', links: [{ kind: 'item', id: firstItemId }] } });
    expect(created.status).toBe(201);
    expect((await vigil.request('POST', `/api/cases/${created.body.id}/transition`, { token, body: { to: 'acknowledged' } })).status).toBe(200);
    const { body } = await vigil.request<CaseTimeline>('GET', `/api/cases/${created.body.id}/timeline`, { token });
    expect(body.events.filter((event) => event.kind === 'case_opened' || event.kind === 'status_changed').map((event) => event.kind)).toEqual(['case_opened', 'status_changed']);
    expect(body.events.find((event) => event.kind === 'status_changed')).toMatchObject({ from: 'new', to: 'acknowledged', actor: expect.any(String) });
    expect(body.metrics.timeToAcknowledgeSec).toEqual(expect.any(Number));
    expect(body.metrics.deadlines.map((deadline) => [deadline.stage, deadline.outcome])).toEqual([
      ['acknowledge', 'met'],
      ['draft', 'pending'],
      ['approve', 'pending'],
      ['publish', 'pending'],
    ]);
    // The linked item brings its whole story.
    expect(body.spread.totalItems).toBe(7);
  });
});
