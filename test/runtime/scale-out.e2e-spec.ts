import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { LoginResponse, SourceView } from '@vigil/contracts';
import { prepareTestEnvironment, type TestEnvironment, waitFor } from '@vigil/testing';
import pg from 'pg';
import { CollectionFixtureServer } from '../collection/support/collection-fixture-server';
import { articlePage, healthyBriefs, rss2 } from '../fixtures/collection';
import { connectLive, type LiveClient } from '../live/support/live-client';
import { entry, exitOf, repositoryRoot, type RunningApp, startProcess, killAll } from './support/app-processes';

const servers = Boolean(process.env.TEST_DATABASE_URL && process.env.TEST_REDIS_URL);
const SOURCES = 4;
const ITEMS_PER_SOURCE = 4;
const ITEMS = SOURCES * ITEMS_PER_SOURCE;
// Article pages answer this late, so enrichment is still running when one ingestor is killed.
const PAGE_DELAY_MS = 700;
// Scheduler ticks (every second, in both ingestors) watched after the first polls: none may poll a source again.
const QUIET_WINDOW_MS = 8000;

/**
 * The scale-out topology as separate processes (issue 12): two APIs and two ingestors on this machine's PostgreSQL
 * and Redis (and Elasticsearch in the third CI pass). Each source is polled once per interval however many
 * ingestors tick, each item is stored once, a flag raised in an ingestor reaches the live clients of both APIs, and
 * the page jobs of an ingestor killed mid-batch are finished by the other one.
 */
describe('scale-out: two APIs and two ingestors', () => {
  let environment: TestEnvironment | undefined;
  let site: CollectionFixtureServer | undefined;
  let database: pg.Client | undefined;
  const processes: RunningApp[] = [];
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    if (!servers) return;
    if (!existsSync(entry('ingestor'))) execFileSync('npm', ['run', 'build:server'], { cwd: repositoryRoot, stdio: 'inherit' });
    // The outbox sweep runs every second: it finds items whose page jobs were lost with the killed ingestor.
    environment = await prepareTestEnvironment({ VIGIL_FETCH_ALLOWLIST: '127.0.0.1', VIGIL_SCHEDULER_TICK_SEC: '1', VIGIL_HOST_INTERVAL_MS: '0', VIGIL_OUTBOX_SWEEP_SEC: '1' });
    site = new CollectionFixtureServer();
    await site.start();
  }, 180_000);

  afterAll(async () => {
    for (const client of clients) client.close();
    await killAll(processes);
    await database?.end();
    await site?.stop();
    await environment?.cleanup();
  });

  it('polls each source once, stores each item once, delivers flags to both APIs and survives losing an ingestor', async () => {
    if (!environment || !site) {
      console.log('Not run: the scale-out topology runs APIs and ingestors as separate processes over Redis and PostgreSQL, so it needs TEST_DATABASE_URL and TEST_REDIS_URL (.ci/run sets them in its second and third passes).');
      return;
    }
    const fixtures = site;
    // With REDIS_URL set and VIGIL_EMBEDDED_WORKER unset an API runs no workers: the ingestors collect.
    const { VIGIL_EMBEDDED_WORKER: _embedded, ...shared } = environment.env;
    const ports = [43000 + Math.floor(Math.random() * 500), 43500 + Math.floor(Math.random() * 500)];
    const apis = ports.map((port) => startProcess('api', { ...shared, PORT: String(port), HOST: '127.0.0.1' }));
    const ingestors = [startProcess('ingestor', shared), startProcess('ingestor', shared)];
    processes.push(...apis, ...ingestors);
    const bases = ports.map((port) => `http://127.0.0.1:${port}`);
    for (const [index, base] of bases.entries()) {
      await waitFor(`the API at ${base}`, async () => ((await fetch(`${base}/health`).catch(() => null))?.status === 200 ? true : undefined), 120_000).catch((error: Error) => {
        throw new Error(`${error.message}; its output:\n${apis[index]!.output().slice(-3000)}`);
      });
    }
    const db = new pg.Client({ connectionString: environment.env.DATABASE_URL });
    database = db;
    await db.connect();

    const login = (await (
      await fetch(`${bases[0]}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: environment.env.ADMIN_PASSWORD }) })
    ).json()) as LoginResponse;
    const headers = { authorization: `Bearer ${login.accessToken}`, 'content-type': 'application/json' };
    const call = async <T>(base: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
      const response = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: response.status, body: (await response.json()) as T };
    };
    expect((await call(bases[0]!, 'POST', '/api/rules', { name: 'Mất điện diện rộng', query: '"mất điện"', severity: 'high' })).status).toBe(201);
    // A live client on each API, signed in with the same session.
    for (const base of bases) clients.push(connectLive(base, { auth: { token: login.accessToken } }));
    await Promise.all(clients.map((client) => client.waitForReady()));

    const feeds: string[] = [];
    const sources: SourceView[] = [];
    for (let s = 0; s < SOURCES; s += 1) {
      // One source in two writes about the power cut the rule watches for.
      const label = s % 2 === 0 ? `mất điện khu ${s + 1}` : `đối thoại khu ${s + 1}`;
      const entries = healthyBriefs(label, ITEMS_PER_SOURCE).map((brief, index) => {
        const path = `/khu-${s + 1}/bai-${index + 1}.html`;
        const html = articlePage(brief);
        fixtures.handle(path, (_request, response) => {
          setTimeout(() => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html), PAGE_DELAY_MS);
        });
        return { title: brief.title, link: fixtures.url(path), guid: `khu-${s + 1}-${index + 1}`, summary: brief.paragraphs[0] };
      });
      const feedPath = `/khu-${s + 1}/rss.xml`;
      fixtures.feed(feedPath, rss2({ title: label, link: fixtures.url(`/khu-${s + 1}/`) }, entries));
      feeds.push(feedPath);
      const created = await call<SourceView>(bases[s % 2]!, 'POST', '/api/sources', { name: label, url: fixtures.url(feedPath), kind: 'rss', pollIntervalSec: 600 });
      expect(created.status).toBe(201);
      sources.push(created.body);
    }

    const count = async (sql: string, values: unknown[] = []) => Number((await db.query<{ count: string }>(sql, values)).rows[0]!.count);
    await waitFor(`all ${ITEMS} items stored`, async () => ((await count('SELECT count(*) FROM items')) === ITEMS ? true : undefined), 60_000);
    await waitFor('part of the batch archived', async () => ((await count('SELECT count(*) FROM snapshots')) >= 2 ? true : undefined), 60_000);
    const enriched = () => count('SELECT count(*) FROM items WHERE enriched_at IS NOT NULL');
    expect(await enriched()).toBeLessThan(ITEMS);
    const [killed, survivor] = ingestors as [RunningApp, RunningApp];
    killed.child.kill('SIGKILL');
    expect(await exitOf(killed.child)).toBe('SIGKILL');

    // Once per interval: two ingestors tick every second, yet no source is polled a second time.
    await new Promise((resolve) => setTimeout(resolve, QUIET_WINDOW_MS));
    expect(feeds.map((path) => fixtures.requestsTo(path).length)).toEqual(new Array(SOURCES).fill(1));
    expect(await count('SELECT count(DISTINCT (source_id, dedupe_key)) FROM items')).toBe(ITEMS);

    // The survivor finishes what the killed one held (BullMQ hands stalled jobs on once their lock lapses).
    await waitFor(`all ${ITEMS} items enriched by the surviving ingestor`, async () => ((await enriched()) === ITEMS ? true : undefined), 150_000);
    expect(survivor.child.exitCode).toBeNull();
    const perItem = await db.query<{ snapshots: number }>('SELECT count(snapshots.id)::int AS snapshots FROM items LEFT JOIN snapshots ON snapshots.item_id = items.id GROUP BY items.id');
    expect(perItem.rows.map((row) => row.snapshots)).toEqual(new Array(ITEMS).fill(1));

    // Flags raised in the ingestors, each heard once by the clients of both APIs.
    const flagged = await count('SELECT count(*) FROM flags');
    expect(flagged).toBeGreaterThan(0);
    const flagIdsHeard = (client: LiveClient) => client.events.filter((event) => event.type === 'flag.created').map((event) => event.id);
    await waitFor('flag.created on both APIs', async () => (clients.every((client) => flagIdsHeard(client).length === flagged) ? true : undefined), 30_000);
    expect(flagIdsHeard(clients[0]!)).toEqual(flagIdsHeard(clients[1]!));
    expect(new Set(flagIdsHeard(clients[0]!)).size).toBe(flagged);
    // Searchable through the other API (on Elasticsearch, once the near-real-time index has refreshed).
    await waitFor('the flagged items searchable through the second API', async () => {
      const found = await call<{ total: number }>(bases[1]!, 'GET', `/api/items?q=${encodeURIComponent('mat dien')}`);
      return found.body.total === ITEMS / 2 ? true : undefined;
    }, 30_000);
  }, 300_000);
});
