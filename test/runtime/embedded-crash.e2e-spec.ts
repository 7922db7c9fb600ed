import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ItemDetail, ItemPage, LoginResponse, SourceView } from '@vigil/contracts';
import { TEST_ADMIN_PASSWORD, waitFor } from '@vigil/testing';
import { CollectionFixtureServer } from '../collection/support/collection-fixture-server';
import { articlePage, healthyBriefs, rss2 } from '../fixtures/collection';
import { entry, exitOf, killAll, repositoryRoot, type RunningApp, startProcess } from './support/app-processes';

const ITEMS = 40;
// Each article page answers this late, so many page fetches are in flight or still queued when the app is killed.
const PAGE_DELAY_MS = 150;

const sha256 = (text: string) => createHash('sha256').update(Buffer.from(text)).digest('hex');

/**
 * `npm start` with nothing configured: one process, PGlite persisted in its data directory, in-process jobs.
 * SIGKILL loses every queued and running job with the process; what must survive is in the data directory.
 */
describe('the embedded app killed mid-ingest', () => {
  let workDir: string;
  let site: CollectionFixtureServer;
  const processes: RunningApp[] = [];

  beforeAll(async () => {
    if (!existsSync(entry('api'))) execFileSync('npm', ['run', 'build:server'], { cwd: repositoryRoot, stdio: 'inherit' });
    workDir = mkdtempSync(join(tmpdir(), 'vigil-crash-'));
    site = new CollectionFixtureServer();
    await site.start();
  }, 180_000);

  afterAll(async () => {
    await killAll(processes);
    await site?.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('loses and duplicates no item after a restart on the same data directory, and fetches every page once', async () => {
    const port = 43000 + Math.floor(Math.random() * 1000);
    const base = `http://127.0.0.1:${port}`;
    const env = {
      VIGIL_DATA_DIR: join(workDir, 'data'),
      // The embedded database's socket directory goes here too, so a killed process leaves nothing in the system's /tmp.
      TMPDIR: workDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
      LOG_LEVEL: 'warn',
      VIGIL_FETCH_ALLOWLIST: '127.0.0.1',
      VIGIL_SCHEDULER_TICK_SEC: '1',
      VIGIL_HOST_INTERVAL_MS: '0',
      // Found again by the sweep after the restart: the enrich jobs that were queued died with the process.
      VIGIL_OUTBOX_SWEEP_SEC: '1',
    };
    const start = async () => {
      const app = startProcess('api', env);
      processes.push(app);
      try {
        await waitFor('the app to be ready', async () => {
          if (app.child.exitCode !== null) throw new Error(`it exited with ${app.child.exitCode}`);
          return (await fetch(`${base}/health`).catch(() => null))?.status === 200 ? true : undefined;
        }, 90_000);
      } catch (error) {
        throw new Error(`${(error as Error).message}\n--- its output ---\n${app.output()}`, { cause: error });
      }
      return app;
    };

    const served = new Map<string, string>();
    const finished = new Set<string>();
    const entries = healthyBriefs('nước biển dâng', ITEMS).map((brief, index) => {
      const path = `/nuoc-bien/bai-${index + 1}.html`;
      const html = articlePage(brief);
      served.set(path, sha256(html));
      site.handle(path, (_request, response) => {
        setTimeout(() => {
          response.once('finish', () => finished.add(path));
          response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
        }, PAGE_DELAY_MS);
      });
      return { title: brief.title, link: site.url(path), guid: `nuoc-bien-${index + 1}`, summary: brief.paragraphs[0] };
    });
    const feedUrl = site.feed('/nuoc-bien/rss.xml', rss2({ title: 'Nước biển dâng', link: site.url('/') }, entries));
    const pathOf = (url: string) => new URL(url).pathname;
    const fetchesOf = (path: string) => site.requestsTo(path).length;

    const first = await start();
    const login = async () => {
      const response = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: TEST_ADMIN_PASSWORD }) });
      return { authorization: `Bearer ${((await response.json()) as LoginResponse).accessToken}`, 'content-type': 'application/json' };
    };
    let headers = await login();
    const created = await fetch(`${base}/api/sources`, { method: 'POST', headers, body: JSON.stringify({ name: 'Nước biển dâng', url: feedUrl, kind: 'rss' }) });
    expect(created.status).toBe(201);
    const source = (await created.json()) as SourceView;
    const details = async (): Promise<ItemDetail[]> => {
      const page = (await (await fetch(`${base}/api/items?sourceId=${source.id}&limit=100`, { headers })).json()) as ItemPage;
      return Promise.all(page.items.map(async ({ id }) => (await (await fetch(`${base}/api/items/${id}`, { headers })).json()) as ItemDetail));
    };

    await waitFor('a quarter of the pages to be served', async () => (finished.size >= ITEMS / 4 ? true : undefined), 60_000);
    // What was archived a moment before the kill is committed: those pages must never be fetched again.
    const archivedBeforeKill = new Set((await details()).filter((item) => item.snapshots.length > 0).map((item) => pathOf(item.url)));
    const killedAt = Date.now();
    first.child.kill('SIGKILL');
    expect(await exitOf(first.child)).toBe('SIGKILL');
    // Counted once the process is gone and before the next starts: a request it sent as it was killed counts as its own.
    const requestedBeforeKill = new Set([...served.keys()].filter((path) => fetchesOf(path) > 0));
    console.log(`Killed with ${archivedBeforeKill.size} of ${ITEMS} pages archived, ${requestedBeforeKill.size} requested`);
    expect(requestedBeforeKill.size).toBeLessThan(ITEMS);

    await start();
    headers = await login();
    const final = await waitFor(`all ${ITEMS} items archived after the restart`, async () => {
      const items = await details();
      return items.length === ITEMS && items.every((item) => item.snapshots.length > 0) ? items : undefined;
    }, 90_000);

    // No item lost or stored twice, each with one snapshot of exactly the bytes the site served.
    expect(final.map((item) => item.guid).sort()).toEqual(entries.map((item) => item.guid).sort());
    for (const item of final) {
      expect({ path: pathOf(item.url), hashes: item.snapshots.map((snapshot) => snapshot.contentHash) }).toEqual({ path: pathOf(item.url), hashes: [served.get(pathOf(item.url))] });
    }
    // Every page fetched once; only a page whose fetch the kill cut short (requested, not yet archived) may be asked for again.
    for (const path of served.keys()) {
      const fetches = fetchesOf(path);
      // When each fetch was made, relative to the kill, so a failure says which process asked twice.
      const at = site.requestsTo(path).map((request) => `${request.at - killedAt} ms`);
      if (archivedBeforeKill.has(path) || !requestedBeforeKill.has(path)) expect({ path, fetches, at }).toEqual({ path, fetches: 1, at });
      else expect({ path, fetches: Math.min(fetches, 2), at }).toEqual({ path, fetches, at });
    }
    const refetched = [...served.keys()].filter((path) => fetchesOf(path) > 1).length;
    console.log(`${refetched} page(s) cut short by the kill fetched a second time`);
  }, 240_000);
});
