// The Live screen across a dropped connection (issue 9, "a reconnect indicator that shows replay catching up"): the API
// stops and starts again on the same address while a duty officer's page stays open; flags raised meanwhile arrive
// by replay, each once. A burst raises the spike banner; the lower-tier digest shows in its panel when its period ends;
// the order switch reads the queue learned from decisions. System Chromium, embedded database kept on disk
// (PostgreSQL with TEST_DATABASE_URL), the test clock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { ItemFlagger } from '@vigil/detection';
import { prepareTestEnvironment, TEST_ADMIN_PASSWORD, TestClock, type TestEnvironment, within } from '@vigil/testing';
import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { freePort, startApiProcess, type ApiProcess } from '../live/support/live-app';
import { BrowserPages, consoleDist, ensureConsoleBuilt, launchChromium, requireChromium } from './support/console-browser';

const BUCKET_MIN = 5;

describe('Live screen: reconnect with replay, the spike banner, the digest and the learned order', () => {
  let environment: TestEnvironment;
  let dataDir: string | null = null;
  let api: ApiProcess;
  let port: number;
  let browser: Browser;
  let pages: BrowserPages;
  /** The duty officer's page, open through both tests. */
  let page: Page;
  const clock = new TestClock();
  let sourceId: string;
  let counter = 0;

  beforeAll(async () => {
    requireChromium();
    ensureConsoleBuilt();
    dataDir = process.env.TEST_DATABASE_URL ? null : mkdtempSync(join(tmpdir(), 'vigil-live-ui-'));
    environment = await prepareTestEnvironment({
      ...(dataDir ? { VIGIL_DATA_DIR: join(dataDir, 'data'), TMPDIR: dataDir } : {}),
      VIGIL_CONSOLE_DIR: consoleDist,
      VIGIL_SCHEDULER_TICK_SEC: '1',
      VIGIL_SPIKE_BUCKET_MINUTES: String(BUCKET_MIN),
      VIGIL_SPIKE_HISTORY_BUCKETS: '3',
      VIGIL_SPIKE_MIN_COUNT: '4',
      VIGIL_DIGEST_INTERVAL_MINUTES: '30',
    });
    port = await freePort();
    api = await startApiProcess(environment.env, clock, port);
    const token = await api.adminToken();
    const source = await api.request<{ id: string }>('POST', '/api/sources', { token, body: { name: 'Báo Sông Hồng', url: 'http://127.0.0.1:9/rss.xml', kind: 'rss', paused: true } });
    sourceId = source.body.id;
    expect((await api.request('POST', '/api/rules', { token, body: { name: 'Ngập úng', query: '"ngập"', severity: 'high' } })).status).toBe(201);
    browser = await launchChromium();
    pages = new BrowserPages(browser);
  }, 180_000);

  afterAll(async () => {
    expect(await pages?.closeAll()).toEqual([]);
    await browser?.close();
    await api?.close();
    await environment?.cleanup();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** Stores news items about flooding at the clock's now and flags them, as a poll would. */
  async function collect(count: number): Promise<string[]> {
    const db = api.app.get(DataSource, { strict: false });
    const ids: string[] = [];
    for (let n = 0; n < count; n += 1) {
      counter += 1;
      const title = `Ngập sâu ở phố ${counter}, xe máy chết máy hàng loạt`;
      const [row]: { id: string }[] = await within(`Storing item ${counter}`, db.query(
        `INSERT INTO items (source_id, dedupe_key, guid, url, canonical_url, title, content, text, snippet, language, fetched_at, search_title, search_text, content_hash)
         VALUES ($1, $2, $2, $3, $3, $4, $4, $4, $4, 'vi', $5, $4, $4, $6) RETURNING id`,
        [sourceId, `ngap-${counter}`, `https://songhong.example.vn/ngap-${counter}.html`, title, clock.now(), randomUUID()],
      ));
      ids.push(row!.id);
      await within(`Flagging item ${counter}`, api.app.get(ItemFlagger, { strict: false }).flagItems([row!.id]));
    }
    return ids;
  }

  const rowIds = (on: Page) => on.getByTestId('flag-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-flag-id')));

  it('replays the flags raised while the API was down, each once, and shows the spike banner for a burst', async () => {
    page = await pages.open();
    await page.goto(`${api.baseUrl}/live`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(TEST_ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.locator('[data-testid="live-connection"][data-state="connected"]').waitFor();

    await collect(1);
    await page.getByTestId('flag-row').first().waitFor();

    // The API stops: the page says it is reconnecting. It comes back on the same address, and flags are raised
    // before the page is back: they come by replay after the last event the page applied.
    await within('Stopping the API', api.close());
    await page.locator('[data-testid="live-connection"][data-state="reconnecting"]').waitFor();
    api = await within('Starting the API again', startApiProcess(environment.env, clock, port));
    await collect(2);
    await page.locator('[data-testid="live-connection"][data-state="connected"]').waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="flag-row"]').length >= 3);
    // Time for a duplicate to arrive, if one were sent.
    await page.waitForTimeout(1_000);
    const ids = await rowIds(page);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);

    // A quiet baseline of one item per bucket, then a burst in one bucket: one spike banner, naming the rule.
    for (let bucket = 0; bucket < 3; bucket += 1) {
      clock.advance(BUCKET_MIN * 60_000);
      await collect(1);
    }
    clock.advance(BUCKET_MIN * 60_000);
    await collect(6);
    const banner = page.getByTestId('spike-banner');
    await banner.waitFor({ timeout: 20_000 });
    expect(await banner.count()).toBe(1);
    expect(await banner.getByTestId('spike-title').textContent()).toBe('Đột biến: Ngập úng');
    expect(await rowIds(page)).toHaveLength(new Set(await rowIds(page)).size);
  }, 180_000);

  it('shows the digest of lower-tier flags when its period ends, and orders the queue as learned on request', async () => {
    clock.advance(30 * 60_000);
    const panel = page.getByTestId('digest-panel');
    await page.getByTestId('digest').first().waitFor({ state: 'attached', timeout: 20_000 });
    await panel.locator('summary').click();
    expect(await panel.locator('summary').textContent()).toMatch(/kỳ gần nhất: \d+ cảnh báo/);
    expect(await panel.getByTestId('digest-counts').first().textContent()).toMatch(/^Cao: \d+ · Trung bình: 0 · Thấp: 0$/);

    const learned = page.waitForRequest((request) => request.url().includes('/api/flags') && request.url().includes('sort=learned'));
    await page.getByTestId('live-sort').selectOption('learned');
    await learned;
    await page.getByTestId('flag-row').first().waitFor();
    await page.reload();
    expect(await page.getByTestId('live-sort').inputValue()).toBe('learned');
  }, 120_000);
});
