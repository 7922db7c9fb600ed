// Issue 7 (hardening): every route the server answers, fuzzed from what it takes. The routes come from Express's own
// routing table (as in the route × role matrix), the fields from the DTO classes' class-validator rules, so a new
// route or field is fuzzed without being listed here. Whatever is sent, the API never answers 5xx, every refusal is
// JSON with a contract code whose status is the one the contract gives it, and a refused change stores nothing.
import { ERROR_CODES, type ErrorCode, httpStatusOf, type ItemDetail, type SourceView, type UserView } from '@vigil/contracts';
import { TEST_ADMIN_PASSWORD } from '@vigil/testing';
import { DataSource } from 'typeorm';
import { CollectionFixtureServer } from '../collection/support/collection-fixture-server';
import { CollectionHarness } from '../collection/support/collection-harness';
import { articlePage, rss2, STORIES } from '../fixtures/collection';
import type { VigilTestApp } from '../support/vigil-test-app';
import { BAD_IDS, casesFor, type FuzzCase, type FuzzContext, validBody } from './support/fuzz-cases';
import { routeInputsOf, type RouteInputs } from './support/route-inputs';

/** The tables a request could write to; a refused request must leave every count as it was. */
const COUNTED_TABLES = ['users', 'sessions', 'settings', 'sources', 'items', 'stories', 'snapshots', 'item_events'] as const;
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/**
 * The pass is bounded by its number of requests (casesFor caps each route), not by the clock: every route is always
 * fuzzed in full, and a slow machine only takes longer. This is how long Jest lets it take.
 */
const FUZZ_TIMEOUT_MS = 300_000;

const UNKNOWN_ID = '3d8f7a10-2b4c-4e6f-9a1b-5c7d9e0f1a2b';
const STORY = STORIES.bridgeClosure;
const ARTICLE_PATH = '/news/old-mill-bridge-rumour.html';

interface Sent {
  status: number;
  contentType: string;
  text: string;
}

/** Raw bytes go out as they are (a Buffer is a Uint8Array, which fetch sends unchanged). */
function toBodyInit(body: string | Buffer): string | Uint8Array<ArrayBuffer> {
  return typeof body === 'string' ? body : new Uint8Array(body);
}

describe('Vigil API fuzz: every route × hostile input', () => {
  let site: CollectionFixtureServer;
  let harness: CollectionHarness;
  let vigil: VigilTestApp;
  let database: DataSource;
  let admin: string;
  let routes: { method: string; path: string; inputs: RouteInputs | null }[];
  const ids = new Map<string, string>();
  let counter = 0;

  beforeAll(async () => {
    site = new CollectionFixtureServer();
    await site.start();
    site.page(ARTICLE_PATH, articlePage(STORY, { siteName: 'Riverside Courier' }));
    const feedUrl = site.feed('/rss.xml', rss2({ title: 'Riverside Courier', link: site.url('/') }, [{ title: STORY.title, link: site.url(ARTICLE_PATH), guid: 'rc-1', summary: STORY.paragraphs[0] }]));

    harness = await CollectionHarness.start();
    vigil = harness.vigil;
    admin = harness.token;
    database = vigil.app.get(DataSource);

    // A record of each kind for the routes that take an id, so fuzzing a body reaches past the id lookup.
    const collected = await harness.addSource({ name: 'Riverside Courier', url: feedUrl, kind: 'rss', pollIntervalSec: 86_400, minPollIntervalSec: 86_400, maxPollIntervalSec: 86_400 });
    const source = await vigil.request<SourceView>('POST', '/api/sources', { token: admin, body: { name: 'Nguồn để thử', url: 'http://127.0.0.1:9/nguon-thu.rss', kind: 'rss', paused: true } });
    const user = await vigil.request<UserView>('POST', '/api/users', { token: admin, body: { username: 'fuzz.target', password: 'mat-khau-thu-2026', displayName: 'Người thử', roles: ['leader'] } });
    if (source.status !== 201 || user.status !== 201) throw new Error(`Setting up the fuzz records answered ${source.status} / ${user.status}`);
    // Waiting for the article also waits out the collection's writes, so the counts below move only with the fuzz.
    const [item] = await harness.waitForArticles(collected.id, [{ url: site.url(ARTICLE_PATH), article: STORY }]);
    ids.set('sources', source.body.id).set('users', user.body.id).set('items', (item as ItemDetail).id);

    const inputs = routeInputsOf(vigil.app);
    routes = vigil.routes().map((route) => ({ ...route, inputs: inputs.find((candidate) => candidate.method === route.method && candidate.path === route.path) ?? null }));
  }, 120_000);

  afterAll(async () => {
    await harness?.close();
    await site?.stop();
  });

  const context: FuzzContext = {
    idFor: (route) => ids.get(route.path.split('/')[2] ?? '') ?? UNKNOWN_ID,
    unique: () => String((counter += 1)),
  };

  async function counts(): Promise<Record<string, number>> {
    const select = COUNTED_TABLES.map((table) => `(SELECT count(*) FROM ${table})::int AS ${table}`).join(', ');
    const [row] = (await database.query(`SELECT ${select}`)) as Record<string, number>[];
    return row!;
  }

  async function send(method: string, fuzz: FuzzCase, auth: { token?: string; cookie?: string; origin?: string } = {}): Promise<Sent> {
    const headers: Record<string, string> = {};
    if (auth.token) headers.authorization = `Bearer ${auth.token}`;
    if (auth.cookie) headers.cookie = auth.cookie;
    if (auth.origin) headers.origin = auth.origin;
    const hasBody = fuzz.body !== undefined && method !== 'GET' && method !== 'HEAD';
    if (hasBody && fuzz.contentType) headers['content-type'] = fuzz.contentType;
    const url = `${vigil.baseUrl}${fuzz.path}${fuzz.query ? `?${fuzz.query}` : ''}`;
    const response = await fetch(url, { method, headers, body: hasBody ? toBodyInit(fuzz.body!) : undefined }).catch((error: Error) => {
      throw new Error(`${method} ${url.slice(0, 120)} could not be sent: ${error.message}`);
    });
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
  }

  /** What is wrong with an answer, or null: a 5xx, a refusal without a contract code, or one at another status. */
  function problemWith(sent: Sent): string | null {
    if (sent.status >= 500) return `${sent.status} ${sent.text.slice(0, 200)}`;
    if (sent.status < 400) return null;
    if (!sent.contentType.includes('application/json')) return `${sent.status} answered as ${sent.contentType || 'no media type'}: ${sent.text.slice(0, 120)}`;
    let code: unknown;
    try {
      code = (JSON.parse(sent.text) as { code?: unknown }).code;
    } catch {
      return `${sent.status} body is not JSON: ${sent.text.slice(0, 120)}`;
    }
    if (!ERROR_CODES.includes(code as ErrorCode)) return `${sent.status} code ${JSON.stringify(code)} is not a contract code`;
    if (httpStatusOf(code as ErrorCode) !== sent.status) return `${sent.status} with code ${String(code)}, whose status is ${httpStatusOf(code as ErrorCode)}`;
    return null;
  }

  async function login(): Promise<{ token: string; cookie: string }> {
    const response = await fetch(`${vigil.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: TEST_ADMIN_PASSWORD }) });
    const cookie = /vigil_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')?.[0];
    const { accessToken } = (await response.json()) as { accessToken: string };
    if (response.status !== 200 || !cookie) throw new Error(`Signing in answered ${response.status}`);
    return { token: accessToken, cookie };
  }

  /** Sends one case and returns what is wrong with the outcome, if anything; a refused change must leave every count as it was. */
  async function check(method: string, route: { path: string; inputs: RouteInputs | null }, fuzz: FuzzCase, auth: { token?: string; cookie?: string; origin?: string }): Promise<string | null> {
    const changes = STATE_CHANGING.has(method);
    // Signing out ends the session it is sent with: each case gets a session of its own.
    const signsOut = route.path.endsWith('/logout');
    const own = signsOut ? await login() : null;
    const credentials = own ? (auth.cookie ? { ...auth, cookie: own.cookie } : { ...auth, token: own.token }) : auth;
    const before = changes ? await counts() : null;
    const sent = await send(method, fuzz, credentials);
    const problem = problemWith(sent);
    if (problem) return problem;
    if (before && sent.status >= 400) {
      const after = await counts();
      const moved = COUNTED_TABLES.filter((table) => after[table] !== before[table]);
      if (moved.length) return `${sent.status} but stored: ${moved.map((table) => `${table} ${before[table]} → ${after[table]}`).join(', ')}`;
    }
    return null;
  }

  it('reads every API route and its inputs from the running app', () => {
    const api = routes.filter((route) => route.path.startsWith('/api/') && !route.path.startsWith('/api/docs'));
    expect(api.length).toBeGreaterThan(10);
    // Each API route is a Nest handler whose inputs were read; a route served some other way would escape the fuzz.
    expect(api.filter((route) => !route.inputs).map((route) => `${route.method} ${route.path}`)).toEqual([]);
    const sources = api.find((route) => route.method === 'POST' && route.path === '/api/sources')!.inputs!;
    expect(sources.body).toMatchObject({ name: 'CreateSourceDto' });
    expect(typeof sources.body === 'object' && sources.body?.fields.map((field) => field.name)).toEqual(expect.arrayContaining(['name', 'url', 'kind', 'tags', 'listing']));
  });

  it('never answers 5xx, always names a contract code and stores nothing when it refuses', async () => {
    const startedAt = Date.now();
    const findings: string[] = [];
    const perRoute: string[] = [];
    for (const route of routes) {
      const inputs: RouteInputs = route.inputs ?? { method: route.method, path: route.path, controller: '-', handler: '-', pathParams: [], body: null, query: null, namedQuery: [], consumes: [] };
      const cases = casesFor(inputs, context);
      const routeStartedAt = Date.now();
      for (const fuzz of cases) {
        const problem = await check(route.method, route, fuzz, { token: admin });
        if (problem) findings.push(`${route.method} ${route.path} [${fuzz.label}] → ${problem}`);
      }
      perRoute.push(`${route.method} ${route.path}: ${cases.length} requests, ${Date.now() - routeStartedAt} ms`);
    }
    console.log(`Fuzzed ${routes.length} routes in ${((Date.now() - startedAt) / 1000).toFixed(1)} s:\n${perRoute.join('\n')}`);
    expect(findings).toEqual([]);
  }, FUZZ_TIMEOUT_MS);

  it('answers methods and paths no route has with route_not_found', async () => {
    const findings: string[] = [];
    const odd: [string, string][] = [
      ['PUT', '/api/sources'],
      ['DELETE', '/api/users'],
      ['PATCH', '/api/items'],
      ['GET', '/api/khong-co'],
      ['GET', '/api/%ZZ'],
      ['GET', '/api/items/%00/snapshot/extra'],
      ['POST', `/api/${'a'.repeat(4_000)}`],
      ...BAD_IDS.slice(0, 5).map((id): [string, string] => ['GET', `/api/${id}`]),
    ];
    for (const [method, path] of odd) {
      const problem = await check(method, { path, inputs: null }, { label: 'unrouted', path, body: '{}', contentType: 'application/json' }, { token: admin });
      if (problem) findings.push(`${method} ${path.slice(0, 60)} → ${problem}`);
    }
    expect(findings).toEqual([]);
  });

  it('keeps the same rules for the session cookie, and refuses it cross-site without storing anything', async () => {
    const findings: string[] = [];
    const { cookie } = await login();
    const own = new URL(vigil.baseUrl).origin;
    for (const route of routes.filter((candidate) => STATE_CHANGING.has(candidate.method) && candidate.inputs && !candidate.path.endsWith('/login'))) {
      const inputs = route.inputs!;
      const path = inputs.path.replace(/:\w+/g, context.idFor(inputs));
      const body = inputs.body === 'raw' ? { body: '<opml version="2.0"><body/></opml>', contentType: inputs.consumes[0] ?? 'text/x-opml' } : { body: JSON.stringify(inputs.body ? validBody(inputs.body, context) : {}), contentType: 'application/json' };
      const fuzz: FuzzCase = { label: 'cookie', path, ...body };
      const sameSite = await check(route.method, route, fuzz, { cookie, origin: own });
      if (sameSite) findings.push(`${route.method} ${route.path} [cookie, own origin] → ${sameSite}`);
      for (const origin of ['https://evil.example', 'null']) {
        const before = await counts();
        const sent = await send(route.method, fuzz, { cookie, origin });
        const after = await counts();
        if (!sent.text.includes('"cross_site_request"') || sent.status !== 403) findings.push(`${route.method} ${route.path} [cookie, Origin ${origin}] → ${sent.status} ${sent.text.slice(0, 120)}`);
        if (JSON.stringify(before) !== JSON.stringify(after)) findings.push(`${route.method} ${route.path} [cookie, Origin ${origin}] stored something`);
      }
    }
    expect(findings).toEqual([]);
  }, 60_000);
});
