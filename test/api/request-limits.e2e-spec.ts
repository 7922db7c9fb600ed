import type { ApiErrorBody, OpmlImportResult, SourceView, UserView } from '@vigil/contracts';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';

/**
 * Hostile and careless requests: every one is refused with a 4xx and a code (never a 500), the same rules hold on
 * every path that creates or changes a record, and a refused request stores nothing.
 */
describe('Vigil API request limits', () => {
  let vigil: VigilTestApp;
  let admin: string;
  let sourceCount = 0;

  beforeAll(async () => {
    vigil = await startVigil();
    admin = await vigil.adminToken();
  });

  afterAll(async () => {
    await vigil?.close();
  });

  /** Paused and on a closed port, so nothing is ever fetched. */
  function sourceBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    sourceCount += 1;
    return { name: `Nguồn ${sourceCount}`, url: `http://127.0.0.1:9/nguon-${sourceCount}.rss`, kind: 'rss', paused: true, ...overrides };
  }

  async function createSource(overrides: Record<string, unknown> = {}): Promise<SourceView> {
    const { status, body } = await vigil.request<SourceView>('POST', '/api/sources', { token: admin, body: sourceBody(overrides) });
    expect(status).toBe(201);
    return body;
  }

  async function createUser(username: string, password = 'mat-khau-dung-2026'): Promise<UserView> {
    const { status, body } = await vigil.request<UserView>('POST', '/api/users', {
      token: admin,
      body: { username, password, displayName: 'Cán bộ trực', roles: ['leader'] },
    });
    expect(status).toBe(201);
    return body;
  }

  async function sourceUrls(): Promise<string[]> {
    const { body } = await vigil.request<SourceView[]>('GET', '/api/sources', { token: admin });
    return body.map((source) => source.url);
  }

  function login(username: string, password: string) {
    return vigil.request<ApiErrorBody>('POST', '/api/auth/login', { body: { username, password } });
  }

  function postRaw(path: string, body: string, token?: string): Promise<Response> {
    return fetch(`${vigil.baseUrl}${path}`, {
      method: path.startsWith('/api/sources/') && !path.endsWith('/import') ? 'PATCH' : 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
    });
  }

  function importOpml(outlines: string) {
    const xml = `<?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><head><title>Nguồn</title></head><body>${outlines}</body></opml>`;
    return fetch(`${vigil.baseUrl}/api/sources/import`, {
      method: 'POST',
      headers: { 'content-type': 'text/x-opml', authorization: `Bearer ${admin}` },
      body: xml,
    }).then(async (response) => ({ status: response.status, body: (await response.json()) as ApiErrorBody & OpmlImportResult }));
  }

  function outline(title: string, xmlUrl: string, category?: string): string {
    const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    return `<outline type="rss" text="${escape(title)}" xmlUrl="${escape(xmlUrl)}"${category === undefined ? '' : ` category="${escape(category)}"`}/>`;
  }

  describe('body shape and size', () => {
    const deepArray = `${'['.repeat(3000)}${']'.repeat(3000)}`;
    // 6 KB, under the sign-in route's size limit.
    const deepObject = `${'{"a":'.repeat(1000)}1${'}'.repeat(1000)}`;

    it.each([
      ['/api/auth/login', `{"username":${deepArray},"password":"x"}`, false],
      ['/api/auth/login', deepObject, false],
      ['/api/users', `{"username":"sau.lam","password":"mat-khau-dai-2026","displayName":${deepArray},"roles":["leader"]}`, true],
      ['/api/sources', `{"name":"x","url":"http://127.0.0.1:9/a.rss","kind":"rss","tags":${deepArray}}`, true],
    ])('answers 400 body_too_deep to a deeply nested body on %s', async (path, body, signedIn) => {
      const response = await postRaw(path, body, signedIn ? admin : undefined);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ statusCode: 400, code: 'body_too_deep' });
    });

    it('answers 400 body_too_deep on PATCH /api/sources/:id too', async () => {
      const source = await createSource();
      const response = await postRaw(`/api/sources/${source.id}`, `{"listing":${deepObject}}`, admin);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: 'body_too_deep' });
    });

    it('still accepts the nesting the API uses (listing rules)', async () => {
      const source = await createSource({ listing: { linkPattern: '/thoi-su/.+\\.html$' } });
      expect(source.listing).toEqual({ linkPattern: '/thoi-su/.+\\.html$' });
    });

    it('answers 413 payload_too_large to a sign-in body of 20 KB, which no credentials need', async () => {
      const response = await postRaw('/api/auth/login', JSON.stringify({ username: 'admin', password: 'x'.repeat(20_000) }));
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ code: 'payload_too_large' });
    });

    it('accepts a source at its field limits, whose body the sources route has room for', async () => {
      const tags = Array.from({ length: 20 }, (_, index) => `${index}`.padEnd(50, 'ư'));
      const url = `http://127.0.0.1:9/${'a'.repeat(1_981)}`;
      const { status } = await vigil.request('POST', '/api/sources', { token: admin, body: sourceBody({ tags, url, name: 'ư'.repeat(200) }) });
      expect(status).toBe(201);
    });
  });

  describe('NUL characters', () => {
    it('refuses a NUL in the sign-in username with 400, not 500', async () => {
      expect(await login('ad\u0000min', 'x')).toMatchObject({ status: 400, body: { code: 'validation_failed', field: 'username' } });
    });

    it('refuses a NUL in a display name, on create and on edit', async () => {
      const created = await vigil.request('POST', '/api/users', {
        token: admin,
        body: { username: 'nul.tao', password: 'mat-khau-dai-2026', displayName: 'Cán\u0000bộ', roles: ['leader'] },
      });
      expect(created).toMatchObject({ status: 400, body: { code: 'validation_failed', field: 'displayName' } });
      const user = await createUser('nul.sua');
      const edited = await vigil.request('PATCH', `/api/users/${user.id}`, { token: admin, body: { displayName: 'Cán\u0000bộ' } });
      expect(edited).toMatchObject({ status: 400, body: { code: 'validation_failed', field: 'displayName' } });
    });

    it.each([
      [{ name: 'Báo\u0000Mới' }, 'name'],
      [{ tags: ['thời\u0000sự'] }, 'tags'],
      [{ listing: { linkSelector: 'a\u0000' } }, 'listing.linkSelector'],
    ])('refuses a source with %j with 400 naming the field, on create and on edit', async (change, field) => {
      expect(await vigil.request('POST', '/api/sources', { token: admin, body: sourceBody(change) })).toMatchObject({
        status: 400,
        body: { code: 'validation_failed', field },
      });
      const source = await createSource();
      expect(await vigil.request('PATCH', `/api/sources/${source.id}`, { token: admin, body: change })).toMatchObject({
        status: 400,
        body: { code: 'validation_failed', field },
      });
    });

    it('refuses an OPML import with a NUL in its second outline and stores none of it', async () => {
      const first = 'http://127.0.0.1:9/opml-nul-1.rss';
      const answer = await importOpml(`${outline('Nguồn một', first)}${outline('Nguồn\u0000hai', 'http://127.0.0.1:9/opml-nul-2.rss')}`);
      expect(answer).toMatchObject({ status: 400, body: { code: 'validation_failed', field: 'name' } });
      expect(await sourceUrls()).not.toContain(first);
    });
  });

  describe('explicit null', () => {
    it.each([['disabled'], ['roles'], ['displayName']])('refuses %s: null on PATCH /api/users/:id with 400', async (field) => {
      const user = await createUser(`rong.${field.toLowerCase()}`);
      expect(await vigil.request('PATCH', `/api/users/${user.id}`, { token: admin, body: { [field]: null } })).toMatchObject({
        status: 400,
        body: { code: 'validation_failed', field },
      });
    });

    it.each([['url'], ['kind'], ['weight'], ['tags'], ['paused'], ['name'], ['pollIntervalSec']])(
      'refuses %s: null on PATCH /api/sources/:id with 400',
      async (field) => {
        const source = await createSource();
        expect(await vigil.request('PATCH', `/api/sources/${source.id}`, { token: admin, body: { [field]: null } })).toMatchObject({
          status: 400,
          body: { code: 'validation_failed', field },
        });
      },
    );

    it('still clears languageHint and listing with null, which mean "none"', async () => {
      const source = await createSource({ languageHint: 'vi', listing: { linkSelector: 'article a' } });
      const { status, body } = await vigil.request<SourceView>('PATCH', `/api/sources/${source.id}`, { token: admin, body: { languageHint: null, listing: null } });
      expect(status).toBe(200);
      expect(body).toMatchObject({ languageHint: null, listing: null });
    });
  });

  describe('the same rules on every path', () => {
    it('trims a source name before checking it: " " is refused, "  Báo Mới  " is stored as "Báo Mới"', async () => {
      expect(await vigil.request('POST', '/api/sources', { token: admin, body: sourceBody({ name: ' ' }) })).toMatchObject({
        status: 400,
        body: { code: 'validation_failed', field: 'name' },
      });
      const source = await createSource({ name: '  Báo Mới  ' });
      expect(source.name).toBe('Báo Mới');
      expect(await vigil.request('PATCH', `/api/sources/${source.id}`, { token: admin, body: { name: '   ' } })).toMatchObject({
        status: 400,
        body: { field: 'name' },
      });
    });

    it('trims a display name before checking it, on create and on edit', async () => {
      const refused = await vigil.request('POST', '/api/users', {
        token: admin,
        body: { username: 'khoang.trang', password: 'mat-khau-dai-2026', displayName: ' ', roles: ['leader'] },
      });
      expect(refused).toMatchObject({ status: 400, body: { code: 'validation_failed', field: 'displayName' } });
      const user = await createUser('cat.khoang');
      expect(await vigil.request('PATCH', `/api/users/${user.id}`, { token: admin, body: { displayName: '  ' } })).toMatchObject({
        status: 400,
        body: { field: 'displayName' },
      });
      const edited = await vigil.request<UserView>('PATCH', `/api/users/${user.id}`, { token: admin, body: { displayName: '  Trần Thị Bình ' } });
      expect(edited).toMatchObject({ status: 200, body: { displayName: 'Trần Thị Bình' } });
    });

    it('refuses listing: [] (a listing rule is an object), on create and on edit', async () => {
      expect(await vigil.request('POST', '/api/sources', { token: admin, body: sourceBody({ listing: [] }) })).toMatchObject({
        status: 400,
        body: { code: 'validation_failed', field: 'listing' },
      });
      const source = await createSource();
      expect(await vigil.request('PATCH', `/api/sources/${source.id}`, { token: admin, body: { listing: [] } })).toMatchObject({
        status: 400,
        body: { field: 'listing' },
      });
    });

    it.each([
      ['a 300-character tag', outline('Nguồn thẻ dài', 'http://127.0.0.1:9/the-dai.rss', 'x'.repeat(300)), 'tags'],
      ['a 5,022-character URL', outline('Nguồn URL dài', `http://127.0.0.1:9/${'a'.repeat(5_003)}`), 'url'],
      ['a decimal IPv4 host', outline('Nguồn số', 'http://2130706433:9/feed.rss'), 'url'],
    ])('refuses an OPML import with %s, as POST /api/sources does, storing none of it', async (_label, bad, field) => {
      const first = `http://127.0.0.1:9/opml-truoc-${field}-${bad.length}.rss`;
      const answer = await importOpml(`${outline('Nguồn hợp lệ', first)}${bad}`);
      expect(answer).toMatchObject({ status: 400, body: { code: 'validation_failed', field } });
      expect(await sourceUrls()).not.toContain(first);
    });

    it('still imports a valid OPML file, skipping addresses that are not http(s)', async () => {
      const answer = await importOpml(`${outline('Nguồn nhập', 'http://127.0.0.1:9/nhap.rss', 'Thời sự')}${outline('FTP', 'ftp://127.0.0.1/feed')}`);
      expect(answer).toMatchObject({ status: 200, body: { created: 1, skipped: [{ code: 'url_not_http' }] } });
      expect(await sourceUrls()).toContain('http://127.0.0.1:9/nhap.rss');
    });

    it('refuses URLs carrying credentials with url_has_credentials: on create, on edit and in OPML', async () => {
      const url = 'http://bien.tap:mat-khau@127.0.0.1:9/rieng.rss';
      expect(await vigil.request('POST', '/api/sources', { token: admin, body: sourceBody({ url }) })).toMatchObject({
        status: 400,
        body: { code: 'url_has_credentials', field: 'url' },
      });
      const source = await createSource();
      expect(await vigil.request('PATCH', `/api/sources/${source.id}`, { token: admin, body: { url } })).toMatchObject({
        status: 400,
        body: { code: 'url_has_credentials', field: 'url' },
      });
      expect(await importOpml(outline('Nguồn riêng', url))).toMatchObject({ status: 400, body: { code: 'url_has_credentials', field: 'url' } });
      expect(await sourceUrls()).not.toContain(url);
    });
  });
});
