import { readFileSync } from 'node:fs';
import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '@vigil/config';
import { type ElasticsearchSearchEngine, SEARCH_ENGINE, type SearchEngine } from '@vigil/search';
import { prepareTestEnvironment, TEST_ADMIN_PASSWORD, TestClock, type TestEnvironment, waitFor } from '@vigil/testing';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/app.factory';

export interface VigilTestApp {
  baseUrl: string;
  environment: TestEnvironment;
  /** The app's clock: it starts at TEST_EPOCH unless the spec chose another start. */
  clock: TestClock;
  /** Calls the API as JSON; `token` signs the request in. */
  request<T = unknown>(method: string, path: string, options?: { token?: string; body?: unknown }): Promise<{ status: number; body: T }>;
  loginAs(username: string, password: string): Promise<string>;
  adminToken(): Promise<string>;
  /** Every route the HTTP server answers, read from Express's own routing table. */
  routes(): { method: string; path: string }[];
  /**
   * Waits until every stored item is searchable: at once on PostgreSQL (it searches the items table); on
   * Elasticsearch, which is near-real-time, until the index outbox is empty and then a refresh.
   */
  searchable(): Promise<void>;
  /** The Nest application itself, for specs that read its metadata or its database. */
  app: INestApplication;
  close(): Promise<void>;
}

/** A whole Vigil API (with its collection worker) on a loopback port, on the mode's database and queue, on a test clock. */
export async function startVigil(extraEnv: Record<string, string> = {}, options: { clock?: TestClock } = {}): Promise<VigilTestApp> {
  const clock = options.clock ?? new TestClock();
  const environment = await prepareTestEnvironment({ VIGIL_FETCH_ALLOWLIST: '127.0.0.1', VIGIL_SCHEDULER_TICK_SEC: '1', ...extraEnv });
  console.log(`Vigil test app on ${environment.describe}`);
  let app: INestApplication;
  try {
    app = await createApiApp(loadConfig({ ...environment.env, PORT: '0', HOST: '127.0.0.1' }), { logger: false, clock });
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    await environment.cleanup();
    throw error;
  }
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');

  const request: VigilTestApp['request'] = async (method, path, options = {}) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    const isJson = response.headers.get('content-type')?.includes('json') ?? false;
    return { status: response.status, body: text && isJson ? JSON.parse(text) : (text as never) };
  };

  const loginAs = async (username: string, password: string) => {
    const { status, body } = await request<{ accessToken: string }>('POST', '/api/auth/login', { body: { username, password } });
    if (status !== 200) throw new Error(`Login as ${username} answered ${status}`);
    return body.accessToken;
  };

  const engine = app.get<SearchEngine>(SEARCH_ENGINE);
  // Only Elasticsearch lags behind the stored rows (and has this run's indices to drop).
  const elasticsearch = engine.name === 'elasticsearch' ? (engine as ElasticsearchSearchEngine) : null;
  const searchable = async () => {
    if (!elasticsearch) return;
    const db = app.get(DataSource);
    await waitFor(
      'every item to be indexed',
      async () => ((await db.query('SELECT 1 FROM items WHERE indexed_at IS NULL LIMIT 1')).length === 0 ? true : undefined),
      30_000,
    );
    await elasticsearch.refresh();
  };

  return {
    baseUrl,
    environment,
    clock,
    request,
    loginAs,
    adminToken: () => loginAs('admin', TEST_ADMIN_PASSWORD),
    routes: () => listRoutes(app),
    searchable,
    app,
    close: async () => {
      // This run's indices (its own prefix) go with it.
      await elasticsearch?.drop();
      await app.close();
      await environment.cleanup();
    },
  };
}

/**
 * A fixture file's text. Dates in it may be written relative to the test clock's start, so the same fixture
 * holds on any clock: `{{rfc822:-25h45m}}` (RFC 822 in UTC+7, as Vietnamese feeds write it) or `{{iso:-17h30m}}`.
 */
export function readFixture(name: string, clock?: TestClock): string {
  const text = readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
  return text.replace(/\{\{(rfc822|iso):([^}]+)\}\}/g, (_token, format: string, offset: string) => {
    if (!clock) throw new Error(`Fixture ${name} has clock-relative dates: pass the app's clock to readFixture`);
    const at = clock.at(offset);
    return format === 'iso' ? at.toISOString() : rfc822InVietnam(at);
  });
}

/** `Thu, 26 Nov 2026 08:15:00 +0700`. */
function rfc822InVietnam(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3_600_000);
  const [weekday, day, month, year, time] = local.toUTCString().replace(',', '').split(' ');
  return `${weekday}, ${day} ${month} ${year} ${time} +0700`;
}

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

function listRoutes(app: INestApplication): { method: string; path: string }[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } };
  return express.router.stack.flatMap((layer) =>
    layer.route ? Object.keys(layer.route.methods).map((method) => ({ method: method.toUpperCase(), path: layer.route!.path })) : [],
  );
}
