import type { CaseAuditTrail, CaseAuditVerification, CaseView, FlagPage, FlagView, SourceView } from '@vigil/contracts';
import { FixtureServer, TestClock, waitFor } from '@vigil/testing';
import { triageFeed } from '../fixtures/triage/triage-feeds';
import { connectLive, type LiveClient } from '../live/support/live-client';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';

type Refusal = { code: string; field?: string };

const TITLE = 'Tin đồn đê bao Tân Phú bị vỡ lần thứ hai là bịa đặt';

/**
 * Linking and unlinking what a case is about (issue 10) over real HTTP: an unlink is audited with the link as it was
 * (the chain still verifies), pushed live as a change of `links`, and refused when the link is not there.
 */
describe('Cases: linking and unlinking flags, items and stories', () => {
  let feeds: FixtureServer;
  let vigil: VigilTestApp;
  let admin: string;
  let officer: { id: string; token: string };
  let writer: { id: string; token: string };
  let flag: FlagView;
  let live: LiveClient;

  const api = <T>(method: string, path: string, token: string | undefined, body?: unknown) => vigil.request<T>(method, path, { token, body });

  async function createUser(username: string, role: string, extra: Record<string, unknown> = {}): Promise<{ id: string; token: string }> {
    const password = `mat-khau-${username}-2026`;
    const created = await api<{ id: string }>('POST', '/api/users', admin, { username, displayName: `Cán bộ ${username}`, password, roles: [role], ...extra });
    expect(created.status).toBe(201);
    return { id: created.body.id, token: await vigil.loginAs(username, password) };
  }

  beforeAll(async () => {
    feeds = new FixtureServer();
    await feeds.start();
    vigil = await startVigil({}, { clock: new TestClock() });
    admin = await vigil.adminToken();
    officer = await createUser('lien.ket.truc.ban', 'duty_officer');
    writer = await createUser('lien.ket.bien.tap', 'writer');
    expect((await api('POST', '/api/rules', admin, { name: 'Đê bao', query: '"đê bao"', severity: 'high' })).status).toBe(201);
    const url = feeds.serve('/de-bao.rss', {
      body: triageFeed(vigil.clock, {
        title: 'Tin Miền Tây',
        site: 'https://tin.lienket.example.vn',
        language: 'vi',
        entries: [{ title: TITLE, slug: 'de-bao-tan-phu', published: '-1h', description: 'Chính quyền xã khẳng định đê bao vẫn an toàn sau đợt gia cố.' }],
      }),
    });
    expect((await api<SourceView>('POST', '/api/sources', admin, { name: 'Tin Miền Tây', url, kind: 'rss', pollIntervalSec: 900 })).status).toBe(201);
    flag = await waitFor(
      'the rumour to be flagged',
      async () => (await api<FlagPage>('GET', '/api/flags?status=open', admin)).body.flags.find((candidate) => candidate.item.title === TITLE),
      30_000,
    );
    live = connectLive(vigil.baseUrl, { auth: { token: officer.token } });
    await live.waitForReady();
  }, 90_000);

  afterAll(async () => {
    live?.close();
    await vigil?.close();
    await feeds?.stop();
  });

  async function openCase(): Promise<CaseView> {
    const links = [{ kind: 'flag', id: flag.id }, { kind: 'item', id: flag.item.id }];
    const created = await api<CaseView>('POST', '/api/cases', officer.token, { title: TITLE, severity: 'high', links });
    expect(created.status).toBe(201);
    return created.body;
  }

  const unlink = (caseId: string, kind: string, targetId: string, token = writer.token) => api<CaseView & Refusal>('DELETE', `/api/cases/${caseId}/links/${kind}/${targetId}`, token);
  const trail = async (caseId: string) => (await api<CaseAuditTrail>('GET', `/api/cases/${caseId}/audit`, officer.token)).body.entries;

  it('unlinks an item: audited with the link as it was, the chain intact, pushed live as a change of links', async () => {
    const opened = await openCase();
    const unlinked = await unlink(opened.id, 'item', flag.item.id);
    expect(unlinked.status).toBe(200);
    expect(unlinked.body.links.map(({ kind, id }) => ({ kind, id }))).toEqual([{ kind: 'flag', id: flag.id }]);
    expect(unlinked.body.activity[0]).toMatchObject({ action: 'unlinked', actor: { id: writer.id } });

    const entries = await trail(opened.id);
    expect(entries.map((entry) => entry.action)).toEqual(['created', 'unlinked']);
    expect(entries[1]).toMatchObject({ actor: { id: writer.id }, before: { links: [{ kind: 'item', id: flag.item.id }] }, after: { links: [] }, prevHash: entries[0]!.hash });
    expect((await api<CaseAuditVerification>('GET', `/api/cases/${opened.id}/audit/verify`, officer.token)).body).toEqual({ intact: true, entries: 2, firstBrokenSeq: null });

    const heard = await waitFor('the unlink to be pushed', async () =>
      live.events.find((event) => event.type === 'case.updated' && event.data.case.id === opened.id && event.data.changed.includes('links')),
    );
    expect(heard).toMatchObject({ data: { byUserId: writer.id, changed: ['links'], case: { id: opened.id, updatedAt: unlinked.body.updatedAt } } });

    // What was unlinked by mistake links again, as a new entry in the same chain.
    const relinked = await api<CaseView>('POST', `/api/cases/${opened.id}/links`, writer.token, { kind: 'item', id: flag.item.id });
    expect(relinked.body.links.map((link) => link.kind).sort()).toEqual(['flag', 'item']);
    expect((await trail(opened.id)).map((entry) => entry.action)).toEqual(['created', 'unlinked', 'linked']);
  });

  it('answers 404 case_link_not_found for a link that is not there, and writes nothing', async () => {
    const opened = await openCase();
    expect((await unlink(opened.id, 'flag', flag.id)).status).toBe(200);
    expect(await unlink(opened.id, 'flag', flag.id)).toMatchObject({ status: 404, body: { code: 'case_link_not_found', field: 'targetId' } });
    // The item is linked, but not as a story.
    expect(await unlink(opened.id, 'story', flag.item.id)).toMatchObject({ status: 404, body: { code: 'case_link_not_found' } });
    expect((await trail(opened.id)).map((entry) => entry.action)).toEqual(['created', 'unlinked']);
    expect(await unlink('00000000-0000-4000-8000-000000000000', 'item', flag.item.id)).toMatchObject({ status: 404, body: { code: 'case_not_found' } });
    expect(await unlink(opened.id, 'rumour', flag.item.id)).toMatchObject({ status: 400, body: { code: 'validation_failed', field: 'kind' } });
    expect(await unlink(opened.id, 'item', 'not-a-uuid')).toMatchObject({ status: 400, body: { code: 'validation_failed', field: 'targetId' } });
  });

  it('refuses a signed-out caller and a user who must first change their password, leaving the link in place', async () => {
    const opened = await openCase();
    expect(await vigil.request<Refusal>('DELETE', `/api/cases/${opened.id}/links/item/${flag.item.id}`)).toMatchObject({ status: 401, body: { code: 'unauthenticated' } });
    const newcomer = await createUser('lien.ket.moi', 'duty_officer', { mustChangePassword: true });
    expect(await unlink(opened.id, 'item', flag.item.id, newcomer.token)).toMatchObject({ status: 403, body: { code: 'password_change_required' } });
    const still = (await api<CaseView>('GET', `/api/cases/${opened.id}`, officer.token)).body;
    expect(still.links.map((link) => link.kind).sort()).toEqual(['flag', 'item']);
    expect((await trail(opened.id)).map((entry) => entry.action)).toEqual(['created']);
  });
});
