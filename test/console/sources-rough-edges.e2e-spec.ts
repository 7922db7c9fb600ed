// The Sources screen's rough edges a first-time user hits (issue 8), in the system Chromium against one whole Vigil:
// "Fetch now" follows the fetch to its end, intervals read as durations and the edit form shows the interval the user
// set, notices follow the language switch, the OPML file input speaks the console's language, stacked cards label
// their values, removal with and without the items, the duplicate-source link, and "source removed" in the items list.
import type { CreateSourceRequest, ItemPage, SourceView } from '@vigil/contracts';
import { TEST_ADMIN_PASSWORD, waitFor } from '@vigil/testing';
import type { Browser, Locator, Page } from 'playwright-core';
import { CollectionFixtureServer } from '../collection/support/collection-fixture-server';
import { CollectionHarness, PIPELINE_TIMEOUT_MS } from '../collection/support/collection-harness';
import { rss2, type FeedEntry } from '../fixtures/collection';
import { BrowserPages, consoleDist, ensureConsoleBuilt, escapeRegExp, launchChromium, requireChromium } from './support/console-browser';

/** Long enough to see "Fetch now" busy, far below the fetch deadline. */
const SLOW_FEED_MS = 1_500;
/** One poll a day: nothing but the spec's own "Fetch now" polls these sources again while it runs. */
const DAILY = { pollIntervalSec: 86_400, minPollIntervalSec: 86_400, maxPollIntervalSec: 86_400 };

describe('Sources screen for a first-time user in a browser', () => {
  let site: CollectionFixtureServer;
  let vigil: CollectionHarness;
  let browser: Browser;
  let pages: BrowserPages;
  /** Collected once before the specs, all at the same time: each spec uses its own. */
  const sources: Record<string, SourceView> = {};

  beforeAll(async () => {
    requireChromium();
    ensureConsoleBuilt();
    site = new CollectionFixtureServer();
    await site.start();
    vigil = await CollectionHarness.start({ VIGIL_CONSOLE_DIR: consoleDist });
    const wanted: [string, string, number, Partial<CreateSourceRequest>?][] = [
      ['Báo Lấy Ngay', 'lay-ngay', 1],
      // 15 minutes set; the first poll finds new items and halves it.
      ['Báo Chu Kỳ', 'chu-ky', 1, { pollIntervalSec: 900 }],
      ['Báo Thẻ Xếp', 'the-xep', 1],
      ['Báo Nhập Tệp', 'nhap-tep', 1],
      ['Báo Đã Có', 'da-co', 1],
      ['Báo Gỡ Giữ Tin', 'go-giu-tin', 2],
      ['Báo Gỡ Xóa Tin', 'go-xoa-tin', 1],
    ];
    const collected = await Promise.all(wanted.map(([name, slug, count, settings]) => collectedSource(name, slug, count, settings)));
    for (const source of collected) sources[source.name] = source;
    browser = await launchChromium();
    pages = new BrowserPages(browser);
  }, 120_000);

  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await vigil?.close();
    await site?.stop();
  });

  function entries(slug: string, count: number): FeedEntry[] {
    return Array.from({ length: count }, (_, index) => ({
      title: `Tin ${slug} số ${index + 1}`,
      link: site.url(`/${slug}/bai-${index + 1}.html`),
      guid: `${slug}-${index + 1}`,
      published: 'Fri, 20 Nov 2026 08:30:00 +0700',
      summary: `Tóm tắt tin ${slug} số ${index + 1}.`,
    }));
  }

  function feedOf(slug: string, count: number): string {
    return rss2({ title: `Báo ${slug}`, link: site.url(`/${slug}/`) }, entries(slug, count));
  }

  /** A source collected once, with `count` items. */
  async function collectedSource(name: string, slug: string, count: number, settings: Partial<CreateSourceRequest> = DAILY): Promise<SourceView> {
    const url = site.feed(`/${slug}/rss.xml`, feedOf(slug, count));
    const source = await vigil.addSource({ name, url, kind: 'rss', ...settings });
    await vigil.waitForItems(source.id, count);
    return vigil.waitForSource(source.id, 'to be fetched', (seen) => seen.lastFetchedAt !== null);
  }

  async function signedInPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
    const page = await pages.open({ viewport });
    await page.goto(vigil.vigil.baseUrl);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(TEST_ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-user').waitFor();
    return page;
  }

  async function openSources(page: Page): Promise<void> {
    await page.goto(`${vigil.vigil.baseUrl}/sources`);
    await page.getByRole('heading', { name: 'Nguồn tin', exact: true }).waitFor();
    await page.getByTestId('source-row').first().waitFor();
  }

  function rowOf(page: Page, name: string): Locator {
    return page.getByTestId('source-row').filter({ has: page.locator('.source-name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }) });
  }

  async function expectText(locator: Locator, expected: string): Promise<void> {
    await locator.filter({ hasText: new RegExp(`^\\s*${escapeRegExp(expected)}\\s*$`) }).waitFor();
  }

  const notice = (page: Page) => page.getByTestId('notice').locator('span');

  it('shows progress on "Fetch now" and refreshes the row when the fetch ends', async () => {
    const source = sources['Báo Lấy Ngay']!;
    const page = await signedInPage();
    await openSources(page);
    const row = rowOf(page, source.name);
    await expectText(row.getByTestId('source-items-per-day'), '0,1');
    expect(await row.getByTestId('source-last-fetched').locator('time').getAttribute('datetime')).toBe(source.lastFetchedAt);

    // Two more items, served slowly, so the fetch is seen in progress.
    const body = feedOf('lay-ngay', 3);
    site.handle('/lay-ngay/rss.xml', (_request, response) => {
      setTimeout(() => response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(body), SLOW_FEED_MS);
    });
    const button = row.getByTestId('source-fetch');
    await button.click();
    await expectText(button, 'Đang lấy tin…');
    expect(await button.getAttribute('aria-busy')).toBe('true');
    expect(await button.isDisabled()).toBe(true);

    // Without a reload: the row follows the source until its fetch is recorded.
    await expectText(button, 'Lấy tin ngay');
    expect(await button.getAttribute('aria-busy')).toBe('false');
    const fetched = await vigil.source(source.id);
    expect(fetched.lastFetchedAt).not.toBe(source.lastFetchedAt);
    expect(await row.getByTestId('source-last-fetched').locator('time').getAttribute('datetime')).toBe(fetched.lastFetchedAt);
    await expectText(row.getByTestId('source-items-per-day'), '0,4');
    expect(await row.getByTestId('source-sparkline').getAttribute('aria-label')).toMatch(/: (0, ){13}3$/);
    await expectText(row.getByTestId('source-health'), 'Hoạt động tốt');
    await expectText(notice(page), `Đã lấy tin xong từ nguồn “${source.name}”.`);
  });

  it('shows intervals as durations, and the edit dialog the interval the user set in minutes, not the adapted one', async () => {
    const source = sources['Báo Chu Kỳ']!;
    const adapted = await vigil.waitForSource(source.id, 'to adapt its interval', (seen) => seen.pollIntervalSec === 450);
    expect(adapted).toMatchObject({ configuredPollIntervalSec: 900, minPollIntervalSec: 225, maxPollIntervalSec: 3600 });

    const page = await signedInPage();
    await openSources(page);
    const row = rowOf(page, source.name);
    await expectText(row.getByTestId('source-interval'), '7 phút 30 giây');
    await expectText(row.getByTestId('source-configured-interval'), 'Đã đặt: 15 phút');
    await expectText(row.getByTestId('source-interval-range'), 'Giới hạn 3 phút 45 giây – 1 giờ');

    await row.getByTestId('source-edit').click();
    const dialog = page.getByTestId('source-edit-dialog');
    expect(await dialog.getByTestId('source-edit-interval').inputValue()).toBe('15');
    expect(await dialog.getByTestId('source-edit-min-interval').inputValue()).toBe('3.75');
    expect(await dialog.getByTestId('source-edit-max-interval').inputValue()).toBe('60');
    expect(await dialog.locator('label', { has: page.getByTestId('source-edit-interval') }).locator('span').first().textContent()).toBe('Chu kỳ lấy tin (phút)');

    // Saving another field leaves the interval as it was set.
    await dialog.getByTestId('source-edit-weight').fill('70');
    await dialog.getByTestId('source-edit-submit').click();
    await expectText(notice(page), `Đã lưu nguồn “${source.name}”.`);
    expect(await vigil.source(source.id)).toMatchObject({ weight: 70, configuredPollIntervalSec: 900, pollIntervalSec: 450 });

    await row.getByTestId('source-edit').click();
    expect(await dialog.getByTestId('source-edit-interval').inputValue()).toBe('15');
    await dialog.getByTestId('source-edit-interval').fill('90');
    await dialog.getByTestId('source-edit-max-interval').fill('120');
    await dialog.getByTestId('source-edit-submit').click();
    await expectText(row.getByTestId('source-interval'), '1 giờ 30 phút');
    expect(await row.getByTestId('source-configured-interval').count()).toBe(0);
    await expectText(row.getByTestId('source-interval-range'), 'Giới hạn 3 phút 45 giây – 2 giờ');
    expect(await vigil.source(source.id)).toMatchObject({ configuredPollIntervalSec: 5400, pollIntervalSec: 5400, maxPollIntervalSec: 7200 });

    // The notice shown in Vietnamese is said again in English after the switch, as is everything else.
    await expectText(notice(page), `Đã lưu nguồn “${source.name}”.`);
    await page.getByTestId('lang-switch').click();
    await page.getByRole('heading', { name: 'Sources', exact: true }).waitFor();
    await expectText(notice(page), `Source “${source.name}” saved.`);
    await expectText(row.getByTestId('source-interval'), '1 h 30 min');
    await expectText(row.getByTestId('source-interval-range'), 'Bounds 3 min 45 s – 2 h');
    await page.getByTestId('lang-switch').click();
    await expectText(notice(page), `Đã lưu nguồn “${source.name}”.`);
  });

  it('labels each value in the stacked cards at 390 px', async () => {
    const source = sources['Báo Thẻ Xếp']!;
    const wide = await signedInPage();
    await openSources(wide);
    // On a wide screen the header row names the columns; the labels stay out of the cells.
    expect(await rowOf(wide, source.name).locator('.cell-label').first().isVisible()).toBe(false);

    const page = await signedInPage({ width: 390, height: 844 });
    await openSources(page);
    // Each cell but the name (the card's title) and the actions starts with its label.
    const cells = await rowOf(page, source.name).locator('td').evaluateAll((tds) => tds.map((td) => (td as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
    expect(cells.slice(1, 7)).toEqual([
      `URL: ${source.url}`,
      'Loại: RSS',
      'Chu kỳ lấy tin: 1 ngày Giới hạn 1 ngày – 1 ngày',
      expect.stringMatching(/^Tình trạng: HOẠT ĐỘNG TỐT/i),
      'Tin/ngày: 0,1',
      expect.stringMatching(/^Lần lấy gần nhất: \d{2}:\d{2} /),
    ]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it('imports OPML through a file button and file name in the console language', async () => {
    const source = sources['Báo Nhập Tệp']!;
    const page = await signedInPage();
    await openSources(page);
    const choose = page.getByTestId('opml-import-choose');
    await expectText(choose, 'Chọn tệp OPML…');
    await expectText(page.getByTestId('opml-import-file-name'), 'Chưa chọn tệp');
    // The browser's own input (which says "Choose File" in the browser's language) is never shown.
    expect(await page.getByTestId('opml-import-input').isVisible()).toBe(false);

    await page.getByTestId('lang-switch').click();
    await expectText(choose, 'Choose an OPML file…');
    await expectText(page.getByTestId('opml-import-file-name'), 'No file chosen');
    await page.getByTestId('lang-switch').click();

    const opml = `<?xml version="1.0"?><opml version="2.0"><body><outline text="Có rồi" xmlUrl="${source.url}"/></body></opml>`;
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), choose.click()]);
    await chooser.setFiles({ name: 'nguon-cua-toi.opml', mimeType: 'text/x-opml', buffer: Buffer.from(opml) });
    await expectText(page.getByTestId('opml-import-file-name'), 'nguon-cua-toi.opml');
    await expectText(page.getByTestId('opml-import-result').locator('li').first(), `${source.url}: Đã có nguồn với địa chỉ này.`);
  });

  it('links the duplicate-source message to the source that has the address', async () => {
    const source = sources['Báo Đã Có']!;
    const page = await signedInPage();
    await openSources(page);
    await page.getByTestId('source-form-name').fill('Báo Đã Có lần hai');
    await page.getByTestId('source-form-url').fill(source.url);
    await page.getByTestId('source-form-kind').selectOption('rss');
    await page.getByTestId('source-form-submit').click();
    const error = page.getByTestId('source-form-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Đã có nguồn với địa chỉ này.');
    const existing = error.getByTestId('source-form-existing');
    await expectText(existing, 'Xem nguồn đã có');
    expect(await existing.getAttribute('href')).toBe(`#source-${source.id}`);
    await existing.click();
    await page.waitForURL((url) => url.hash === `#source-${source.id}`);
    const target = page.locator(`#source-${source.id}`);
    expect(await target.locator('.source-name').textContent()).toBe(source.name);
    await waitFor('the existing source scrolled into view', async () => ((await target.boundingBox()) !== null && (await target.isVisible()) ? true : undefined), 5_000);
    expect((await vigil.vigil.request<SourceView[]>('GET', '/api/sources', { token: vigil.token })).body.filter((one) => one.url === source.url)).toHaveLength(1);
  });

  it('removes a source keeping its items, marked "source removed" in the items list, or deleting them too', async () => {
    const kept = sources['Báo Gỡ Giữ Tin']!;
    const deleted = sources['Báo Gỡ Xóa Tin']!;
    const page = await signedInPage();
    await openSources(page);

    // Cancelling removes nothing.
    await rowOf(page, kept.name).getByTestId('source-remove').click();
    const dialog = page.getByTestId('source-remove-dialog');
    await expectText(dialog.locator('h2'), `Gỡ nguồn “${kept.name}”?`);
    await dialog.getByTestId('source-remove-cancel').click();
    await dialog.waitFor({ state: 'detached' });
    expect(await rowOf(page, kept.name).count()).toBe(1);

    // By default the items stay.
    await rowOf(page, kept.name).getByTestId('source-remove').click();
    expect(await dialog.getByTestId('source-remove-with-items').isChecked()).toBe(false);
    await expectText(dialog.getByTestId('source-remove-confirm'), 'Gỡ nguồn');
    await dialog.getByTestId('source-remove-confirm').click();
    await expectText(notice(page), `Đã gỡ nguồn “${kept.name}”. Các mục tin của nguồn vẫn được giữ làm bằng chứng.`);
    await rowOf(page, kept.name).waitFor({ state: 'detached' });
    expect(await vigil.items(kept.id)).toHaveLength(2);

    // Deleting them too is a separate, ticked choice, and the button says so.
    await rowOf(page, deleted.name).getByTestId('source-remove').click();
    await dialog.getByTestId('source-remove-with-items').check();
    await expectText(dialog.getByTestId('source-remove-confirm'), 'Gỡ nguồn và xóa mục tin');
    await dialog.getByTestId('source-remove-confirm').click();
    await expectText(notice(page), `Đã gỡ nguồn “${deleted.name}” và xóa 1 mục tin của nguồn.`);
    await rowOf(page, deleted.name).waitFor({ state: 'detached' });
    expect(await vigil.items(deleted.id)).toHaveLength(0);
    await page.getByTestId('lang-switch').click();
    await expectText(notice(page), `Source “${deleted.name}” removed and its one item deleted.`);
    await page.getByTestId('lang-switch').click();

    // The kept items say their source was removed, named still; items of sources in use say nothing.
    const answered = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/items');
    await page.goto(`${vigil.vigil.baseUrl}/`);
    await answered;
    const keptItems = page.getByTestId('result-item').filter({ hasText: 'Tin go-giu-tin số' });
    await waitFor('both kept items listed', async () => ((await keptItems.count()) === 2 ? true : undefined), PIPELINE_TIMEOUT_MS);
    for (const item of await keptItems.all()) {
      await expectText(item.getByTestId('badge-source-removed'), 'Nguồn đã gỡ');
      await expectText(item.locator('.result-source'), kept.name);
    }
    const others = page.getByTestId('result-item').filter({ hasNotText: 'Tin go-giu-tin số' });
    expect(await others.count()).toBeGreaterThan(0);
    expect(await others.getByTestId('badge-source-removed').count()).toBe(0);
    const listed = (await vigil.vigil.request<ItemPage>('GET', `/api/items?sourceId=${kept.id}`, { token: vigil.token })).body.items;
    expect(listed.map(({ sourceName, sourceRemoved }) => ({ sourceName, sourceRemoved }))).toEqual([
      { sourceName: kept.name, sourceRemoved: true },
      { sourceName: kept.name, sourceRemoved: true },
    ]);
  });
});
