import type { CaseAuditTrail, CaseView, EscalatedFlagView, FlagPage, FlagView, GlossaryTermView, SourceView } from '@vigil/contracts';
import { TestClock, waitFor } from '@vigil/testing';
import { articlePage, type ArticleContent, rss2 } from '../fixtures/collection';
import { CollectionFixtureServer } from '../collection/support/collection-fixture-server';
import { connectLive, type LiveClient } from '../live/support/live-client';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';

/** A fictional rumour three watch rules catch: three flags on one report. */
const RUMOUR: ArticleContent = {
  title: 'Tin đồn Hà Đông sắp cắt nước ba ngày là sai sự thật',
  byline: 'Phóng viên Thời sự',
  publishedAt: '2026-11-27T08:10:00+07:00',
  lang: 'vi',
  paragraphs: [
    'Trên mạng xã hội lan truyền thông tin quận Hà Đông sẽ cắt nước sạch liên tục ba ngày từ cuối tuần này.',
    'Công ty nước sạch cho biết không có kế hoạch cắt nước nào, lịch bảo dưỡng đường ống đã hoàn tất từ tháng trước.',
  ],
};
const RULES = [
  { name: 'Cắt nước', query: '"cat nuoc"', severity: 'critical' },
  { name: 'Hà Đông', query: '"ha dong"', severity: 'medium' },
  { name: 'Nước sạch', query: '"nuoc sach"', severity: 'low' },
] as const;

/** Escalating a flag (issue 10) opens a response case linked to it, or joins the case the officer names, in one transaction. */
describe('Cases: escalating a flag', () => {
  let site: CollectionFixtureServer;
  let vigil: VigilTestApp;
  let admin: string;
  let officer: { id: string; token: string };
  let live: LiveClient;
  const flags = new Map<string, FlagView>();

  const api = <T>(method: string, path: string, body?: unknown, token = officer.token) => vigil.request<T>(method, path, { token, body });

  beforeAll(async () => {
    site = new CollectionFixtureServer();
    await site.start();
    vigil = await startVigil({ VIGIL_HOST_INTERVAL_MS: '0' }, { clock: new TestClock() });
    admin = await vigil.adminToken();
    const created = await api<{ id: string }>('POST', '/api/users', { username: 'truc.ban.ho.so', displayName: 'Trực ban hồ sơ', password: 'mat-khau-truc-ban-2026', roles: ['duty_officer'] }, admin);
    officer = { id: created.body.id, token: await vigil.loginAs('truc.ban.ho.so', 'mat-khau-truc-ban-2026') };
    for (const rule of RULES) expect((await api('POST', '/api/rules', rule, admin)).status).toBe(201);
    live = connectLive(vigil.baseUrl, { auth: { token: officer.token } });
    await live.waitForReady();
    site.page('/thoi-su/cat-nuoc.html', articlePage(RUMOUR));
    site.feed('/rss.xml', rss2({ title: 'Báo Hòa Sơn', link: site.url('/') }, [{ title: RUMOUR.title, link: site.url('/thoi-su/cat-nuoc.html'), guid: 'cat-nuoc', summary: RUMOUR.paragraphs[0] }]));
    const source = await api<SourceView>('POST', '/api/sources', { name: 'Báo Hòa Sơn', url: site.url('/rss.xml'), kind: 'rss', pollIntervalSec: 600 }, admin);
    expect(source.status).toBe(201);
    const page = await waitFor(
      'the rumour to be flagged by every rule',
      async () => {
        const open = (await api<FlagPage>('GET', '/api/flags?status=open')).body;
        return open.flags.length === RULES.length ? open : undefined;
      },
      30_000,
    );
    for (const flag of page.flags) flags.set(flag.rule.name, flag);
  }, 90_000);

  afterAll(async () => {
    live?.close();
    await vigil?.close();
    await site?.stop();
  });

  it('opens a new case for the flag, titled and graded by it, linked to the flag, its item and its story', async () => {
    const flag = flags.get('Cắt nước')!;
    const escalated = await api<EscalatedFlagView>('POST', `/api/flags/${flag.id}/escalate`, { reason: 'Lan nhanh trên mạng xã hội' });
    expect(escalated.status).toBe(200);
    expect(escalated.body).toMatchObject({ id: flag.id, status: 'escalated', case: { status: 'new', severity: 'critical', title: RUMOUR.title } });
    const opened = (await api<CaseView>('GET', `/api/cases/${escalated.body.case.id}`)).body;
    // The answer shows the case as its board card will: with the deadlines planned at opening.
    expect(escalated.body.case.deadlines).toEqual(opened.deadlines);
    expect(opened.deadlines).toHaveLength(4);
    const expected = [{ kind: 'flag', id: flag.id }, { kind: 'item', id: flag.item.id }, ...(flag.storyId ? [{ kind: 'story', id: flag.storyId }] : [])];
    expect(opened.links.map(({ kind, id }) => ({ kind, id }))).toEqual(expect.arrayContaining(expected));
    expect(opened.links).toHaveLength(expected.length);
    expect(opened.links.find((link) => link.kind === 'flag')!.title).toBe(RUMOUR.title);
    expect(opened.activity[0]).toMatchObject({ action: 'created', actor: { id: officer.id }, after: { escalatedFlagId: flag.id, reason: 'Lan nhanh trên mạng xã hội' } });

    const heard = await waitFor('the decision and the case to be pushed', async () => {
      const mine = live.events.filter((event) => (event.type === 'flag.escalated' && event.data.flag.id === flag.id) || (event.type === 'case.created' && event.data.case.id === opened.id));
      return mine.length === 2 ? mine : undefined;
    });
    // Stored in one append with the decision: consecutive ids, the flag first.
    expect(heard.map((event) => event.type)).toEqual(['flag.escalated', 'case.created']);
    expect(BigInt(heard[1]!.id) - BigInt(heard[0]!.id)).toBe(1n);
  });

  it('adds a second flag to the case the officer names, linking only what is new', async () => {
    const first = (await api<FlagView & { actions: unknown[] }>('GET', `/api/flags/${flags.get('Cắt nước')!.id}`)).body;
    const caseId = (await api<{ cases: { id: string; title: string }[] }>('GET', '/api/cases')).body.cases.find((summary) => summary.title === RUMOUR.title)!.id;
    const flag = flags.get('Hà Đông')!;
    const joined = await api<EscalatedFlagView>('POST', `/api/flags/${flag.id}/escalate`, { caseId });
    expect(joined.body).toMatchObject({ status: 'escalated', case: { id: caseId } });
    expect(joined.body.case.deadlines).toHaveLength(4);
    const linkedEvent = await waitFor('the case update for the new link', async () =>
      live.events.find((event) => event.type === 'case.updated' && event.data.case.id === caseId && event.data.changed.includes('links')),
    );
    // A live update keeps the board card's countdown: the case's deadlines ride along.
    expect(linkedEvent.type === 'case.updated' && linkedEvent.data.case.deadlines).toHaveLength(4);
    const trail = (await api<CaseAuditTrail>('GET', `/api/cases/${caseId}/audit`)).body.entries;
    expect(trail.at(-1)).toMatchObject({ action: 'linked', after: { links: [{ kind: 'flag', id: flag.id }], escalatedFlagId: flag.id } });
    const links = (await api<CaseView>('GET', `/api/cases/${caseId}`)).body.links;
    expect(links.filter((link) => link.kind === 'flag').map((link) => link.id).sort()).toEqual([first.id, flag.id].sort());
    expect(links.filter((link) => link.kind === 'item')).toHaveLength(1);
  });

  it('leaves the flag open when the named case does not exist', async () => {
    const flag = flags.get('Nước sạch')!;
    const refused = await api<{ code: string; field: string }>('POST', `/api/flags/${flag.id}/escalate`, { caseId: '00000000-0000-4000-8000-000000000000' });
    expect(refused).toMatchObject({ status: 404, body: { code: 'case_not_found', field: 'caseId' } });
    expect((await api<FlagView>('GET', `/api/flags/${flag.id}`)).body.status).toBe('open');
    expect((await api<{ code: string }>('POST', `/api/flags/${flag.id}/escalate`, { severity: 'urgent' })).status).toBe(400);
  });

  it('refuses to add a flag to a closed case, which must be reopened first', async () => {
    const flag = flags.get('Nước sạch')!;
    const opened = await api<CaseView>('POST', '/api/cases', { title: 'Tin cũ về nước sạch', severity: 'low' });
    expect(opened.status).toBe(201);
    expect((await api('POST', `/api/cases/${opened.body.id}/transition`, { to: 'closed' })).status).toBe(200);
    const refused = await api<{ code: string; field: string }>('POST', `/api/flags/${flag.id}/escalate`, { caseId: opened.body.id });
    expect(refused).toMatchObject({ status: 409, body: { code: 'case_closed', field: 'caseId' } });
    expect((await api<FlagView>('GET', `/api/flags/${flag.id}`)).body.status).toBe('open');
    expect((await api<CaseView>('GET', `/api/cases/${opened.body.id}`)).body.links).toEqual([]);
  });

  it('adds the term pairs the officer kept when the flag joins a case, as confirming a match on the case page does', async () => {
    const flag = flags.get('Nước sạch')!;
    const english = await api<CaseView>('POST', '/api/cases', { title: 'Ha Dong water cut rumour', claimSummary: 'Posts claim Ha Dong loses clean water for three days.', severity: 'low' });
    expect(english.status).toBe(201);
    // The pairs are checked as on the case page: a malformed one refuses the whole escalation, the flag stays open.
    const malformed = await api<{ code: string }>('POST', `/api/flags/${flag.id}/escalate`, { caseId: english.body.id, pairs: [{ vi: 'Hà Đông', en: '', kind: 'name' }] });
    expect(malformed).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
    expect((await api<FlagView>('GET', `/api/flags/${flag.id}`)).body.status).toBe('open');

    const joined = await api<EscalatedFlagView>('POST', `/api/flags/${flag.id}/escalate`, { caseId: english.body.id, pairs: [{ vi: 'Hà Đông', en: 'Ha Dong', kind: 'name' }] });
    expect(joined.body).toMatchObject({ status: 'escalated', case: { id: english.body.id } });
    const glossary = (await api<GlossaryTermView[]>('GET', '/api/glossary')).body;
    const confirmed = glossary.filter((term) => term.origin === 'confirmed').map((term) => `${term.vi} ↔ ${term.en} (${term.kind})`);
    // Exactly the pairs sent, and no other the two claims might share.
    expect(confirmed).toEqual(['Hà Đông ↔ Ha Dong (name)']);
  });
});
