import { createServer } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '@vigil/config';
import { TEST_ADMIN_PASSWORD, type TestClock } from '@vigil/testing';
import { LiveEventPublisher } from '@vigil/realtime';
import { createApiApp } from '../../../apps/api/src/app.factory';

/**
 * One more API process on an environment another app (or an earlier run of this one) prepared: the same database
 * and Redis prefix. Closing it leaves the environment alone, so a spec can restart the API on it or run two side by side.
 */
export interface ApiProcess {
  baseUrl: string;
  app: INestApplication;
  publisher: LiveEventPublisher;
  login(username: string, password: string): Promise<{ token: string; cookie: string }>;
  adminToken(): Promise<string>;
  request<T = unknown>(method: string, path: string, options?: { token?: string; body?: unknown }): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

export async function startApiProcess(env: Record<string, string>, clock: TestClock, port = 0): Promise<ApiProcess> {
  const app = await createApiApp(loadConfig({ ...env, PORT: String(port), HOST: '127.0.0.1' }), { logger: false, clock });
  await app.listen(port, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const request: ApiProcess['request'] = async (method, path, options = {}) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : (undefined as never) };
  };
  const login: ApiProcess['login'] = async (username, password) => {
    const response = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    if (response.status !== 200) throw new Error(`Login as ${username} answered ${response.status}`);
    const { accessToken } = (await response.json()) as { accessToken: string };
    return { token: accessToken, cookie: /vigil_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')?.[0] ?? '' };
  };
  return {
    baseUrl,
    app,
    publisher: app.get(LiveEventPublisher, { strict: false }),
    login,
    adminToken: async () => (await login('admin', TEST_ADMIN_PASSWORD)).token,
    request,
    close: () => app.close(),
  };
}

/** A loopback port nobody listens on right now, so an API can be restarted on the same address. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('No port'))));
    });
  });
}
