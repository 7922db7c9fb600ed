import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '@vigil/config';
import { REQUEST_ID_HEADER } from '@vigil/contracts';
import { prepareTestEnvironment, type TestEnvironment } from '@vigil/testing';
import { createApiApp } from '../../apps/api/src/app.factory';

/**
 * Structured logs (issue 12): with LOG_FORMAT=json the API writes JSON lines, and every line written while a request
 * is handled carries the id that request is answered with in X-Request-Id (the proxy's own id when it sent a plain
 * one). Runs the app with its real logger, its standard output captured.
 */
describe('request ids on answers and log lines', () => {
  let environment: TestEnvironment;
  let app: INestApplication;
  let base: string;
  const written: string[] = [];
  const originalWrite = process.stdout.write.bind(process.stdout);

  beforeAll(async () => {
    environment = await prepareTestEnvironment({ LOG_LEVEL: 'info', LOG_FORMAT: 'json' });
    process.stdout.write = ((chunk: string | Uint8Array) => written.push(String(chunk)) > 0) as typeof process.stdout.write;
    app = await createApiApp(loadConfig({ ...environment.env, PORT: '0', HOST: '127.0.0.1' }));
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    process.stdout.write = originalWrite;
    await environment?.cleanup();
  });

  const records = () => written.flatMap((chunk) => chunk.split('\n').filter(Boolean)).map((line) => JSON.parse(line) as Record<string, unknown>);
  const signIn = (headers: Record<string, string> = {}) =>
    fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ username: 'nguoi-la', password: 'sai mat khau roi' }) });

  it('answers a new id and puts it on the lines the request logged', async () => {
    const response = await signIn();
    expect(response.status).toBe(401);
    const requestId = response.headers.get(REQUEST_ID_HEADER);
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const lines = records().filter((record) => record.requestId === requestId);
    expect(lines).toEqual([expect.objectContaining({ level: 'warn', message: expect.stringContaining('Failed sign-in for "nguoi-la"') })]);
  });

  it("keeps the proxy's id when it is a plain token, and replaces one that could forge a line", async () => {
    expect((await signIn({ [REQUEST_ID_HEADER]: 'proxy-7f3a.19' })).headers.get(REQUEST_ID_HEADER)).toBe('proxy-7f3a.19');
    const forged = await signIn({ [REQUEST_ID_HEADER]: 'x" "level":"fatal' });
    expect(forged.headers.get(REQUEST_ID_HEADER)).toMatch(/^[0-9a-f-]{36}$/);
    expect(records().some((record) => record.requestId === 'proxy-7f3a.19')).toBe(true);
  });

  it('writes nothing but JSON records, one a line', () => {
    const lines = written.flatMap((chunk) => chunk.split('\n').filter(Boolean));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });
});
