// The console in a real browser (the system Chromium, driven by playwright-core) against a whole Vigil on a loopback
// port, collecting a fixture feed from a loopback FixtureServer. No browser is ever downloaded: without
// /usr/bin/chromium the suite fails and says how to install it.
import type { ItemPage, SourceView } from '@vigil/contracts';
import { FixtureServer, TEST_ADMIN_PASSWORD, waitFor } from '@vigil/testing';
import type { Browser, Page } from 'playwright-core';
import { readFixture, startVigil, type VigilTestApp } from '../support/vigil-test-app';
import { BrowserPages, consoleDist, ensureConsoleBuilt, escapeRegExp, launchChromium, requireChromium } from './support/console-browser';

const SCREENSHOT = '/tmp/vigil-console.png';


const SOURCE_NAME = 'Tin Nhanh Hà Giang';
const QUERY = 'thong tin sai lech';
const TITLE = 'Thông tin sai lệch về việc đóng cửa trường học lan truyền trên mạng';
const ORIGINAL_URL = 'https://tinnhanh-hagiang.example.vn/thoi-su/thong-tin-sai-lech-dong-cua-truong-hoc.html';
/** The item's <pubDate> is 25 h 45 min before the test clock starts: Thu, 26 Nov 2026 08:15:00 +0700, i.e. 01:15 UTC. */
const PUBLISHED_AT = '2026-11-26T01:15:00.000Z';

describe('Vigil console in a browser', () => {
  let feeds: FixtureServer;
  let feedUrl: string;
  let vigil: VigilTestApp;
  let browser: Browser;
  let pages: BrowserPages;

  beforeAll(async () => {
    requireChromium();
    ensureConsoleBuilt();
    feeds = new FixtureServer();
    await feeds.start();
    vigil = await startVigil({ VIGIL_CONSOLE_DIR: consoleDist });
    feedUrl = feeds.serve('/tin-nhanh.rss', { body: readFixture('feeds/tin-nhanh-thoi-su.rss.xml', vigil.clock) });
    browser = await launchChromium();
    pages = new BrowserPages(browser);
  }, 180_000);

  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await vigil?.close();
    await feeds?.stop();
  });

  async function signIn(page: Page, password = TEST_ADMIN_PASSWORD): Promise<void> {
    await page.goto(vigil.baseUrl);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-user').waitFor();
  }

  async function textOf(page: Page, testId: string): Promise<string> {
    return ((await page.getByTestId(testId).first().textContent()) ?? '').trim();
  }

  /** Waits until the test id's element shows exactly `text` (for language switches and the like). */
  async function waitForText(page: Page, testId: string, text: string): Promise<void> {
    await page.getByTestId(testId).filter({ hasText: new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`) }).first().waitFor();
  }

  /**
   * Runs `action` (a search, a reload, a navigation) and waits until the Items page shows the answer of the
   * /api/items call it caused for `query`: the list on screen before that answer may belong to the previous query.
   */
  async function showResults(page: Page, query: string, action: () => Promise<unknown>): Promise<void> {
    const answered = page.waitForResponse((response) => {
      const url = new URL(response.url());
      return url.pathname === '/api/items' && (url.searchParams.get('q') ?? '') === query;
    });
    await action();
    await answered;
    await page.locator('[aria-busy="false"]').getByTestId('results-total').waitFor();
  }

  async function submitSearch(page: Page, query: string): Promise<void> {
    await showResults(page, query, async () => {
      await page.getByTestId('search-input').fill(query);
      await page.getByTestId('search-submit').click();
    });
    expect(new URL(page.url()).searchParams.get('q')).toBe(query);
  }

  /** Reloads the Items page (the query stays in the URL) until the search finds something: indexing may lag. */
  async function waitForResults(page: Page, query: string): Promise<void> {
    await waitFor(
      'the Items page to show search results',
      async () => {
        if ((await page.getByTestId('result-item').count()) > 0) return true;
        await page.waitForTimeout(300);
        await showResults(page, query, () => page.reload());
        return undefined;
      },
      30_000,
    );
  }

  /** For specs that run without the first one: the fixture feed as a source, collected and searchable. */
  async function ensureFeedCollected(): Promise<void> {
    const token = await vigil.adminToken();
    const sources = await vigil.request<SourceView[]>('GET', '/api/sources', { token });
    if (!sources.body.some((source) => source.url === feedUrl)) {
      const created = await vigil.request('POST', '/api/sources', {
        token,
        body: { name: SOURCE_NAME, url: feedUrl, kind: 'rss', pollIntervalSec: 600 },
      });
      expect(created.status).toBe(201);
    }
    await waitFor('the fixture feed to be searchable', async () => {
      const { body } = await vigil.request<ItemPage>('GET', `/api/items?q=${encodeURIComponent(QUERY)}`, { token });
      return body.total > 0 ? body : undefined;
    });
  }

  it('signs in, adds an RSS feed and finds its items with a diacritic-insensitive search', async () => {
    const page = await pages.open();
    await page.goto(vigil.baseUrl);
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByRole('heading', { name: 'Đăng nhập', exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    expect(await textOf(page, 'login-submit')).toBe('Đăng nhập');

    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(TEST_ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-user').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');

    await page.getByTestId('nav-sources').click();
    await page.waitForURL((url) => url.pathname === '/sources');
    await page.getByRole('heading', { name: 'Nguồn tin', exact: true }).waitFor();
    await page.getByTestId('source-form-name').fill(SOURCE_NAME);
    await page.getByTestId('source-form-url').fill(feedUrl);
    await page.getByTestId('source-form-kind').selectOption('rss');
    await page.getByTestId('source-form-interval').fill('10');
    await page.getByTestId('source-form-submit').click();

    const row = page.getByTestId('source-row').filter({ hasText: SOURCE_NAME });
    await row.waitFor();
    expect(await row.textContent()).toContain(feedUrl);
    await page.getByText(`Đã thêm nguồn “${SOURCE_NAME}”.`).waitFor();

    // The worker collects the new source at once; Refresh until its health says so.
    await waitFor(
      'the source to be collected',
      async () => {
        if ((await row.getByTestId('source-health').textContent())?.trim() === 'Hoạt động tốt') return true;
        await page.waitForTimeout(300);
        await page.getByRole('button', { name: 'Làm mới', exact: true }).click();
        return undefined;
      },
      30_000,
    );

    await page.getByTestId('nav-items').click();
    await page.waitForURL((url) => url.pathname === '/');
    await submitSearch(page, QUERY);
    await waitForResults(page, QUERY);

    const results = page.getByTestId('result-item');
    expect(await results.count()).toBe(1);
    const title = results.first().getByTestId('result-title');
    expect((await title.textContent())?.trim()).toBe(TITLE);
    // The title opens the item in Vigil; the original is its own link, in a new tab.
    expect(await title.getAttribute('href')).toMatch(/^\/items\/[0-9a-f-]{36}$/);
    const original = results.first().getByTestId('result-original');
    expect(await original.getAttribute('href')).toBe(ORIGINAL_URL);
    expect(await original.getAttribute('target')).toBe('_blank');
    expect(await original.getAttribute('rel')).toContain('noopener');
    expect(await textOf(page, 'results-total')).toBe('1 kết quả');
    expect(await results.first().textContent()).toContain(SOURCE_NAME);

    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it('shows a translated login error for a wrong password', async () => {
    const page = await pages.open();
    await page.goto(vigil.baseUrl);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();

    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.getAttribute('role')).toBe('alert');
    expect((await error.textContent())?.trim()).toBe('Sai tên đăng nhập hoặc mật khẩu');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.getByTestId('current-user').count()).toBe(0);
    // The form is usable again for a second try.
    expect(await page.getByTestId('login-submit').isEnabled()).toBe(true);
  });

  it('switches the interface to English and back, remembering the choice', async () => {
    const page = await pages.open();
    await signIn(page);
    await waitForText(page, 'nav-items', 'Mục tin');
    expect(await textOf(page, 'nav-sources')).toBe('Nguồn');

    await page.getByTestId('lang-switch').click();
    await waitForText(page, 'nav-items', 'Items');
    expect(await textOf(page, 'nav-sources')).toBe('Sources');
    expect(await textOf(page, 'logout')).toBe('Sign out');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await page.reload();
    await waitForText(page, 'nav-items', 'Items');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await textOf(page, 'lang-switch')).toBe('VI');

    await page.getByTestId('lang-switch').click();
    await waitForText(page, 'nav-items', 'Mục tin');
    await page.reload();
    await waitForText(page, 'nav-items', 'Mục tin');
    expect(await textOf(page, 'logout')).toBe('Đăng xuất');
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
  });

  it('keeps the search in the URL so a reload shows the same results', async () => {
    await ensureFeedCollected();
    const page = await pages.open();
    await signIn(page);
    await submitSearch(page, QUERY);
    await waitForResults(page, QUERY);
    const searchUrl = page.url();
    const titles = await page.getByTestId('result-title').allTextContents();
    const total = await textOf(page, 'results-total');
    expect(titles).toContain(TITLE);

    await showResults(page, QUERY, () => page.reload());
    expect(page.url()).toBe(searchUrl);
    expect(await page.getByTestId('search-input').inputValue()).toBe(QUERY);
    expect(await page.getByTestId('result-title').allTextContents()).toEqual(titles);
    expect(await textOf(page, 'results-total')).toBe(total);

    // The same address, opened signed out, leads through the login page back to the same search.
    const shared = await pages.open();
    await shared.goto(searchUrl);
    await shared.waitForURL((url) => url.pathname === '/login');
    await shared.getByTestId('login-username').fill('admin');
    await shared.getByTestId('login-password').fill(TEST_ADMIN_PASSWORD);
    await showResults(shared, QUERY, () => shared.getByTestId('login-submit').click());
    expect(new URL(shared.url()).pathname).toBe('/');
    expect(new URL(shared.url()).searchParams.get('q')).toBe(QUERY);
    expect(await shared.getByTestId('search-input').inputValue()).toBe(QUERY);
    expect(await shared.getByTestId('result-title').allTextContents()).toEqual(titles);
  });

  it('shows times in Asia/Ho_Chi_Minh', async () => {
    await ensureFeedCollected();
    const page = await pages.open({ timezoneId: 'UTC' });
    // The browser really runs in UTC, where this instant is 01:15.
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('UTC');
    expect(await page.evaluate((iso) => new Date(iso).getHours(), PUBLISHED_AT)).toBe(1);

    await signIn(page);
    await showResults(page, QUERY, () => page.goto(`${vigil.baseUrl}/?q=${encodeURIComponent(QUERY)}`));
    await waitForResults(page, QUERY);
    const result = page.getByTestId('result-item').filter({ hasText: TITLE });
    const time = result.locator('time');
    expect(await time.getAttribute('datetime')).toBe(PUBLISHED_AT);
    // The list shows how long ago; the absolute Vietnam time is on hover.
    const vietnamese = (await time.getAttribute('title')) ?? '';
    expect(vietnamese).toContain('08:15');
    expect(vietnamese).toContain('2026');
    expect(vietnamese).not.toContain('01:15');

    await page.getByTestId('lang-switch').click();
    await waitForText(page, 'nav-items', 'Items');
    expect(await time.getAttribute('title')).toMatch(/26 Nov 2026.*08:15/);
  });
});
