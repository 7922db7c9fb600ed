import type { ApiErrorBody, ItemPage, SourceView } from '@vigil/contracts';
import { TEST_ADMIN_PASSWORD, waitFor, withClient } from '@vigil/testing';
import { CollectionFixtureServer } from '../collection/support/collection-fixture-server';
import { articlePage, healthyBriefs, rss2 } from '../fixtures/collection';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';

const serverUrl = process.env.TEST_DATABASE_URL;
/** How long the database stays shut after the first refusals. */
const OUTAGE_MS = 3000;

/** The name of the database this run was given (`vigil_<run>`): the only one this spec ever cuts off. */
function ownDatabase(app: VigilTestApp): string {
  const name = new URL(app.environment.env.DATABASE_URL!).pathname.slice(1);
  if (!/^vigil_t[a-z0-9]+$/.test(name)) throw new Error(`Refusing to cut off a database that is not this run's own: ${name}`);
  return name;
}

/** Drops the app's connections to its database and refuses new ones, as a failover or a restarting server would. */
async function cutOff(database: string): Promise<number> {
  return withClient(serverUrl!, async (client) => {
    await client.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS false`);
    const terminated = await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
    return terminated.rowCount ?? 0;
  });
}

function restore(database: string): Promise<unknown> {
  return withClient(serverUrl!, (client) => client.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS true`));
}

describe('the API while PostgreSQL is unreachable', () => {
  let app: VigilTestApp | undefined;
  let database: string | undefined;
  let site: CollectionFixtureServer | undefined;

  beforeAll(async () => {
    if (!serverUrl) return;
    site = new CollectionFixtureServer();
    await site.start();
    // A scheduler tick and an outbox sweep every second keep the collection worker at the database through the outage.
    app = await startVigil({ VIGIL_OUTBOX_SWEEP_SEC: '1', VIGIL_HOST_INTERVAL_MS: '0' });
    database = ownDatabase(app);
  });

  afterAll(async () => {
    if (database) await restore(database);
    await app?.close();
    await site?.stop();
  });

  it('answers 503 dependency_unavailable (database) during the outage, says not ready, and recovers without a restart', async () => {
    if (!app || !database) {
      console.log('Not run: cutting the database off needs a real PostgreSQL server (TEST_DATABASE_URL); .ci/run sets it in its second pass.');
      return;
    }
    const vigil = app;
    const token = await vigil.adminToken();
    expect((await vigil.request('GET', '/api/sources', { token })).status).toBe(200);
    expect((await vigil.request('GET', '/health')).status).toBe(200);

    const terminated = await cutOff(database);
    expect(terminated).toBeGreaterThan(0);
    try {
      // Each request meets either a pooled connection that was terminated or a refused new one: both are the outage.
      for (const [method, path, options] of [
        ['GET', '/api/sources', { token }],
        ['GET', '/api/items?q=lu', { token }],
        ['GET', '/api/auth/me', { token }],
        ['POST', '/api/auth/login', { body: { username: 'admin', password: TEST_ADMIN_PASSWORD } }],
        ['GET', '/api/sources', { token }],
      ] as const) {
        const startedAt = Date.now();
        const { status, body } = await vigil.request<ApiErrorBody>(method, path, options);
        expect({ path, status, code: body.code, details: body.details }).toEqual({
          path,
          status: 503,
          code: 'dependency_unavailable',
          details: { dependency: 'database', retryAfterSec: expect.any(Number) },
        });
        expect(body.message).not.toMatch(/\n\s+at /);
        expect(Date.now() - startedAt).toBeLessThan(10_000);
      }
      const health = await vigil.request<ApiErrorBody>('GET', '/health');
      expect(health.status).toBe(503);
      expect(health.body.code).toBe('dependency_unavailable');
      // PostgreSQL full-text search lives in the same database, so it is down with it; the queue is not.
      expect(health.body.details?.dependency?.split(',')).toEqual(process.env.ELASTICSEARCH_URL ? ['database'] : ['database', 'search']);
      expect(JSON.stringify(health.body)).not.toContain(database);
      // The window stays shut for a few scheduler ticks and sweeps: the worker meets the outage too, and survives it.
      await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
      expect((await vigil.request('GET', '/api/sources', { token })).status).toBe(503);
    } finally {
      await restore(database);
    }

    // The pool opens fresh connections on its own: no restart, no reconnect call.
    await waitFor('the API to answer again', async () => ((await vigil.request('GET', '/api/sources', { token })).status === 200 ? true : undefined), 20_000);
    expect((await vigil.request('GET', '/health')).status).toBe(200);
    expect((await vigil.request('POST', '/api/auth/login', { body: { username: 'admin', password: TEST_ADMIN_PASSWORD } })).status).toBe(200);

    // The collection worker picks up again as well: a source added now is polled and its pages archived.
    const fixtures = site!;
    const briefs = healthyBriefs('sau sự cố', 2);
    const entries = briefs.map((brief, index) => ({ title: brief.title, link: fixtures.page(`/su-co/bai-${index + 1}.html`, articlePage(brief)), summary: brief.paragraphs[0] }));
    const feedUrl = fixtures.feed('/su-co/rss.xml', rss2({ title: 'Sau sự cố', link: fixtures.url('/') }, entries));
    const created = await vigil.request<SourceView>('POST', '/api/sources', { token, body: { name: 'Sau sự cố', url: feedUrl, kind: 'rss' } });
    expect(created.status).toBe(201);
    await waitFor('both items collected after the outage', async () => {
      const page = await vigil.request<ItemPage>('GET', `/api/items?sourceId=${created.body.id}`, { token });
      return page.body.total === 2 ? true : undefined;
    }, 30_000);
    await waitFor('both pages archived', async () => (fixtures.requestsTo('/su-co/bai-1.html').length && fixtures.requestsTo('/su-co/bai-2.html').length ? true : undefined), 30_000);
  });
});
