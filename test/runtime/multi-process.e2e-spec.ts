import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { ItemPage, LoginResponse, SourceView } from '@vigil/contracts';
import { FixtureServer, prepareTestEnvironment, TestClock, type TestEnvironment, waitFor } from '@vigil/testing';
import { readFixture } from '../support/vigil-test-app';
import { entry, exitOf, repositoryRoot, type RunningApp, startProcess, killAll } from './support/app-processes';

const servers = Boolean(process.env.TEST_DATABASE_URL && process.env.TEST_REDIS_URL);

describe('separate processes: API and ingestors', () => {
  beforeAll(() => {
    if (!existsSync(entry('ingestor'))) execFileSync('npm', ['run', 'build:server'], { cwd: repositoryRoot, stdio: 'inherit' });
    if (!servers) {
      console.log('The API + two ingestors topology needs TEST_DATABASE_URL and TEST_REDIS_URL; .ci/run sets them in its second pass.');
    }
  }, 180_000);

  it('refuses to start an ingestor without Redis, saying what to do instead', async () => {
    const ingestor = startProcess('ingestor', { VIGIL_DATA_DIR: 'memory' });
    expect(await exitOf(ingestor.child)).toBe('exit 1');
    expect(ingestor.output()).toMatch(/REDIS_URL: the ingestor takes jobs from Redis; without it, npm start runs collection inside the API/);
  });

  if (servers) {
    let environment: TestEnvironment;
    let feeds: FixtureServer;
    const processes: RunningApp[] = [];

    beforeAll(async () => {
      environment = await prepareTestEnvironment({ VIGIL_FETCH_ALLOWLIST: '127.0.0.1', VIGIL_SCHEDULER_TICK_SEC: '1', VIGIL_HOST_INTERVAL_MS: '0' });
      feeds = new FixtureServer();
      await feeds.start();
    });

    afterAll(async () => {
      await killAll(processes);
      await feeds?.stop();
      await environment?.cleanup();
    });

    it('collects through BullMQ with the API and two ingestors as separate processes, storing each item once', async () => {
      const port = 41000 + Math.floor(Math.random() * 1000);
      // With REDIS_URL set and VIGIL_EMBEDDED_WORKER unset the API runs no workers: whatever is collected, the ingestors collected.
      const { VIGIL_EMBEDDED_WORKER: _embedded, ...shared } = environment.env;
      const api = startProcess('api', { ...shared, PORT: String(port), HOST: '127.0.0.1' });
      processes.push(api, startProcess('ingestor', shared), startProcess('ingestor', shared));
      const base = `http://127.0.0.1:${port}`;
      await waitFor('the API', async () => ((await fetch(`${base}/health`).catch(() => null))?.status === 200 ? true : undefined), 60_000);

      const login = (await (
        await fetch(`${base}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'admin', password: environment.env.ADMIN_PASSWORD }),
        })
      ).json()) as LoginResponse;
      const headers = { authorization: `Bearer ${login.accessToken}`, 'content-type': 'application/json' };
      // Separate processes run on the system clock, so the fixture's dates are made relative to it.
      const url = feeds.serve('/tin-nhanh.rss', { body: readFixture('feeds/tin-nhanh-thoi-su.rss.xml', new TestClock(new Date())) });
      const created = await fetch(`${base}/api/sources`, { method: 'POST', headers, body: JSON.stringify({ name: 'Tin Nhanh', url, kind: 'rss' }) });
      const source = (await created.json()) as SourceView;

      const page = await waitFor('the ingestors to collect the feed', async () => {
        const result = (await (await fetch(`${base}/api/items?sourceId=${source.id}`, { headers })).json()) as ItemPage;
        return result.total === 3 ? result : undefined;
      });
      expect(new Set(page.items.map((item) => item.url)).size).toBe(3);
      const found = (await (await fetch(`${base}/api/items?q=${encodeURIComponent('thong tin sai lech')}`, { headers })).json()) as ItemPage;
      expect(found.items.map((item) => item.sourceId)).toEqual([source.id]);

      // Both ingestors let their jobs finish and stop on SIGTERM.
      const stopped = processes.map(({ child }) => (child.kill('SIGTERM'), exitOf(child)));
      expect(await Promise.all(stopped)).toEqual(['SIGTERM', 'SIGTERM', 'SIGTERM']);
    });
  }
});
