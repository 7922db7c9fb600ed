// Collection as an analyst meets it in the console: a news site added by its home page, its articles read in the
// item page (extracted text, byline, canonical address, archived snapshot, same-story copies), and the sources'
// row actions and OPML export. The system Chromium (playwright-core) drives a whole Vigil on a loopback port; the
// news sites are loopback CollectionFixtureServers. No browser is ever downloaded: without /usr/bin/chromium the
// suite fails and says how to install it.
import { readFile } from 'node:fs/promises';
import type { ItemDetail, SourceView } from '@vigil/contracts';
import { TEST_ADMIN_PASSWORD, waitFor } from '@vigil/testing';
import type { Browser, Locator, Page } from 'playwright-core';
import { CollectionFixtureServer } from '../collection/support/collection-fixture-server';
import { CollectionHarness, PIPELINE_TIMEOUT_MS } from '../collection/support/collection-harness';
import { articlePage, pageWithFeedLinks, rss2, STORIES, syndicatedCopy } from '../fixtures/collection';
import { BrowserPages, consoleDist, ensureConsoleBuilt, escapeRegExp, launchChromium, requireChromium } from './support/console-browser';

const ITEM_SCREENSHOT = '/tmp/vigil-item-detail.png';

const SITE_NAME = 'Báo Hòa Sơn Điện Tử';
const FEED_PATH = '/rss/tin-moi.rss';
const WATER = STORIES.waterRumour;
const FLU = STORIES.fluMedicine;
const WATER_PATH = '/thoi-su/hoa-son-bac-bo-tin-don-cat-nuoc.html';
const FLU_PATH = '/suc-khoe/canh-bao-thuoc-chua-cum-gia.html';

const SYNDICATOR_NAME = 'Báo Lạc Viên — Thời sự';
const COPY = syndicatedCopy(WATER, 'Báo Lạc Viên', SITE_NAME);
const COPY_TITLE = 'Không có chuyện cắt nước sinh hoạt toàn thành phố Hòa Sơn';
const COPY_PATH = '/thoi-su/khong-cat-nuoc-toan-thanh-pho.html';

/** The Vietnamese interface (the default) as the specs read it. */
const VI = {
  auto: 'Tự phát hiện',
  ok: 'Hoạt động tốt',
  paused: 'Tạm dừng',
  pause: 'Tạm dừng',
  resume: 'Tiếp tục',
  refresh: 'Làm mới',
  watch: 'Theo dõi thay đổi',
  unwatch: 'Bỏ theo dõi',
  watching: 'Đang theo dõi: bạn sẽ được báo khi bài bị sửa hoặc gỡ.',
  noEvents: 'Chưa ghi nhận thay đổi nào.',
  exportLink: 'Tải xuống danh sách nguồn (OPML)',
  sparkline: (counts: number[]) => `Số mục tin mới mỗi ngày trong 14 ngày qua (cũ nhất trước): ${counts.join(', ')}`,
};

describe('Vigil console: collecting news sites', () => {
  let site: CollectionFixtureServer;
  let syndicator: CollectionFixtureServer;
  let vigil: CollectionHarness;
  let browser: Browser;
  let pages: BrowserPages;

  let homeUrl: string;
  let feedUrl: string;
  /** The address the feed links the water story with: tracking parameters included, as publishers do. */
  let waterLink: string;
  let copyUrl: string;

  beforeAll(async () => {
    requireChromium();
    ensureConsoleBuilt();
    site = new CollectionFixtureServer();
    syndicator = new CollectionFixtureServer();
    await Promise.all([site.start(), syndicator.start()]);

    // The site's canonical link carries tracking parameters too; Vigil must store it without them.
    site.page(WATER_PATH, articlePage(WATER, { siteName: SITE_NAME, canonical: `${WATER_PATH}?utm_source=rss&utm_medium=feed&utm_campaign=sang` }));
    site.page(FLU_PATH, articlePage(FLU, { siteName: SITE_NAME }));
    waterLink = site.url(`${WATER_PATH}?utm_source=rss&utm_medium=feed`);
    // The feed carries only each story's lead: the rest of the text can only come from the article page.
    feedUrl = site.feed(
      FEED_PATH,
      rss2({ title: `${SITE_NAME} — Tin mới`, link: site.url('/') }, [
        { title: WATER.title, link: waterLink, guid: 'hs-tm-0001', published: 'Fri, 20 Nov 2026 08:30:00 +0700', summary: WATER.paragraphs[0] },
        { title: FLU.title, link: site.url(FLU_PATH), guid: 'hs-tm-0002', published: 'Sat, 21 Nov 2026 14:05:00 +0700', summary: FLU.paragraphs[0] },
      ]),
    );
    homeUrl = site.page('/', pageWithFeedLinks(SITE_NAME, [{ href: FEED_PATH, type: 'application/rss+xml', title: 'Tin mới nhất' }]));

    copyUrl = syndicator.page(COPY_PATH, articlePage(COPY, { siteName: 'Báo Lạc Viên' }));
    syndicator.feed(
      '/rss/thoi-su.rss',
      rss2({ title: SYNDICATOR_NAME, link: syndicator.url('/thoi-su/') }, [
        { title: COPY_TITLE, link: copyUrl, guid: 'lv-ts-301', published: 'Fri, 20 Nov 2026 09:10:00 +0700', summary: 'Công ty cấp nước bác bỏ tin cắt nước trên toàn thành phố.' },
      ]),
    );

    vigil = await CollectionHarness.start({ VIGIL_CONSOLE_DIR: consoleDist });
    browser = await launchChromium();
    pages = new BrowserPages(browser);
  }, 180_000);

  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await vigil?.close();
    await Promise.all([site?.stop(), syndicator?.stop()]);
  });

  /** A signed-in page in a fresh browser context; uncaught page errors fail the spec. */
  async function signedInPage(): Promise<Page> {
    const page = await pages.open();
    await page.goto(vigil.vigil.baseUrl);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(TEST_ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-user').waitFor();
    return page;
  }

  async function openSources(page: Page): Promise<void> {
    await page.getByTestId('nav-sources').click();
    await page.waitForURL((url) => url.pathname === '/sources');
    await page.getByRole('heading', { name: 'Nguồn tin', exact: true }).waitFor();
  }

  function rowOf(page: Page, name: string): Locator {
    return page.getByTestId('source-row').filter({ has: page.locator('.source-name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }) });
  }

  /** Waits until the locator shows exactly `text` (whitespace around it aside). */
  async function expectText(locator: Locator, text: string): Promise<void> {
    await locator.filter({ hasText: new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`) }).first().waitFor();
  }

  async function refreshSources(page: Page): Promise<void> {
    const answered = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/sources' && response.request().method() === 'GET');
    await page.getByRole('button', { name: VI.refresh, exact: true }).click();
    await answered;
    await page.locator('.busy-region[aria-busy="false"]').waitFor();
  }

  async function sourceByUrl(url: string): Promise<SourceView | undefined> {
    const { body } = await vigil.vigil.request<SourceView[]>('GET', '/api/sources', { token: vigil.token });
    return body.find((source) => source.url === url);
  }

  /** For specs that run without the first one: the site as a source, added by its home page. */
  async function siteSource(): Promise<SourceView> {
    return (await sourceByUrl(feedUrl)) ?? (await vigil.addSource({ name: SITE_NAME, url: homeUrl, kind: 'auto' }));
  }

  /** The site's source with both items collected and healthy. */
  async function ensureSiteSource(): Promise<SourceView> {
    const source = await siteSource();
    return vigil.waitForSource(source.id, 'to be collected and healthy', (view) => view.health.status === 'ok' && view.health.dailyItemCounts.reduce((a, b) => a + b, 0) === 2);
  }

  /** The site's water story enriched from its page, and the syndicator's copy of it linked into the same story. */
  async function ensureStoryCollected(): Promise<{ item: ItemDetail; copy: ItemDetail; source: SourceView; copySource: SourceView }> {
    const source = await ensureSiteSource();
    const [item] = await vigil.waitForArticles(source.id, [
      { url: waterLink, article: WATER },
      { url: site.url(FLU_PATH), article: FLU },
    ]);
    const copySource = (await sourceByUrl(syndicator.url('/rss/thoi-su.rss'))) ?? (await vigil.addSource({ name: SYNDICATOR_NAME, url: syndicator.url('/rss/thoi-su.rss'), kind: 'rss' }));
    const [copy] = await vigil.waitForArticles(copySource.id, [{ url: copyUrl, article: COPY }]);
    const linked = await waitFor(
      'the syndicated copy to join the water story',
      async () => {
        const now = await vigil.item(item!.id);
        return now.storyItems.some((other) => other.id === copy!.id) ? now : undefined;
      },
      PIPELINE_TIMEOUT_MS,
    );
    return { item: linked, copy: copy!, source, copySource };
  }

  it('adds a news site by its home page with auto-detect and shows it collecting', async () => {
    const page = await signedInPage();
    await openSources(page);

    await page.getByTestId('source-form-name').fill(SITE_NAME);
    await page.getByTestId('source-form-url').fill(homeUrl);
    await page.getByTestId('source-form-kind').selectOption({ label: VI.auto });
    expect(await page.getByTestId('source-form-kind').inputValue()).toBe('auto');
    await page.getByTestId('source-form-submit').click();

    // The notice says what detection found: the kind, and the feed behind the home page.
    await expectText(page.getByTestId('notice').locator('span'), `Đã thêm nguồn “${SITE_NAME}”. Loại nguồn nhận diện được: RSS. Đã tìm thấy kênh tin tại ${feedUrl}.`);
    expect(await page.getByTestId('source-form-url').inputValue()).toBe('');
    expect(await page.getByTestId('source-form-kind').inputValue()).toBe('auto');

    const row = rowOf(page, SITE_NAME);
    await row.waitFor();
    const cells = row.locator(':scope > td');
    // The visible text: the cell's label shows only in the stacked cards of a narrow screen.
    expect((await cells.nth(2).innerText()).trim()).toBe('RSS');
    const link = cells.nth(1).getByRole('link');
    expect((await link.textContent())?.trim()).toBe(feedUrl);
    expect(await link.getAttribute('href')).toBe(feedUrl);

    // The worker collects the new source at once; Refresh until the row says it is healthy and has counted both items.
    await waitFor(
      'the source row to show a healthy, collecting source',
      async () => {
        const health = (await row.getByTestId('source-health').textContent())?.trim();
        const perDay = (await row.getByTestId('source-items-per-day').textContent())?.trim();
        if (health === VI.ok && perDay === '0,3') return true;
        await page.waitForTimeout(300);
        await refreshSources(page);
        return undefined;
      },
      PIPELINE_TIMEOUT_MS,
    );
    const badge = row.getByTestId('source-health');
    expect(await badge.getAttribute('class')).toBe('badge health-ok');
    expect(await row.getByTestId('source-paused').count()).toBe(0);
    // Two items today out of a seven-day average: 2 / 7 ≈ 0,3 per day, shown with the Vietnamese decimal comma.
    expect((await row.getByTestId('source-items-per-day').textContent())?.trim()).toBe('0,3');
    const sparkline = row.getByTestId('source-sparkline');
    expect(await sparkline.isVisible()).toBe(true);
    const daily = [...new Array<number>(13).fill(0), 2];
    expect(await sparkline.getAttribute('aria-label')).toBe(VI.sparkline(daily));
    expect(await sparkline.locator('rect').count()).toBe(14);
    expect(await sparkline.locator('rect.sparkline-bar').count()).toBe(1);

    // What the site saw: its home page once (detection), then the feed and both article pages.
    expect(site.requestsTo('/').length).toBeGreaterThanOrEqual(1);
    expect(site.requestsTo(FEED_PATH).length).toBeGreaterThanOrEqual(1);
    const source = await sourceByUrl(feedUrl);
    expect(source).toMatchObject({ name: SITE_NAME, kind: 'rss', url: feedUrl, paused: false });
  });

  it('opens an item and sees its extracted article, byline, archived snapshot and story', async () => {
    const { item, copy } = await ensureStoryCollected();
    const page = await signedInPage();
    await page.getByTestId('nav-items').click();
    await page.locator('.busy-region[aria-busy="false"]').getByTestId('results-total').waitFor();
    const result = page.getByTestId('result-item').filter({ hasText: WATER.title }).filter({ hasText: SITE_NAME });
    expect(await result.count()).toBe(1);
    await result.getByTestId('result-title').click();
    await page.waitForURL((url) => url.pathname === `/items/${item.id}`);
    const detail = page.getByTestId('item-detail');
    await detail.waitFor();

    expect((await detail.getByRole('heading', { level: 1 }).textContent())?.trim()).toBe(WATER.title);
    expect(await detail.locator('dl.details').textContent()).toContain(SITE_NAME);

    // The whole article from the page, paragraph by paragraph (the feed had only the lead), without the site's furniture
    // (its javascript: "Bấm vào đây" control included).
    const paragraphs = (await page.getByTestId('item-text').locator('p').allTextContents()).map((text) => text.trim());
    expect(paragraphs).toEqual(WATER.paragraphs);
    expect(await page.getByTestId('item-text').getAttribute('lang')).toBe('vi');

    expect((await page.getByTestId('item-byline').textContent())?.trim()).toBe(WATER.byline);
    const canonical = page.getByTestId('item-canonical');
    expect((await canonical.textContent())?.trim()).toBe(site.url(WATER_PATH));
    expect(await canonical.getAttribute('href')).toBe(site.url(WATER_PATH));
    expect(await canonical.textContent()).not.toContain('utm_');
    await expectText(page.getByTestId('item-events').locator('p'), VI.noEvents);

    // One archived copy, fetched with HTTP 200 from the address the feed gave.
    const snapshots = page.getByTestId('item-snapshots').getByTestId('item-snapshot');
    expect(await snapshots.count()).toBe(1);
    const snapshotCells = snapshots.first().locator(':scope > td');
    expect((await snapshotCells.nth(1).textContent())?.trim()).toBe('200');
    expect((await snapshotCells.nth(2).textContent())?.trim()).toBe(waterLink);
    expect((await snapshotCells.nth(3).locator('code').getAttribute('title'))).toBe(item.snapshots[0]!.contentHash);
    const snapshotLink = page.getByTestId('item-snapshot-link');
    const href = (await snapshotLink.getAttribute('href'))!;
    const snapshotAddress = new URL(href, vigil.vigil.baseUrl);
    expect(snapshotAddress.pathname).toBe(`/api/items/${item.id}/snapshot`);
    expect(snapshotAddress.searchParams.get('snapshotId')).toBe(item.snapshots[0]!.id);
    expect(snapshotAddress.searchParams.get('lang')).toBe('vi');
    expect(await snapshotLink.getAttribute('target')).toBe('_blank');
    expect(await snapshotLink.getAttribute('rel')).toContain('noopener');

    // The snapshot as the browser gets it with the session cookie: the article as published, and no script.
    const served = await page.evaluate(async (url) => {
      const response = await fetch(url);
      return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
    }, href);
    expect(served.status).toBe(200);
    expect(served.contentType).toMatch(/^text\/html/);
    for (const paragraph of WATER.paragraphs) expect(served.text).toContain(paragraph);
    expect(served.text.toLowerCase()).not.toContain('<script');
    expect(served.text).toContain('Bản lưu của Vigil');

    // Opening the link shows the same archived page in a new tab.
    const [tab] = await Promise.all([page.context().waitForEvent('page'), snapshotLink.click()]);
    await tab.waitForLoadState();
    expect(new URL(tab.url()).pathname).toBe(`/api/items/${item.id}/snapshot`);
    expect(await tab.locator('body').innerText()).toContain(WATER.paragraphs[1]);
    await tab.close();

    // The syndicated copy from the other site is listed as the same story.
    const storyLinks = page.getByTestId('item-story').getByTestId('item-story-link');
    expect(await storyLinks.allTextContents()).toEqual([COPY_TITLE]);
    expect(await storyLinks.first().getAttribute('href')).toBe(`/items/${copy.id}`);
    expect(await page.getByTestId('item-story').locator('li').first().textContent()).toContain(SYNDICATOR_NAME);

    await page.screenshot({ path: ITEM_SCREENSHOT, fullPage: true });

    // Watching: the button names the next action and a note says the item is watched, also after a reload.
    const watch = page.getByTestId('item-watch');
    expect((await watch.textContent())?.trim()).toBe(VI.watch);
    await watch.click();
    await expectText(watch, VI.unwatch);
    await expectText(page.locator('.watch .muted'), VI.watching);
    await page.reload();
    await detail.waitFor();
    await expectText(page.getByTestId('item-watch'), VI.unwatch);
    await expectText(page.locator('.watch .muted'), VI.watching);
    expect((await vigil.item(item.id)).watched).toBe(true);

    await page.getByTestId('item-watch').click();
    await expectText(page.getByTestId('item-watch'), VI.watch);
    expect(await page.locator('.watch .muted').count()).toBe(0);
    await page.reload();
    await detail.waitFor();
    await expectText(page.getByTestId('item-watch'), VI.watch);
    expect((await vigil.item(item.id)).watched).toBe(false);
  });

  it('pauses and resumes a source from its row', async () => {
    const source = await ensureSiteSource();
    const page = await signedInPage();
    await openSources(page);
    const row = rowOf(page, SITE_NAME);
    await expectText(row.getByTestId('source-health'), VI.ok);

    await row.getByRole('button', { name: `Tạm dừng nguồn ${SITE_NAME}`, exact: true }).click();
    await expectText(page.getByTestId('notice').locator('span'), `Đã tạm dừng nguồn “${SITE_NAME}”.`);
    await expectText(row.getByTestId('source-health'), VI.paused);
    await expectText(row.getByTestId('source-pause'), VI.resume);
    expect(await row.getAttribute('class')).toBe('source-paused');
    expect(await vigil.source(source.id)).toMatchObject({ paused: true, nextFetchAt: null, health: { status: 'paused' } });

    // The pause is stored, not just shown.
    await page.reload();
    await expectText(rowOf(page, SITE_NAME).getByTestId('source-health'), VI.paused);
    await expectText(rowOf(page, SITE_NAME).getByTestId('source-pause'), VI.resume);

    // Resuming collects the source at once: the site sees its feed asked for again.
    const feedRequestsBefore = site.requestsTo(FEED_PATH).length;
    await rowOf(page, SITE_NAME).getByRole('button', { name: `Tiếp tục lấy tin từ nguồn ${SITE_NAME}`, exact: true }).click();
    await expectText(page.getByTestId('notice').locator('span'), `Đã tiếp tục lấy tin từ nguồn “${SITE_NAME}”.`);
    await expectText(rowOf(page, SITE_NAME).getByTestId('source-health'), VI.ok);
    await expectText(rowOf(page, SITE_NAME).getByTestId('source-pause'), VI.pause);
    expect(await rowOf(page, SITE_NAME).getAttribute('class')).toBeNull();
    const resumed = await vigil.source(source.id);
    expect(resumed).toMatchObject({ paused: false, health: { status: 'ok' } });
    expect(resumed.nextFetchAt).not.toBeNull();
    await waitFor('the resumed source to be fetched again', async () => (site.requestsTo(FEED_PATH).length > feedRequestsBefore ? true : undefined), PIPELINE_TIMEOUT_MS);
    await page.reload();
    await expectText(rowOf(page, SITE_NAME).getByTestId('source-pause'), VI.pause);
  });

  it('says in Vietnamese why a source is failing, and in English after switching, never with the server\'s English', async () => {
    const goneUrl = site.gone('/rss/chuyen-muc-da-xoa.rss');
    const gone = await vigil.addSource({ name: 'Chuyên mục đã xoá', url: goneUrl, kind: 'rss' });
    const failing = await vigil.waitForFailing(gone.id);
    expect(failing.health).toMatchObject({ lastError: `HTTP 404 from ${goneUrl}`, lastErrorCode: 'not_found', lastErrorParams: { httpStatus: 404 } });

    const page = await signedInPage();
    await openSources(page);
    const lastError = rowOf(page, 'Chuyên mục đã xoá').getByTestId('source-last-error');
    await expectText(lastError, 'Lỗi gần nhất: Máy chủ trả về HTTP 404: không tìm thấy trang.');
    expect(await lastError.getAttribute('data-code')).toBe('not_found');
    expect(await page.locator('body').textContent()).not.toContain(failing.health.lastError!);

    await page.getByTestId('lang-switch').click();
    await page.getByRole('heading', { name: 'Sources', exact: true }).waitFor();
    await expectText(lastError, 'Last error: The server answers HTTP 404: page not found.');
    expect(await page.locator('body').textContent()).not.toContain(failing.health.lastError!);
  });

  it('exports the sources as OPML', async () => {
    const source = await siteSource();
    const page = await signedInPage();
    await openSources(page);
    const exportLink = page.getByTestId('opml-export');
    expect((await exportLink.textContent())?.trim()).toBe(VI.exportLink);
    expect(await exportLink.getAttribute('href')).toBe('/api/sources/export');
    expect(await exportLink.getAttribute('download')).not.toBeNull();

    // What the browser gets for that address with the session cookie, read by the browser's own XML parser.
    const exported = await page.evaluate(async (url) => {
      const response = await fetch(url);
      const text = await response.text();
      const document = new DOMParser().parseFromString(text, 'application/xml');
      return {
        status: response.status,
        contentType: response.headers.get('content-type'),
        disposition: response.headers.get('content-disposition'),
        parseError: document.getElementsByTagName('parsererror').length > 0,
        root: document.documentElement.nodeName,
        version: document.documentElement.getAttribute('version'),
        outlines: [...document.querySelectorAll('body outline')].map((outline) => ({
          text: outline.getAttribute('text'),
          xmlUrl: outline.getAttribute('xmlUrl'),
          kind: outline.getAttributeNS('https://vigil.example.gov.vn/opml', 'kind'),
        })),
        text,
      };
    }, '/api/sources/export');
    expect(exported).toMatchObject({ status: 200, parseError: false, root: 'opml', version: '2.0', disposition: 'attachment; filename="vigil-sources.opml"' });
    expect(exported.contentType).toMatch(/^text\/x-opml/);
    expect(exported.outlines).toContainEqual({ text: SITE_NAME, xmlUrl: feedUrl, kind: 'rss' });
    expect(exported.outlines.filter((outline) => outline.xmlUrl === source.url)).toHaveLength(1);

    // Clicking the link downloads the same file.
    const [download] = await Promise.all([page.waitForEvent('download'), exportLink.click()]);
    expect(download.suggestedFilename()).toBe('vigil-sources.opml');
    const saved = await readFile((await download.path())!, 'utf8');
    expect(saved).toContain(`xmlUrl="${feedUrl}"`);
    expect(saved).toContain(`text="${SITE_NAME}"`);
  });

  it('imports OPML and says in Vietnamese why entries were skipped or why the file was refused', async () => {
    const source = await siteSource();
    const page = await signedInPage();
    await openSources(page);
    const document = `<?xml version="1.0"?><opml version="2.0"><body><outline text="Có rồi" xmlUrl="${source.url}"/><outline text="FTP" xmlUrl="ftp://127.0.0.1/tin.xml"/></body></opml>`;
    const input = page.getByTestId('opml-import-input');
    await input.setInputFiles({ name: 'nguon.opml', mimeType: 'text/x-opml', buffer: Buffer.from(document) });
    const result = page.getByTestId('opml-import-result');
    await result.waitFor();
    await expectText(result.locator('li').nth(0), `${source.url}: Đã có nguồn với địa chỉ này.`);
    await expectText(result.locator('li').nth(1), 'ftp://127.0.0.1/tin.xml: Địa chỉ không phải http(s).');

    const withDoctype = '<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x "y">]><opml version="2.0"><body/></opml>';
    await input.setInputFiles({ name: 'xau.opml', mimeType: 'text/x-opml', buffer: Buffer.from(withDoctype) });
    await expectText(page.getByTestId('opml-import-error'), 'Tệp OPML có khai báo DOCTYPE nên bị từ chối.');
  });
});
