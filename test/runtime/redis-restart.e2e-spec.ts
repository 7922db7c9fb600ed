import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import type { ApiErrorBody, ItemPage, SourceView } from '@vigil/contracts';
import { loadConfig } from '@vigil/config';
import { prepareTestEnvironment, TEST_ADMIN_PASSWORD, TestClock, type TestEnvironment, waitFor } from '@vigil/testing';
import { createApiApp } from '../../apps/api/src/app.factory';
import { CollectionFixtureServer } from '../collection/support/collection-fixture-server';
import { articlePage, healthyBriefs, rss2 } from '../fixtures/collection';
import { exitOf } from './support/app-processes';

const redisServer = (() => {
  try {
    return execFileSync('which', ['redis-server'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
})();
const runs = Boolean(process.env.TEST_REDIS_URL && redisServer);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  return port;
}

/** Whether a Redis server answers PING on this loopback port (spoken raw: only libs/queue talks to Redis through a client). */
function answersPing(port: number): Promise<true | undefined> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
    socket.setTimeout(1000, () => socket.destroy());
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG') ? true : undefined);
    });
    socket.once('error', () => resolve(undefined));
    socket.once('close', () => resolve(undefined));
  });
}

/** This spec's own Redis, nothing persisted: a restart comes back empty, as after losing a cache node. */
async function startRedis(port: number, evictionPolicy = 'noeviction'): Promise<ChildProcess> {
  const child = spawn(redisServer!, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', evictionPolicy], { stdio: 'ignore' });
  await waitFor(`redis-server on port ${port}`, () => answersPing(port), 10_000);
  return child;
}

describe('Redis going away and coming back (a separate redis-server)', () => {
  let environment: TestEnvironment | undefined;
  let app: INestApplication | undefined;
  let redis: ChildProcess | undefined;
  let site: CollectionFixtureServer | undefined;

  afterAll(async () => {
    await app?.close();
    if (redis && redis.exitCode === null && redis.signalCode === null) {
      redis.kill('SIGKILL');
      await exitOf(redis);
    }
    await site?.stop();
    await environment?.cleanup();
  });

  it('answers sign-in 503 dependency_unavailable while it is down; after its restart workers reconnect and collect again', async () => {
    if (!runs) {
      console.log(`Not run: this spec starts and kills its own redis-server, so it needs redis-server on PATH${redisServer ? '' : ' (not found)'} and TEST_REDIS_URL (the Redis pass of .ci/run).`);
      return;
    }
    const port = await freePort();
    redis = await startRedis(port);
    site = new CollectionFixtureServer();
    await site.start();
    const clock = new TestClock();
    environment = await prepareTestEnvironment({ VIGIL_FETCH_ALLOWLIST: '127.0.0.1', VIGIL_SCHEDULER_TICK_SEC: '1', VIGIL_HOST_INTERVAL_MS: '0', VIGIL_OUTBOX_SWEEP_SEC: '1' });
    // The API with its collection worker, on BullMQ over this spec's own Redis.
    const env = { ...environment.env, REDIS_URL: `redis://127.0.0.1:${port}`, VIGIL_EMBEDDED_WORKER: 'true' };
    app = await createApiApp(loadConfig({ ...env, PORT: '0', HOST: '127.0.0.1' }), { logger: false, clock });
    await app.listen(0, '127.0.0.1');
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const call = async <T>(method: string, path: string, body?: unknown, token?: string) => {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as T };
    };
    const signIn = () => call<{ accessToken: string } & ApiErrorBody>('POST', '/api/auth/login', { username: 'admin', password: TEST_ADMIN_PASSWORD });
    const fixtures = site;
    const addSource = async (slug: string, token: string) => {
      const briefs = healthyBriefs(`tin ${slug}`, 2);
      const entries = briefs.map((brief, index) => ({ title: brief.title, link: fixtures.page(`/${slug}/bai-${index + 1}.html`, articlePage(brief)), summary: brief.paragraphs[0] }));
      const feedUrl = fixtures.feed(`/${slug}/rss.xml`, rss2({ title: slug, link: fixtures.url('/') }, entries));
      const created = await call<SourceView>('POST', '/api/sources', { name: slug, url: feedUrl, kind: 'rss' }, token);
      expect(created.status).toBe(201);
      return created.body;
    };
    const itemsOf = async (source: SourceView, token: string) => (await call<ItemPage>('GET', `/api/items?sourceId=${source.id}`, undefined, token)).body.total;

    const before = await signIn();
    expect(before.status).toBe(200);
    const token = before.body.accessToken;
    const early = await addSource('truoc-su-co', token);
    await waitFor('the first source collected', async () => ((await itemsOf(early, token)) === 2 ? true : undefined), 30_000);
    const earlyPolls = fixtures.requestsTo('/truoc-su-co/rss.xml').length;

    redis.kill('SIGKILL');
    await exitOf(redis);
    const startedAt = Date.now();
    const refused = await signIn();
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ code: 'dependency_unavailable', details: { dependency: 'redis' } });
    expect(refused.body.message).not.toMatch(/\n\s+at /);
    expect(Date.now() - startedAt).toBeLessThan(5000);
    const healthAskedAt = Date.now();
    const health = await call<ApiErrorBody>('GET', '/health');
    expect(health.status).toBe(503);
    expect(Date.now() - healthAskedAt).toBeLessThan(5000);
    expect(health.body.details?.dependency).toBe('queue');
    // Reading what is stored needs no Redis.
    expect(await itemsOf(early, token)).toBe(2);

    // Back on the same port, empty: the queue's job schedulers and every waiting job were lost with it.
    redis = await startRedis(port);
    await waitFor('sign-in to work again', async () => ((await signIn()).status === 200 ? true : undefined), 30_000);
    await waitFor('readiness', async () => ((await call('GET', '/health')).status === 200 ? true : undefined), 30_000);
    const late = await addSource('sau-su-co', token);
    await waitFor('a source added after the restart collected', async () => ((await itemsOf(late, token)) === 2 ? true : undefined), 30_000);
    // The scheduler runs again too: the first source's next poll, now due, is made without anyone asking.
    clock.advance(24 * 3600_000);
    await waitFor('the first source polled again on its schedule', async () => (fixtures.requestsTo('/truoc-su-co/rss.xml').length > earlyPolls ? true : undefined), 30_000);
  }, 120_000);

  it('refuses to start on a Redis that may evict keys, naming the setting to change', async () => {
    if (!runs) {
      console.log('Not run: this spec starts its own redis-server (with an evicting policy), so it needs redis-server on PATH and TEST_REDIS_URL.');
      return;
    }
    const port = await freePort();
    const evicting = await startRedis(port, 'allkeys-lru');
    const refused = await prepareTestEnvironment();
    try {
      const config = loadConfig({ ...refused.env, REDIS_URL: `redis://127.0.0.1:${port}`, PORT: '0', HOST: '127.0.0.1' });
      const refusing = await createApiApp(config, { logger: false });
      try {
        // Modules start when the app does (main.ts: listen): the queue's check runs first and stops it.
        await expect(refusing.init()).rejects.toThrow('Redis maxmemory-policy is allkeys-lru: BullMQ needs noeviction');
      } finally {
        await refusing.close();
      }
    } finally {
      evicting.kill('SIGKILL');
      await exitOf(evicting);
      await refused.cleanup();
    }
  }, 60_000);
});
