import type { ApiErrorBody, ItemDetail, ItemPage, LoginResponse, SourceView, UserView } from '@vigil/contracts';
import { addYears } from 'date-fns';
import { FixtureServer, TEST_EPOCH, TestClock, waitFor } from '@vigil/testing';
import { readFixture, startVigil, type VigilTestApp } from '../support/vigil-test-app';

// The same contract on two clocks: nothing in it may depend on which day the suite runs.
describe.each([
  ['on the test clock', TEST_EPOCH],
  ['with the clock a year ahead', addYears(TEST_EPOCH, 1)],
])('Vigil API contract %s', (_label, clockStart) => {
  let vigil: VigilTestApp;
  let feeds: FixtureServer;
  let admin: string;

  beforeAll(async () => {
    feeds = new FixtureServer();
    await feeds.start();
    vigil = await startVigil({}, { clock: new TestClock(clockStart) });
    admin = await vigil.adminToken();
  });

  afterAll(async () => {
    await vigil?.close();
    await feeds?.stop();
  });

  async function addSource(path: string, fixture: string, name: string): Promise<SourceView> {
    const url = feeds.serve(path, { body: readFixture(fixture, vigil.clock) });
    const { status, body } = await vigil.request<SourceView>('POST', '/api/sources', { token: admin, body: { name, url, kind: 'rss', pollIntervalSec: 600 } });
    expect(status).toBe(201);
    return body;
  }

  async function searchItems(query: string, token = admin): Promise<ItemPage> {
    const { status, body } = await vigil.request<ItemPage>('GET', `/api/items?${query}`, { token });
    expect(status).toBe(200);
    return body;
  }

  describe('health and authentication', () => {
    it('reports database, queue and search as usable', async () => {
      const { status, body } = await vigil.request<{ status: string; info: Record<string, { status: string }> }>('GET', '/health');
      expect(status).toBe(200);
      expect(body.status).toBe('ok');
      expect(Object.keys(body.info).sort()).toEqual(['database', 'queue', 'search']);
    });

    it('logs the first admin in and answers with a bearer token, the user and a session cookie', async () => {
      const response = await fetch(`${vigil.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'admin-test-passphrase' }),
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as LoginResponse;
      expect(body.accessToken).toEqual(expect.any(String));
      expect(body.user).toMatchObject({ username: 'admin', roles: ['admin'], disabled: false });
      expect(body.user).not.toHaveProperty('passwordHash');
      expect(response.headers.get('set-cookie')).toMatch(/vigil_session=.+; .*HttpOnly/i);
    });

    it('answers 401 to wrong credentials and to unknown users alike', async () => {
      const wrong = await vigil.request('POST', '/api/auth/login', { body: { username: 'admin', password: 'not-the-password' } });
      const unknown = await vigil.request('POST', '/api/auth/login', { body: { username: 'nobody', password: 'not-the-password' } });
      expect(wrong).toEqual({ status: 401, body: { statusCode: 401, error: 'Unauthorized', code: 'wrong_credentials', message: 'Wrong username or password' } });
      expect(unknown).toEqual(wrong);
    });

    it('answers 401 without credentials and 400 naming the field for a bad login body', async () => {
      expect(await vigil.request('GET', '/api/sources')).toMatchObject({ status: 401, body: { code: 'unauthenticated' } });
      const bad = await vigil.request<ApiErrorBody>('POST', '/api/auth/login', { body: { username: 'admin' } });
      expect(bad).toMatchObject({ status: 400, body: { code: 'validation_failed', field: 'password' } });
      expect(bad.body.message).toMatch(/password/);
    });

    it('refuses a username with 429 and Retry-After after 10 failed sign-ins, even with the right password', async () => {
      const created = await vigil.request('POST', '/api/users', {
        token: admin,
        body: { username: 'doan.mat.khau', password: 'dung-mat-khau-2026', displayName: 'Mục tiêu', roles: ['leader'] },
      });
      expect(created.status).toBe(201);
      for (let attempt = 1; attempt <= 10; attempt += 1) {
        const wrong = await vigil.request('POST', '/api/auth/login', { body: { username: 'doan.mat.khau', password: `sai-${attempt}` } });
        expect(wrong.status).toBe(401);
      }
      const response = await fetch(`${vigil.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'doan.mat.khau', password: 'dung-mat-khau-2026' }),
      });
      expect(response.status).toBe(429);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(800);
      const refusal = (await response.json()) as ApiErrorBody;
      expect(refusal).toMatchObject({ code: 'too_many_login_attempts', details: { retryAfterSec: Number(response.headers.get('retry-after')) } });
      expect(refusal.message).toMatch(/Too many failed sign-ins/);
      // Other accounts signing in from the same address are not affected.
      expect((await vigil.request('POST', '/api/auth/login', { body: { username: 'admin', password: 'admin-test-passphrase' } })).status).toBe(200);
    });

    it('changes a password: the old one stops working and other sessions end, this one stays', async () => {
      await vigil.request('POST', '/api/users', {
        token: admin,
        body: { username: 'doi.mat.khau', password: 'mat-khau-cu-2026', displayName: 'Đổi mật khẩu', roles: ['reviewer'] },
      });
      const current = await vigil.loginAs('doi.mat.khau', 'mat-khau-cu-2026');
      const other = await vigil.loginAs('doi.mat.khau', 'mat-khau-cu-2026');
      const wrong = await vigil.request('POST', '/api/auth/password', { token: current, body: { currentPassword: 'khong-phai', newPassword: 'mat-khau-moi-2026' } });
      expect(wrong).toMatchObject({ status: 401, body: { code: 'wrong_current_password', field: 'currentPassword', message: 'The current password is wrong' } });
      const short = await vigil.request<ApiErrorBody>('POST', '/api/auth/password', { token: current, body: { currentPassword: 'mat-khau-cu-2026', newPassword: 'ngan' } });
      expect(short).toMatchObject({ status: 400, body: { code: 'validation_failed', field: 'newPassword' } });
      const same = await vigil.request('POST', '/api/auth/password', { token: current, body: { currentPassword: 'mat-khau-cu-2026', newPassword: 'mat-khau-cu-2026' } });
      expect(same).toMatchObject({ status: 400, body: { code: 'password_unchanged', field: 'newPassword' } });
      expect(short.body.message).toMatch(/newPassword must be at least 8 characters/);
      const changed = await vigil.request('POST', '/api/auth/password', { token: current, body: { currentPassword: 'mat-khau-cu-2026', newPassword: 'mat-khau-moi-2026' } });
      expect(changed.status).toBe(204);
      expect((await vigil.request('GET', '/api/auth/me', { token: current })).status).toBe(200);
      expect((await vigil.request('GET', '/api/auth/me', { token: other })).status).toBe(401);
      expect((await vigil.request('POST', '/api/auth/login', { body: { username: 'doi.mat.khau', password: 'mat-khau-cu-2026' } })).status).toBe(401);
      expect(await vigil.loginAs('doi.mat.khau', 'mat-khau-moi-2026')).toEqual(expect.any(String));
    });

    it('ends the session at logout, so the same token is refused afterwards', async () => {
      const token = await vigil.adminToken();
      expect((await vigil.request('GET', '/api/auth/me', { token })).status).toBe(200);
      expect((await vigil.request('POST', '/api/auth/logout', { token })).status).toBe(204);
      expect((await vigil.request('GET', '/api/auth/me', { token })).status).toBe(401);
    });
  });

  describe('users and roles', () => {
    it('lets an admin create a user who can then sign in with the given roles', async () => {
      const created = await vigil.request<UserView>('POST', '/api/users', {
        token: admin,
        body: { username: 'truc.ban', password: 'mot-hai-ba-bon', displayName: 'Trực ban Nguyễn An', roles: ['duty_officer'] },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ username: 'truc.ban', displayName: 'Trực ban Nguyễn An', roles: ['duty_officer'] });
      const token = await vigil.loginAs('truc.ban', 'mot-hai-ba-bon');
      expect((await vigil.request<UserView>('GET', '/api/auth/me', { token })).body.roles).toEqual(['duty_officer']);
      const listed = await vigil.request<UserView[]>('GET', '/api/users', { token: admin });
      expect(listed.body.map((user) => user.username)).toEqual(expect.arrayContaining(['admin', 'truc.ban']));
    });

    it('refuses a duplicate username with 409 and an unknown role with 400 naming roles', async () => {
      const body = { username: 'Truc.Ban', password: 'mot-hai-ba-bon', displayName: 'Trùng', roles: ['duty_officer'] };
      const existing = (await vigil.request<UserView[]>('GET', '/api/users', { token: admin })).body.find((user) => user.username === 'truc.ban')!;
      expect(await vigil.request('POST', '/api/users', { token: admin, body })).toMatchObject({
        status: 409,
        body: { code: 'username_taken', field: 'username', details: { existingId: existing.id } },
      });
      const badRole = await vigil.request<ApiErrorBody>('POST', '/api/users', { token: admin, body: { ...body, username: 'khac', roles: ['king'] } });
      expect(badRole).toMatchObject({ status: 400, body: { code: 'validation_failed', field: 'roles' } });
      expect(badRole.body.message).toMatch(/roles/);
    });

    it('forbids non-admins from managing users (403)', async () => {
      const token = await vigil.loginAs('truc.ban', 'mot-hai-ba-bon');
      expect(await vigil.request('GET', '/api/users', { token })).toMatchObject({ status: 403, body: { code: 'forbidden' } });
    });

    it('signs a disabled user out at once and refuses new logins', async () => {
      await vigil.request('POST', '/api/users', {
        token: admin,
        body: { username: 'viet.bai', password: 'bon-nam-sau-bay', displayName: 'Người viết', roles: ['writer'] },
      });
      const token = await vigil.loginAs('viet.bai', 'bon-nam-sau-bay');
      const users = await vigil.request<UserView[]>('GET', '/api/users', { token: admin });
      const writer = users.body.find((user) => user.username === 'viet.bai')!;
      const patched = await vigil.request<UserView>('PATCH', `/api/users/${writer.id}`, { token: admin, body: { disabled: true } });
      expect(patched.body.disabled).toBe(true);
      expect((await vigil.request('GET', '/api/items', { token })).status).toBe(401);
      expect((await vigil.request('POST', '/api/auth/login', { body: { username: 'viet.bai', password: 'bon-nam-sau-bay' } })).status).toBe(401);
    });

    it('lets a writer read items but not add sources', async () => {
      await vigil.request('POST', '/api/users', {
        token: admin,
        body: { username: 'bien.tap', password: 'tam-chin-muoi-mot', displayName: 'Biên tập', roles: ['writer'] },
      });
      const token = await vigil.loginAs('bien.tap', 'tam-chin-muoi-mot');
      expect((await vigil.request('GET', '/api/items', { token })).status).toBe(200);
      const refused = await vigil.request('POST', '/api/sources', { token, body: { name: 'x', url: 'http://127.0.0.1/x', kind: 'rss' } });
      expect(refused.status).toBe(403);
    });
  });

  describe('sources and items', () => {
    it('collects a Vietnamese RSS feed and finds its items with or without diacritics', async () => {
      const source = await addSource('/tin-nhanh.rss', 'feeds/tin-nhanh-thoi-su.rss.xml', 'Tin Nhanh Hà Giang');
      expect(source).toMatchObject({ name: 'Tin Nhanh Hà Giang', kind: 'rss', pollIntervalSec: 600 });
      const folded = await waitFor('the feed to be searchable', async () => {
        const page = await searchItems(`q=${encodeURIComponent('thong tin sai lech')}`);
        return page.total > 0 ? page : undefined;
      });
      expect(folded.items[0]).toMatchObject({
        sourceId: source.id,
        title: 'Thông tin sai lệch về việc đóng cửa trường học lan truyền trên mạng',
        url: 'https://tinnhanh-hagiang.example.vn/thoi-su/thong-tin-sai-lech-dong-cua-truong-hoc.html',
        publishedAt: vigil.clock.at('-25h45m').toISOString(),
        language: 'vi',
      });
      expect(folded.items[0].snippet).toContain('Sở Giáo dục tỉnh khẳng định không có kế hoạch');
      const accented = await searchItems(`q=${encodeURIComponent('Thông tin sai lệch')}`);
      expect(accented.items.map((item) => item.id)).toEqual(folded.items.map((item) => item.id));
    });

    it('matches either tone-mark placement (hoà / hòa)', async () => {
      const oldStyle = await searchItems(`q=${encodeURIComponent('hoà giải')}`);
      const newStyle = await searchItems(`q=${encodeURIComponent('hòa giải')}`);
      expect(oldStyle.total).toBe(1);
      expect(newStyle.items[0].id).toBe(oldStyle.items[0].id);
      expect(newStyle.items[0].title).toContain('giải thành công');
    });

    it('stores nothing twice when the same feed is polled again', async () => {
      const sources = await vigil.request<SourceView[]>('GET', '/api/sources', { token: admin });
      const source = sources.body.find((candidate) => candidate.name === 'Tin Nhanh Hà Giang')!;
      const before = await searchItems(`sourceId=${source.id}`);
      expect(before.total).toBe(3);
      const requestsBefore = feeds.requests.filter((request) => request.path === '/tin-nhanh.rss').length;
      expect((await vigil.request('POST', `/api/sources/${source.id}/fetch`, { token: admin })).status).toBe(202);
      await waitFor('the second poll', async () =>
        feeds.requests.filter((request) => request.path === '/tin-nhanh.rss').length > requestsBefore ? true : undefined,
      );
      const polled = await waitFor('the source to record the poll', async () => {
        const { body } = await vigil.request<SourceView>('GET', `/api/sources/${source.id}`, { token: admin });
        return body.lastFetchedAt !== source.lastFetchedAt && body.health.status === 'ok' ? body : undefined;
      });
      expect(polled.health.consecutiveFailures).toBe(0);
      expect((await searchItems(`sourceId=${source.id}`)).total).toBe(3);
    });

    it("collects an Atom feed, resolving relative links against the feed's site", async () => {
      const source = await addSource('/riverside.atom', 'feeds/riverside-herald.atom.xml', 'Riverside Herald');
      const page = await waitFor('the Atom feed', async () => {
        const result = await searchItems(`sourceId=${source.id}`);
        return result.total === 2 ? result : undefined;
      });
      expect(page.items.map((item) => item.title)).toEqual([
        'Health ministry rejects false claims about contaminated tap water',
        'Flood relief convoy reaches Quảng Trị villages',
      ]);
      expect(page.items[1].url).toBe('https://riverside-herald.example.com/news/flood-relief-convoy');
      expect(page.items[0].language).toBe('en');
      await vigil.searchable();
      const found = await searchItems(`q=${encodeURIComponent('quang tri')}`);
      expect(found.items.map((item) => item.sourceId)).toEqual([source.id]);
    });

    it('finds English inflections through stems', async () => {
      const found = await searchItems(`q=${encodeURIComponent('rejecting claim')}`);
      expect(found.items.map((item) => item.title)).toEqual(['Health ministry rejects false claims about contaminated tap water']);
      // Porter would turn the Vietnamese "hay" into "hai"; Vietnamese items carry no stems, so "hay" finds no "hai".
      expect((await searchItems(`q=${encodeURIComponent('hai')}`)).items.map((item) => item.title)).toEqual([
        // As the feed spells it (Hoà): titles are kept verbatim, only the index folds them.
        'Hoà giải thành công vụ tranh chấp đất đai ở xã Đồng Văn',
      ]);
      expect((await searchItems(`q=${encodeURIComponent('hay')}`)).total).toBe(0);
    });

    it('returns one item in full by id, and 404 for an unknown id', async () => {
      const page = await searchItems(`q=${encodeURIComponent('tap water')}`);
      const { status, body } = await vigil.request<ItemDetail>('GET', `/api/items/${page.items[0].id}`, { token: admin });
      expect(status).toBe(200);
      expect(body.content).toContain('laboratory tests from all twelve districts');
      const missing = await vigil.request('GET', '/api/items/7b0e4a52-9a2f-4c61-8d0e-3f1f6f0a9c11', { token: admin });
      expect(missing).toMatchObject({ status: 404, body: { code: 'item_not_found' } });
    });

    it('pages results with limit and offset and filters by source', async () => {
      const first = await searchItems('limit=2&offset=0');
      const second = await searchItems('limit=2&offset=2');
      expect(first.total).toBe(5);
      expect(first.items).toHaveLength(2);
      expect(second.items).toHaveLength(2);
      expect(new Set([...first.items, ...second.items].map((item) => item.id)).size).toBe(4);
    });

    it('marks a source failing with the reason when its feed is broken, and keeps collecting others', async () => {
      const url = feeds.serve('/broken.rss', { body: '<rss><channel><item><title>unterminated' });
      const created = await vigil.request<SourceView>('POST', '/api/sources', { token: admin, body: { name: 'Hỏng', url, kind: 'rss' } });
      const failing = await waitFor('the broken source to fail', async () => {
        const { body } = await vigil.request<SourceView>('GET', `/api/sources/${created.body.id}`, { token: admin });
        return body.health.status === 'failing' ? body : undefined;
      });
      expect(failing.health.lastError).toMatch(/^Unreadable feed/);
      expect(failing.health).toMatchObject({ lastErrorCode: 'feed_malformed', lastErrorParams: {} });
      expect(failing.health.consecutiveFailures).toBe(1);
      const gone = await vigil.request<SourceView>('POST', '/api/sources', {
        token: admin,
        body: { name: 'Mất', url: `${feeds.baseUrl}/does-not-exist.rss`, kind: 'rss' },
      });
      const notFound = await waitFor('the 404 source to fail', async () => {
        const { body } = await vigil.request<SourceView>('GET', `/api/sources/${gone.body.id}`, { token: admin });
        return body.health.status === 'failing' ? body : undefined;
      });
      expect(notFound.health.lastError).toBe(`HTTP 404 from ${feeds.baseUrl}/does-not-exist.rss`);
      expect(notFound.health).toMatchObject({ lastErrorCode: 'not_found', lastErrorParams: { httpStatus: 404 } });
      expect((await vigil.request('GET', '/health')).status).toBe(200);
    });
  });

  describe('bad requests', () => {
    it.each([
      [{ name: 'x', url: 'ftp://example.com/feed', kind: 'rss' }, 'url'],
      [{ name: 'x', url: 'not a url', kind: 'rss' }, 'url'],
      [{ name: '', url: 'https://example.com/feed', kind: 'rss' }, 'name'],
      [{ name: 'x', url: 'https://example.com/feed', kind: 'podcast' }, 'kind'],
      [{ name: 'x', url: 'https://example.com/feed', kind: 'rss', pollIntervalSec: 5 }, 'pollIntervalSec'],
      [{ name: 'x', url: 'https://example.com/feed', kind: 'rss', extra: true }, 'extra'],
    ])('refuses source %j with 400 validation_failed naming the field', async (body, field) => {
      const { status, body: answer } = await vigil.request<ApiErrorBody>('POST', '/api/sources', { token: admin, body });
      expect(status).toBe(400);
      expect(answer).toMatchObject({ code: 'validation_failed', field });
      expect(answer.message).toContain(field);
    });

    it('refuses poll bounds that exclude the interval with poll_bounds_invalid', async () => {
      const body = { name: 'x', url: 'https://example.com/feed', kind: 'rss', pollIntervalSec: 600, maxPollIntervalSec: 300 };
      const { status, body: answer } = await vigil.request<ApiErrorBody>('POST', '/api/sources', { token: admin, body });
      expect(status).toBe(400);
      expect(answer).toMatchObject({ code: 'poll_bounds_invalid', field: 'pollIntervalSec' });
    });

    it.each([
      ['limit=0', 'limit'],
      ['limit=abc', 'limit'],
      ['offset=-1', 'offset'],
      ['sourceId=42', 'sourceId'],
    ])('refuses item query %s with 400 naming the parameter', async (query, field) => {
      const { status, body } = await vigil.request<ApiErrorBody>('GET', `/api/items?${query}`, { token: admin });
      expect(status).toBe(400);
      expect(body).toMatchObject({ code: 'validation_failed', field });
    });

    it('answers 400 for a malformed id and 404 for an unknown source', async () => {
      expect(await vigil.request('GET', '/api/sources/not-a-uuid', { token: admin })).toMatchObject({ status: 400, body: { code: 'validation_failed', field: 'id' } });
      expect(await vigil.request('POST', '/api/sources/7b0e4a52-9a2f-4c61-8d0e-3f1f6f0a9c11/fetch', { token: admin })).toMatchObject({
        status: 404,
        body: { code: 'source_not_found' },
      });
    });

    it('answers an unknown API route with 404 route_not_found', async () => {
      expect(await vigil.request('GET', '/api/nothing-here', { token: admin })).toMatchObject({ status: 404, body: { code: 'route_not_found' } });
    });

    it('answers 413 payload_too_large to a JSON body over the limit', async () => {
      const response = await fetch(`${vigil.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'x'.repeat(200 * 1024) }),
      });
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ statusCode: 413, code: 'payload_too_large' });
    });

    it('answers 400, not 500, to a body that is not JSON', async () => {
      const response = await fetch(`${vigil.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":' });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ statusCode: 400, code: 'malformed_json' });
    });
  });
});
