import { createServer } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import type { ApiErrorBody } from '@vigil/contracts';
import { loadConfig } from '@vigil/config';
import { prepareTestEnvironment, TEST_ADMIN_PASSWORD, type TestEnvironment } from '@vigil/testing';
import { createApiApp } from '../../apps/api/src/app.factory';

/** A loopback port that was free a moment ago: nothing listens there, so connections are refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  return port;
}

describe('sign-in while Redis is unreachable', () => {
  let environment: TestEnvironment;
  let app: INestApplication;
  let baseUrl: string;

  beforeAll(async () => {
    environment = await prepareTestEnvironment();
    // Whatever Redis the run was given, this API is pointed at one that is down; it hosts no worker.
    const env: Record<string, string> = { ...environment.env, REDIS_URL: `redis://127.0.0.1:${await closedPort()}`, VIGIL_EMBEDDED_WORKER: 'false' };
    app = await createApiApp(loadConfig({ ...env, PORT: '0', HOST: '127.0.0.1' }), { logger: false });
    await app.listen(0, '127.0.0.1');
    baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
    await environment?.cleanup();
  });

  it('answers 503 dependency_unavailable, quickly, instead of a 500 or letting guesses through uncounted', async () => {
    const startedAt = Date.now();
    const response = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: TEST_ADMIN_PASSWORD }),
    });
    expect(response.status).toBe(503);
    const body = (await response.json()) as ApiErrorBody;
    expect(body).toMatchObject({ statusCode: 503, code: 'dependency_unavailable', details: { dependency: 'redis' } });
    expect(body.message).not.toMatch(/\n\s+at /);
    expect(Date.now() - startedAt).toBeLessThan(5000);
  });
});
