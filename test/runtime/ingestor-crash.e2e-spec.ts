import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { ItemPage, LoginResponse, SourceView } from '@vigil/contracts';
import { prepareTestEnvironment, type TestEnvironment, waitFor } from '@vigil/testing';
import pg from 'pg';
import { CollectionFixtureServer } from '../collection/support/collection-fixture-server';
import { articlePage, healthyBriefs, rss2 } from '../fixtures/collection';
import { entry, exitOf, repositoryRoot, type RunningApp, startProcess, killAll } from './support/app-processes';

const servers = Boolean(process.env.TEST_DATABASE_URL && process.env.TEST_REDIS_URL);
const ITEMS = 16;
// Each article page answers this late, so the batch of enrichments is still running when the ingestor is killed.
const PAGE_DELAY_MS = 500;

describe('an ingestor killed mid-batch', () => {
  let environment: TestEnvironment | undefined;
  let site: CollectionFixtureServer | undefined;
  let database: pg.Client | undefined;
  const processes: RunningApp[] = [];

  beforeAll(async () => {
    if (!servers) return;
    if (!existsSync(entry('ingestor'))) execFileSync('npm', ['run', 'build:server'], { cwd: repositoryRoot, stdio: 'inherit' });
    // The outbox sweep runs every second: it finds items whose enrich jobs were lost with the killed ingestor.
    environment = await prepareTestEnvironment({
      VIGIL_FETCH_ALLOWLIST: '127.0.0.1',
      VIGIL_SCHEDULER_TICK_SEC: '1',
      VIGIL_HOST_INTERVAL_MS: '0',
      VIGIL_OUTBOX_SWEEP_SEC: '1',
    });
    site = new CollectionFixtureServer();
    await site.start();
  }, 180_000);

  afterAll(async () => {
    await killAll(processes);
    await database?.end();
    await site?.stop();
    await environment?.cleanup();
  });

  it('enriches and indexes every item exactly once after a restart: one snapshot each, all searchable', async () => {
    if (!environment || !site) {
      console.log('Not run: the ingestor crash test runs the API and ingestors as separate processes over Redis and PostgreSQL, so it needs TEST_DATABASE_URL and TEST_REDIS_URL (.ci/run sets them in its second pass).');
      return;
    }
    const { env } = environment;
    const fixtures = site;
    const port = 42000 + Math.floor(Math.random() * 1000);
    // With REDIS_URL set and VIGIL_EMBEDDED_WORKER unset the API runs no workers: only the ingestors collect.
    const { VIGIL_EMBEDDED_WORKER: _embedded, ...shared } = env;
    const api = startProcess('api', { ...shared, PORT: String(port), HOST: '127.0.0.1' });
    const first = startProcess('ingestor', shared);
    processes.push(api, first);
    const base = `http://127.0.0.1:${port}`;
    await waitFor('the API', async () => ((await fetch(`${base}/health`).catch(() => null))?.status === 200 ? true : undefined), 60_000);
    const db = new pg.Client({ connectionString: env.DATABASE_URL });
    database = db;
    await db.connect();

    const briefs = healthyBriefs('mất điện đột ngột', ITEMS);
    const served = new Map<string, string>();
    const entries = briefs.map((brief, index) => {
      const path = `/mat-dien/bai-${index + 1}.html`;
      const html = articlePage(brief);
      served.set(path, createHash('sha256').update(html).digest('hex'));
      fixtures.handle(path, (_request, response) => {
        setTimeout(() => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html), PAGE_DELAY_MS);
      });
      return { title: brief.title, link: fixtures.url(path), guid: `mat-dien-${index + 1}`, summary: brief.paragraphs[0] };
    });
    const feedUrl = fixtures.feed('/mat-dien/rss.xml', rss2({ title: 'Mất điện', link: fixtures.url('/') }, entries));

    const login = (await (
      await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: env.ADMIN_PASSWORD }),
      })
    ).json()) as LoginResponse;
    const headers = { authorization: `Bearer ${login.accessToken}`, 'content-type': 'application/json' };
    const created = await fetch(`${base}/api/sources`, { method: 'POST', headers, body: JSON.stringify({ name: 'Mất điện', url: feedUrl, kind: 'rss' }) });
    const source = (await created.json()) as SourceView;

    const count = async (sql: string) => Number((await db.query<{ count: string }>(sql, [source.id])).rows[0]!.count);
    const snapshots = () => count('SELECT count(*) FROM snapshots JOIN items ON items.id = snapshots.item_id WHERE items.source_id = $1');
    const enriched = () => count('SELECT count(*) FROM items WHERE source_id = $1 AND enriched_at IS NOT NULL');

    await waitFor('the first ingestor to be part-way through the batch', async () => ((await snapshots()) >= 2 ? true : undefined), 60_000);
    // Archived (committed) a moment before the kill: those pages must never be fetched again.
    const archivedPaths = async () =>
      new Set((await db.query<{ url: string }>('SELECT items.url FROM snapshots JOIN items ON items.id = snapshots.item_id WHERE items.source_id = $1', [source.id])).rows.map((row) => new URL(row.url).pathname));
    const archivedBeforeKill = await archivedPaths();
    const fetchesOf = (path: string) => fixtures.requestsTo(path).length;
    first.child.kill('SIGKILL');
    expect(await exitOf(first.child)).toBe('SIGKILL');
    // Counted once the ingestor is gone and before the next starts: a request it sent as it was killed counts as its own.
    const requestedBeforeKill = new Set([...served.keys()].filter((path) => fetchesOf(path) > 0));
    expect(await enriched()).toBeLessThan(ITEMS);
    console.log(`Killed the ingestor with ${archivedBeforeKill.size} of ${ITEMS} pages archived, ${requestedBeforeKill.size} requested`);

    processes.push(startProcess('ingestor', shared));
    // Jobs the killed ingestor held come back when BullMQ finds them stalled (their lock lapses), the rest at once.
    await waitFor(`all ${ITEMS} items enriched after the restart`, async () => ((await enriched()) === ITEMS ? true : undefined), 150_000);

    expect(await count('SELECT count(*) FROM items WHERE source_id = $1')).toBe(ITEMS);
    const perItem = await db.query<{ snapshots: number }>(
      'SELECT count(snapshots.id)::int AS snapshots FROM items LEFT JOIN snapshots ON snapshots.item_id = items.id WHERE items.source_id = $1 GROUP BY items.id',
      [source.id],
    );
    expect(perItem.rows.map((row) => row.snapshots)).toEqual(new Array(ITEMS).fill(1));
    // Each snapshot holds exactly the bytes the site served for that page.
    const hashes = await db.query<{ url: string; content_hash: string }>(
      'SELECT items.url, snapshots.content_hash FROM snapshots JOIN items ON items.id = snapshots.item_id WHERE items.source_id = $1',
      [source.id],
    );
    for (const row of hashes.rows) expect({ url: row.url, hash: row.content_hash }).toEqual({ url: row.url, hash: served.get(new URL(row.url).pathname) });
    // Every page fetched once; only a page whose fetch the kill cut short (requested, not yet archived) may be asked for again.
    for (const path of served.keys()) {
      const fetches = fetchesOf(path);
      if (archivedBeforeKill.has(path) || !requestedBeforeKill.has(path)) expect({ path, fetches }).toEqual({ path, fetches: 1 });
      else expect({ path, fetches: Math.min(fetches, 2) }).toEqual({ path, fetches });
    }
    // Searchable once the index outbox is drained (at once with PostgreSQL search; by the engine otherwise).
    await waitFor('every item searchable', async () => {
      const page = (await (await fetch(`${base}/api/items?q=${encodeURIComponent('mat dien dot ngot')}&sourceId=${source.id}&limit=100`, { headers })).json()) as ItemPage;
      return page.total === ITEMS ? true : undefined;
    }, 60_000);
    if (env.ELASTICSEARCH_URL) expect(await count('SELECT count(*) FROM items WHERE source_id = $1 AND indexed_at IS NULL')).toBe(0);
  }, 300_000);
});
