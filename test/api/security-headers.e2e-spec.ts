import type { ApiErrorBody, OpmlImportResult, UserView } from '@vigil/contracts';
import { TEST_ADMIN_PASSWORD } from '@vigil/testing';
import { ensureConsoleBuilt } from '../console/support/console-browser';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';

// Issue 7 §8: helmet-class headers on the console and the API, and CSRF defence for the session cookie.

interface Sent {
  status: number;
  headers: Headers;
  text: string;
}

interface SendOptions {
  cookie?: string;
  token?: string;
  origin?: string;
  fetchSite?: string;
  contentType?: string;
  body?: string;
  forwardedProto?: string;
}

async function send(vigil: VigilTestApp, method: string, path: string, options: SendOptions = {}): Promise<Sent> {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.origin) headers.origin = options.origin;
  if (options.fetchSite) headers['sec-fetch-site'] = options.fetchSite;
  if (options.contentType) headers['content-type'] = options.contentType;
  if (options.forwardedProto) headers['x-forwarded-proto'] = options.forwardedProto;
  const response = await fetch(`${vigil.baseUrl}${path}`, { method, headers, body: options.body, redirect: 'manual' });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const json = (value: unknown) => ({ contentType: 'application/json', body: JSON.stringify(value) });
const adminLogin = json({ username: 'admin', password: TEST_ADMIN_PASSWORD });
const codeOf = (sent: Sent) => (JSON.parse(sent.text) as ApiErrorBody).code;

/** `script-src 'self'; …` as a map from directive to its value. */
function directives(sent: Sent): Record<string, string> {
  const policy = sent.headers.get('content-security-policy') ?? '';
  return Object.fromEntries(
    policy
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name, ...values] = part.split(/\s+/);
        return [name, values.join(' ')];
      }),
  );
}

function expectHelmetHeaders(sent: Sent): void {
  expect(sent.headers.get('x-content-type-options')).toBe('nosniff');
  expect(sent.headers.get('referrer-policy')).toBe('no-referrer');
  expect(sent.headers.get('x-frame-options')).toBe('DENY');
  expect(sent.headers.get('x-powered-by')).toBeNull();
}

function sessionCookieOf(sent: Sent): string {
  const cookie = /vigil_session=[^;]+/.exec(sent.headers.get('set-cookie') ?? '')?.[0];
  if (!cookie) throw new Error(`No session cookie in ${sent.status} ${sent.text}`);
  return cookie;
}

describe('security headers and cross-site requests', () => {
  let vigil: VigilTestApp;
  let admin: string;
  let cookie: string;
  let self: string;

  beforeAll(async () => {
    ensureConsoleBuilt();
    vigil = await startVigil();
    admin = await vigil.adminToken();
    self = new URL(vigil.baseUrl).origin;
    cookie = sessionCookieOf(await send(vigil, 'POST', '/api/auth/login', { origin: self, ...adminLogin }));
  }, 180_000);

  afterAll(async () => {
    await vigil?.close();
  });

  describe('headers', () => {
    it.each(['/', '/sources'])('serves the console at %s under its own CSP: scripts and styles from its origin only, never framed', async (path) => {
      const page = await send(vigil, 'GET', path);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(directives(page)).toMatchObject({
        'default-src': "'self'",
        'script-src': "'self'",
        'style-src': "'self'",
        'connect-src': "'self'",
        'object-src': "'none'",
        'base-uri': "'none'",
        'frame-ancestors': "'none'",
      });
      expect(page.headers.get('content-security-policy')).not.toMatch(/unsafe-inline|unsafe-eval/);
      expectHelmetHeaders(page);
      // What the policy has to allow: the built page loads its module script and stylesheet from /assets, inline nothing.
      const scripts = [...page.text.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const script of scripts) expect(script).toMatch(/\bsrc="\/assets\/[^"]+\.js"/);
      expect(page.text).not.toMatch(/<style\b|\bstyle="/);
    });

    it.each(['/api/auth/me', '/api/no-such-route', '/health'])('answers %s under a policy that loads nothing', async (path) => {
      const answer = await send(vigil, 'GET', path);
      expect(answer.headers.get('content-type')).toMatch(/json/);
      expect(directives(answer)).toMatchObject({ 'default-src': "'none'", 'frame-ancestors': "'none'", 'form-action': "'none'" });
      expectHelmetHeaders(answer);
    });

    it('lets the API docs page use its inline style element, but no inline script', async () => {
      const docs = await send(vigil, 'GET', '/api/docs');
      expect(docs.status).toBe(200);
      expect(directives(docs)).toMatchObject({ 'script-src': "'self'", 'style-src': "'self' 'unsafe-inline'", 'frame-ancestors': "'none'" });
      expect(docs.text).not.toMatch(/<script>/);
      expectHelmetHeaders(docs);
    });

    it('sends the session cookie without Secure over plain HTTP, even when a client claims X-Forwarded-Proto: https', async () => {
      const plain = await send(vigil, 'POST', '/api/auth/login', adminLogin);
      expect(plain.headers.get('set-cookie')).toMatch(/vigil_session=.+; .*HttpOnly/i);
      expect(plain.headers.get('set-cookie')).not.toMatch(/;\s*Secure/i);
      const claimed = await send(vigil, 'POST', '/api/auth/login', { forwardedProto: 'https', ...adminLogin });
      expect(claimed.headers.get('set-cookie')).not.toMatch(/;\s*Secure/i);
    });
  });

  describe('state changes signed in by the session cookie', () => {
    const newUser = (username: string) => json({ username, password: 'mat-khau-2026', displayName: username, roles: ['reviewer'] });

    it('refuses one from another origin with 403 cross_site_request, and changes nothing', async () => {
      const refused = await send(vigil, 'POST', '/api/users', { cookie, origin: 'https://evil.example', ...newUser('tu.noi.khac') });
      expect(refused.status).toBe(403);
      expect(codeOf(refused)).toBe('cross_site_request');
      const nullOrigin = await send(vigil, 'POST', '/api/users', { cookie, origin: 'null', ...newUser('tu.noi.khac') });
      expect(codeOf(nullOrigin)).toBe('cross_site_request');
      const users = await vigil.request<UserView[]>('GET', '/api/users', { token: admin });
      expect(users.body.map((user) => user.username)).not.toContain('tu.noi.khac');
      // The session survives: logging out cross-site is refused too.
      expect(codeOf(await send(vigil, 'POST', '/api/auth/logout', { cookie, origin: 'http://evil.example' }))).toBe('cross_site_request');
      expect((await send(vigil, 'GET', '/api/auth/me', { cookie })).status).toBe(200);
    });

    it.each(['cross-site', 'same-site', 'none'])('refuses one the browser marks Sec-Fetch-Site: %s, whatever Origin says', async (fetchSite) => {
      const refused = await send(vigil, 'DELETE', '/api/items/00000000-0000-4000-8000-000000000000/watch', { cookie, origin: self, fetchSite });
      expect(refused.status).toBe(403);
      expect(codeOf(refused)).toBe('cross_site_request');
    });

    it('refuses one that says neither Origin nor Sec-Fetch-Site: the cookie is for the console, scripts use bearer tokens', async () => {
      const refused = await send(vigil, 'PATCH', '/api/users/00000000-0000-4000-8000-000000000000', { cookie, ...json({ displayName: 'x' }) });
      expect(refused.status).toBe(403);
      expect(codeOf(refused)).toBe('cross_site_request');
    });

    it.each(['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain;charset=UTF-8'])(
      'refuses a body an HTML form could send (%s) with 415, also from its own origin',
      async (contentType) => {
        const body = JSON.stringify({ username: 'bieu.mau', password: 'mat-khau-2026', displayName: 'Biểu mẫu', roles: ['admin'] });
        const refused = await send(vigil, 'POST', '/api/users', { cookie, origin: self, contentType, body });
        expect(refused.status).toBe(415);
        expect(codeOf(refused)).toBe('unsupported_media_type');
      },
    );

    it('accepts one from its own origin, by Origin or by Sec-Fetch-Site: same-origin', async () => {
      const byOrigin = await send(vigil, 'POST', '/api/users', { cookie, origin: self, ...newUser('cung.nguon') });
      expect(byOrigin.status).toBe(201);
      const byFetchSite = await send(vigil, 'POST', '/api/users', { cookie, fetchSite: 'same-origin', ...newUser('cung.trang') });
      expect(byFetchSite.status).toBe(201);
      const notFound = await send(vigil, 'DELETE', '/api/items/00000000-0000-4000-8000-000000000000/watch', { cookie, origin: self });
      expect(codeOf(notFound)).toBe('item_not_found');
    });

    it('takes an OPML upload as text/x-opml from the console', async () => {
      const document =
        '<?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><head><title>Nguồn</title></head>' +
        '<body><outline text="FTP" type="rss" xmlUrl="ftp://127.0.0.1/tin.xml"/></body></opml>';
      const imported = await send(vigil, 'POST', '/api/sources/import', { cookie, origin: self, contentType: 'text/x-opml', body: document });
      expect(imported.status).toBe(200);
      expect(JSON.parse(imported.text) as OpmlImportResult).toMatchObject({ created: 0, skipped: [{ code: 'url_not_http' }] });
    });

    it('leaves bearer-token requests alone, whatever their origin and cookie', async () => {
      const scripted = await send(vigil, 'POST', '/api/users', { token: admin, cookie, origin: 'https://evil.example', ...newUser('kich.ban') });
      expect(scripted.status).toBe(201);
    });
  });

  describe('sign-in (login CSRF)', () => {
    it('refuses a sign-in posted from another site', async () => {
      const byOrigin = await send(vigil, 'POST', '/api/auth/login', { origin: 'https://evil.example', ...adminLogin });
      expect(byOrigin.status).toBe(403);
      expect(codeOf(byOrigin)).toBe('cross_site_request');
      expect(byOrigin.headers.get('set-cookie')).toBeNull();
      const byFetchSite = await send(vigil, 'POST', '/api/auth/login', { fetchSite: 'cross-site', ...adminLogin });
      expect(codeOf(byFetchSite)).toBe('cross_site_request');
    });

    it('refuses a sign-in sent as a form', async () => {
      const form = await send(vigil, 'POST', '/api/auth/login', {
        contentType: 'application/x-www-form-urlencoded',
        body: `username=admin&password=${encodeURIComponent(TEST_ADMIN_PASSWORD)}`,
      });
      expect(form.status).toBe(415);
      expect(codeOf(form)).toBe('unsupported_media_type');
      expect(form.headers.get('set-cookie')).toBeNull();
    });

    it('signs in from its own origin and from scripts that send no Origin', async () => {
      expect((await send(vigil, 'POST', '/api/auth/login', { origin: self, ...adminLogin })).status).toBe(200);
      expect((await send(vigil, 'POST', '/api/auth/login', { fetchSite: 'same-origin', ...adminLogin })).status).toBe(200);
      expect((await send(vigil, 'POST', '/api/auth/login', adminLogin)).status).toBe(200);
    });
  });
});

describe('behind a trusted TLS-terminating proxy (VIGIL_TRUST_PROXY=loopback)', () => {
  let vigil: VigilTestApp;

  beforeAll(async () => {
    vigil = await startVigil({ VIGIL_TRUST_PROXY: 'loopback' });
  }, 180_000);

  afterAll(async () => {
    await vigil?.close();
  });

  it('marks the session cookie Secure when the proxy says the request came over HTTPS, and takes the https origin as its own', async () => {
    const httpsOrigin = `https://${new URL(vigil.baseUrl).host}`;
    const overHttps = await send(vigil, 'POST', '/api/auth/login', { forwardedProto: 'https', origin: httpsOrigin, ...adminLogin });
    expect(overHttps.status).toBe(200);
    expect(overHttps.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
    const cookie = sessionCookieOf(overHttps);
    const loggedOut = await send(vigil, 'POST', '/api/auth/logout', { cookie, forwardedProto: 'https', origin: httpsOrigin });
    expect(loggedOut.status).toBe(204);
    // Over the proxy's HTTPS, a page on the plain-HTTP origin is another origin.
    const plainPage = await send(vigil, 'POST', '/api/auth/login', { forwardedProto: 'https', origin: vigil.baseUrl, ...adminLogin });
    expect(codeOf(plainPage)).toBe('cross_site_request');
  });

  it('sends the cookie without Secure when the proxy says plain HTTP', async () => {
    const plain = await send(vigil, 'POST', '/api/auth/login', { forwardedProto: 'http', ...adminLogin });
    expect(plain.headers.get('set-cookie')).not.toMatch(/;\s*Secure/i);
  });
});
