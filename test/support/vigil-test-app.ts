import { readFileSync } from 'node:fs';
import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '@vigil/config';
import { prepareTestEnvironment, TEST_ADMIN_PASSWORD, type TestEnvironment } from '@vigil/testing';
import { createApiApp } from '../../apps/api/src/app.factory';

export interface VigilTestApp {
  baseUrl: string;
  environment: TestEnvironment;
  /** Calls the API as JSON; `token` signs the request in. */
  request<T = unknown>(method: string, path: string, options?: { token?: string; body?: unknown }): Promise<{ status: number; body: T }>;
  loginAs(username: string, password: string): Promise<string>;
  adminToken(): Promise<string>;
  /** Every route the HTTP server answers, read from Express's own routing table. */
  routes(): { method: string; path: string }[];
  close(): Promise<void>;
}

/** A whole Vigil API (with its collection worker) on a loopback port, on the mode's database and queue. */
export async function startVigil(extraEnv: Record<string, string> = {}): Promise<VigilTestApp> {
  const environment = await prepareTestEnvironment({ VIGIL_FETCH_ALLOWLIST: '127.0.0.1', VIGIL_SCHEDULER_TICK_SEC: '1', ...extraEnv });
  console.log(`Vigil test app on ${environment.describe}`);
  let app: INestApplication;
  try {
    app = await createApiApp(loadConfig({ ...environment.env, PORT: '0', HOST: '127.0.0.1' }), { logger: false });
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

  return {
    baseUrl,
    environment,
    request,
    loginAs,
    adminToken: () => loginAs('admin', TEST_ADMIN_PASSWORD),
    routes: () => listRoutes(app),
    close: async () => {
      await app.close();
      await environment.cleanup();
    },
  };
}

export function readFixture(name: string): string {
  return readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
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
