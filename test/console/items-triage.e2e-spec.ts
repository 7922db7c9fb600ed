// The Items list as a triage screen (issue 8), in the system Chromium against a whole Vigil on the test clock: one
// app for the suite, the browser's clock set to the app's so relative times are stable.
import type { ItemPage, SourceView } from '@vigil/contracts';
import { FixtureServer, TEST_ADMIN_PASSWORD, waitFor } from '@vigil/testing';
import type { Browser, Page } from 'playwright-core';
import { BURST_DIKE, ENGLISH_CLAIM, ENGLISH_ENTRIES, INFERTILITY_RUMOUR, triageFeed, VIETNAMESE_ENTRIES } from '../fixtures/triage/triage-feeds';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';
import { BrowserPages, consoleDist, ensureConsoleBuilt, launchChromium, requireChromium } from './support/console-browser';

describe('Items list for triage in a browser', () => {
  let feeds: FixtureServer;
  let vigil: VigilTestApp;
  let browser: Browser;
  let pages: BrowserPages;

  beforeAll(async () => {
    requireChromium();
    ensureConsoleBuilt();
    feeds = new FixtureServer();
    await feeds.start();
    vigil = await startVigil({ VIGIL_CONSOLE_DIR: consoleDist });
    const token = await vigil.adminToken();
    for (const [name, language, entries] of [
      ['Tin Miền Núi', 'vi', VIETNAMESE_ENTRIES],
      ['Riverside Herald', 'en', ENGLISH_ENTRIES],
    ] as const) {
      const url = feeds.serve(`/${language}.rss`, { body: triageFeed(vigil.clock, { title: name, site: `https://${language}.triage.example.vn`, language, entries }) });
      expect((await vigil.request<SourceView>('POST', '/api/sources', { token, body: { name, url, kind: 'rss', pollIntervalSec: 900 } })).status).toBe(201);
    }
    const all = VIETNAMESE_ENTRIES.length + ENGLISH_ENTRIES.length;
    await waitFor('both feeds collected', async () => ((await vigil.request<ItemPage>('GET', '/api/items', { token })).body.total === all ? true : undefined), 30_000);
    browser = await launchChromium();
    pages = new BrowserPages(browser);
  }, 120_000);

  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await vigil?.close();
    await feeds?.stop();
  });

  async function openSignedIn(viewport = { width: 1366, height: 800 }): Promise<{ page: Page }> {
    const page = await pages.open({ viewport });
    await page.clock.install({ time: vigil.clock.now() });
    await page.goto(vigil.baseUrl);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(TEST_ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-user').waitFor();
    return { page };
  }

  async function showList(page: Page, path: string): Promise<void> {
    const answered = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/items');
    await page.goto(`${vigil.baseUrl}${path}`);
    await answered;
    await page.locator('[aria-busy="false"]').getByTestId('results-total').waitFor();
  }

  it('fits at least 15 items on a 1366×800 screen in compact mode, remembered after a reload', async () => {
    const { page } = await openSignedIn();
    await showList(page, '/');
    const visible = () =>
      page.getByTestId('result-item').evaluateAll((items) => items.filter((item) => item.getBoundingClientRect().bottom <= window.innerHeight).length);
    expect(await visible()).toBeLessThan(15);
    await page.getByTestId('compact-toggle').click();
    expect(await page.getByTestId('compact-toggle').getAttribute('aria-pressed')).toBe('true');
    expect(await visible()).toBeGreaterThanOrEqual(15);
    await showList(page, '/');
    expect(await page.getByTestId('compact-toggle').getAttribute('aria-pressed')).toBe('true');
    expect(await visible()).toBeGreaterThanOrEqual(15);
  });

  it('highlights matches whatever the accents, ranks the exact spelling first and sorts by time on request', async () => {
    const { page } = await openSignedIn();
    await showList(page, `/?q=${encodeURIComponent('hoa')}`);
    const marks = await page.locator('[data-testid="result-item"] mark').allTextContents();
    expect(marks).toEqual(expect.arrayContaining(['hòa', 'Hoà', 'hoà']));
    // Marks are elements the console made, not markup from the feed.
    expect(await page.locator('[data-testid="result-item"] mark mark').count()).toBe(0);

    await showList(page, `/?q=${encodeURIComponent('vỡ')}`);
    expect(await page.getByTestId('sort-select').inputValue()).toBe('relevance');
    expect((await page.getByTestId('result-title').allTextContents()).slice(0, 2)).toEqual([BURST_DIKE, INFERTILITY_RUMOUR]);
    const sorted = page.waitForResponse((response) => new URL(response.url()).searchParams.get('sort') === 'newest');
    await page.getByTestId('sort-select').selectOption('newest');
    await sorted;
    await page.locator('[aria-busy="false"]').getByTestId('results-total').waitFor();
    expect((await page.getByTestId('result-title').allTextContents()).slice(0, 2)).toEqual([INFERTILITY_RUMOUR, BURST_DIKE]);
  });

  it('shows facet counts for the list that filter when clicked, and loads the next page by its cursor', async () => {
    const { page } = await openSignedIn();
    await showList(page, '/');
    const all = VIETNAMESE_ENTRIES.length + ENGLISH_ENTRIES.length;
    const languageCounts = await page.getByTestId('facets-languages').locator('.facet-count').allTextContents();
    expect(languageCounts).toEqual([String(VIETNAMESE_ENTRIES.length), String(ENGLISH_ENTRIES.length)]);
    const dayCounts = await page.getByTestId('facets-days').locator('.facet-count').allTextContents();
    expect(dayCounts.reduce((sum, count) => sum + Number(count), 0)).toBe(all);
    expect(await page.getByTestId('facets-days').locator('.facet-bar').count()).toBe(dayCounts.length);

    expect(await page.getByTestId('result-item').count()).toBe(20);
    const next = page.waitForResponse((response) => new URL(response.url()).searchParams.has('cursor'));
    await page.getByTestId('load-more').click();
    await next;
    await page.getByTestId('result-item').nth(all - 1).waitFor();
    expect(await page.getByTestId('result-item').count()).toBe(all);
    expect(await page.getByTestId('load-more').count()).toBe(0);

    const english = page.waitForResponse((response) => new URL(response.url()).searchParams.get('language') === 'en');
    await page.getByTestId('facets-languages').getByTestId('facet').filter({ hasText: 'English' }).click();
    await english;
    await page.locator('[aria-busy="false"]').getByTestId('results-total').waitFor();
    expect((await page.getByTestId('result-title').allTextContents()).length).toBe(ENGLISH_ENTRIES.length);
    expect(await page.getByTestId('facets-languages').getByTestId('facet').getAttribute('aria-pressed')).toBe('true');
  });

  it('shows relative Vietnam times, language names and opens the item in Vigil with the original a separate link', async () => {
    const { page } = await openSignedIn();
    await showList(page, '/?language=en');
    expect(await page.getByTestId('language-filter').inputValue()).toBe('en');
    const claim = page.getByTestId('result-item').filter({ hasText: ENGLISH_CLAIM });
    expect((await claim.getByTestId('relative-time').textContent())?.trim()).toBe('5 giờ trước');
    const absolute = (await claim.getByTestId('relative-time').getAttribute('title')) ?? '';
    expect(absolute).toMatch(/\(Giờ Việt Nam\)$/);
    expect(await page.getByTestId('time-zone').textContent()).toContain('ICT');
    expect((await claim.getByTestId('result-language').textContent())?.trim()).toBe('English');
    expect(await page.getByTestId('result-language').allTextContents()).not.toContain('en');

    const original = claim.getByTestId('result-original');
    expect(await original.getAttribute('href')).toBe('https://en.triage.example.vn/tap-water.html');
    expect(await original.getAttribute('aria-label')).toBe(`Mở bài gốc: ${ENGLISH_CLAIM} (thẻ mới)`);
    await claim.getByTestId('result-title').click();
    await page.waitForURL((url) => url.pathname.startsWith('/items/'));

    await page.getByTestId('lang-switch').click();
    await showList(page, '/?language=en');
    expect((await claim.getByTestId('relative-time').textContent())?.trim()).toBe('5 hours ago');
    expect(await claim.getByTestId('relative-time').getAttribute('title')).toMatch(/\(Vietnam time\)$/);
  });

  it('filters by date range and offers to clear filters when nothing matches', async () => {
    const { page } = await openSignedIn();
    await showList(page, '/?from=2000-01-01&to=2000-01-31');
    expect(await page.getByTestId('result-item').count()).toBe(0);
    await page.getByTestId('empty-clear-filters').click();
    await page.waitForURL((url) => url.search === '');
    await page.locator('[aria-busy="false"]').getByTestId('result-item').first().waitFor();
  });

  it('offers no Retry on a missing item', async () => {
    const { page } = await openSignedIn();
    await page.goto(`${vigil.baseUrl}/items/7b0e4a52-9a2f-4c61-8d0e-3f1f6f0a9c11`);
    await page.getByTestId('error-state').waitFor();
    expect(await page.getByTestId('error-retry').count()).toBe(0);
  });

  it('has no horizontal page scroll at 390 px on the items and sources pages', async () => {
    const { page } = await openSignedIn({ width: 390, height: 844 });
    await showList(page, '/');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.goto(`${vigil.baseUrl}/sources`);
    await page.getByTestId('source-row').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
