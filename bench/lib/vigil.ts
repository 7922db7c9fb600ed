import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '@vigil/config';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/app.factory';
import { sleep, waitUntil } from './stats';

export const ADMIN_PASSWORD = 'bench-admin-passphrase';

/** PostgreSQL server, PGlite in memory, or PGlite persisted to a directory as `npm start` keeps it (under ./data). */
export type DatabaseKind = 'postgres' | 'pglite' | 'pglite-on-disk';

/** Where the PostgreSQL figures run: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local server. */
export const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A fresh database on the PostgreSQL server or in a temporary directory (dropped by the returned function), or PGlite in memory. */
async function databaseEnv(kind: DatabaseKind): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  if (kind === 'pglite') return { env: { VIGIL_DATA_DIR: 'memory' }, drop: async () => undefined };
  if (kind === 'pglite-on-disk') {
    const directory = await mkdtemp(join(tmpdir(), 'vigil-bench-data-'));
    return { env: { VIGIL_DATA_DIR: directory }, drop: () => rm(directory, { recursive: true, force: true }) };
  }
  const name = `vigil_bench_${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return { env: { DATABASE_URL: url.toString() }, drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The settings every bench app shares: loopback fixture servers allowed, quiet logs. */
function baseEnv(extra: Record<string, string>): Record<string, string> {
  return { ADMIN_PASSWORD, LOG_LEVEL: 'error', VIGIL_FETCH_ALLOWLIST: '127.0.0.0/8', VIGIL_SCHEDULER_TICK_SEC: '1', ...extra };
}

export interface Client {
  baseUrl: string;
  request<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

async function signedInClient(baseUrl: string): Promise<Client> {
  let token = '';
  const request: Client['request'] = async (method, path, body) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const json = text && (response.headers.get('content-type') ?? '').includes('json');
    return { status: response.status, body: json ? JSON.parse(text) : (text as never) };
  };
  const login = await request<{ accessToken: string }>('POST', '/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
  if (login.status !== 200) throw new Error(`Bench login answered ${login.status}`);
  token = login.body.accessToken;
  return { baseUrl, request };
}

export interface InProcessVigil extends Client {
  kind: DatabaseKind;
  app: INestApplication;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** The whole API with its collection worker in this process, started the way the end-to-end tests start it. */
export async function startVigil(kind: DatabaseKind, extraEnv: Record<string, string> = {}): Promise<InProcessVigil> {
  const database = await databaseEnv(kind);
  let app: INestApplication;
  try {
    app = await createApiApp(loadConfig({ ...baseEnv(extraEnv), ...database.env, PORT: '0', HOST: '127.0.0.1' }), { logger: false });
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    await database.drop();
    throw error;
  }
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const client = await signedInClient(baseUrl);
  return {
    ...client,
    kind,
    app,
    dataSource: app.get(DataSource),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

export interface ChildVigil extends Client {
  child: ChildProcess;
  /** The PostgreSQL database it uses; null on PGlite. */
  databaseUrl: string | null;
  /** Resident set size of the Vigil process, in MiB. */
  rssMiB(): number;
  close(): Promise<void>;
}

const MAIN = fileURLToPath(new URL('../../apps/api/src/main.js', import.meta.url));
/** The repository's package.json (this file runs from bench/dist/bench/lib). */
const PACKAGE_JSON = new URL('../../../../package.json', import.meta.url);

/** The node options `npm run start:api` starts the product with (its heap ceiling), so the bench measures Vigil as deployed. */
function productNodeOptions(): string[] {
  const scripts = (JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { scripts: Record<string, string> }).scripts;
  return scripts['start:api']!.split(/\s+/).filter((word) => word.startsWith('--'));
}

/** Vigil as its own process (`node dist/apps/api/src/main.js`, with the product's node options), so its memory and latency are its own. */
export async function startChildVigil(kind: DatabaseKind, extraEnv: Record<string, string> = {}): Promise<ChildVigil> {
  const database = await databaseEnv(kind);
  const port = await freePort();
  const child = spawn(process.execPath, [...productNodeOptions(), MAIN], {
    env: { ...process.env, ...baseEnv(extraEnv), ...database.env, PORT: String(port), HOST: '127.0.0.1', NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const up = await waitUntil(async () => {
    if (child.exitCode !== null) return true;
    return fetch(`${baseUrl}/health/live`).then((r) => r.ok, () => false);
  }, 60_000, 200);
  if (!up || child.exitCode !== null) {
    child.kill('SIGKILL');
    await database.drop();
    throw new Error(`Vigil process did not start:\n${output}`);
  }
  const client = await signedInClient(baseUrl);
  return {
    ...client,
    child,
    databaseUrl: database.env.DATABASE_URL ?? null,
    rssMiB: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
    close: async () => {
      child.kill('SIGTERM');
      const ended = await waitUntil(() => child.exitCode !== null || child.signalCode !== null, 15_000, 100);
      if (!ended) child.kill('SIGKILL');
      await sleep(100);
      await database.drop();
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function addSource(client: Client, body: { name: string; url: string; kind?: string; languageHint?: string; paused?: boolean }): Promise<string> {
  const response = await client.request<{ id: string }>('POST', '/api/sources', { kind: 'rss', ...body });
  if (response.status !== 201 && response.status !== 200) throw new Error(`Creating source ${body.url} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body.id;
}

export async function searchTotal(client: Client, q: string): Promise<number> {
  const response = await client.request<{ total: number }>('GET', `/api/items?q=${encodeURIComponent(q)}&limit=1`);
  if (response.status !== 200) throw new Error(`Search answered ${response.status}`);
  return response.body.total;
}

export async function itemTotal(client: Client): Promise<number> {
  const response = await client.request<{ total: number }>('GET', '/api/items?limit=1');
  return response.body.total;
}
