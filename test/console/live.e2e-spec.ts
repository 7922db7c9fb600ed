// The Live screen ("Trực ban", issue 9) in the system Chromium against a whole Vigil on the test clock: duty officers
// created through the admin API, watch rules seeded through the API, and flags raised by the real pipeline from a
// loopback fixture feed added while the screen is open, so every change reaches the browser over the live socket.
import type { FlagPage, FlagView, RuleView, SourceView, UserView } from '@vigil/contracts';
import { FixtureServer, waitFor } from '@vigil/testing';
import type { Browser, Page } from 'playwright-core';
import { articlePage, type ArticleContent } from '../fixtures/collection';
import { triageFeed, type TriageEntry } from '../fixtures/triage/triage-feeds';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';
import { BrowserPages, consoleDist, ensureConsoleBuilt, launchChromium, requireChromium } from './support/console-browser';

const WATER_RUMOUR = 'Tin đồn cắt nước toàn quận Hà Đông trong ba ngày là sai sự thật';
const LANDSLIDE = 'Mưa lớn gây sạt lở đường tỉnh 12 ở Quảng Nam';
const OFFICER_ONE = { username: 'trucban1', password: 'Truc-ban-so-mot-2026!', displayName: 'Trực ban Một' };
const OFFICER_TWO = { username: 'trucban2', password: 'Truc-ban-so-hai-2026!', displayName: 'Trực ban Hai' };

describe('Live screen in a browser', () => {
  let feeds: FixtureServer;
  let vigil: VigilTestApp;
  let browser: Browser;
  let pages: BrowserPages;
  let token: string;
  let officerTwoToken: string;

  beforeAll(async () => {
    requireChromium();
    ensureConsoleBuilt();
    feeds = new FixtureServer();
    await feeds.start();
    vigil = await startVigil({ VIGIL_CONSOLE_DIR: consoleDist });
    token = await vigil.adminToken();
    for (const officer of [OFFICER_ONE, OFFICER_TWO]) {
      expect((await vigil.request<UserView>('POST', '/api/users', { token, body: { ...officer, roles: ['duty_officer'] } })).status).toBe(201);
    }
    officerTwoToken = await vigil.loginAs(OFFICER_TWO.username, OFFICER_TWO.password);
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

  async function openLive(officer = OFFICER_ONE): Promise<Page> {
    const page = await pages.open();
    await page.goto(vigil.baseUrl);
    await page.getByTestId('login-username').fill(officer.username);
    await page.getByTestId('login-password').fill(officer.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-user').waitFor();
    // The first entry of the navigation for a duty officer.
    const firstNav = page.locator('nav a').first();
    expect(await firstNav.getAttribute('data-testid')).toBe('nav-live');
    expect(await firstNav.textContent()).toBe('Trực ban');
    await firstNav.click();
    await page.getByRole('heading', { level: 1, name: 'Trực ban' }).waitFor();
    await page.locator('[data-testid="live-connection"][data-state="connected"]').waitFor();
    return page;
  }

  async function seedRule(name: string, query: string): Promise<RuleView> {
    const { status, body } = await vigil.request<RuleView>('POST', '/api/rules', { token, body: { name, query, severity: 'critical' } });
    expect(status).toBe(201);
    return body;
  }

  /**
   * A new loopback feed with these entries, added as a source: the pipeline collects it at once and flags what matches.
   * With `article`, each entry's page is served too, so enrichment reads it and links near duplicates into a story.
   */
  async function publish(path: string, entries: TriageEntry[], article?: ArticleContent): Promise<void> {
    const site = article ? `${feeds.baseUrl}${path.replace(/\.rss$/, '')}` : 'https://tin.live.example.vn';
    if (article) for (const entry of entries) feeds.serve(`${new URL(site).pathname}/${entry.slug}.html`, { contentType: 'text/html; charset=utf-8', body: articlePage(article) });
    const url = feeds.serve(path, { body: triageFeed(vigil.clock, { title: 'Tin Thủ Đô', site, language: 'vi', entries }) });
    expect((await vigil.request<SourceView>('POST', '/api/sources', { token, body: { name: `Tin Thủ Đô ${path}`, url, kind: 'rss', pollIntervalSec: 900 } })).status).toBe(201);
  }

  async function flagTitled(title: string): Promise<FlagView> {
    return waitFor(`a flag on “${title}”`, async () => {
      const { body } = await vigil.request<FlagPage>('GET', '/api/flags?status=open', { token });
      return body.flags.find((flag) => flag.item.title === title);
    });
  }

  it('shows a flag raised while open, claims it with c and escalates it with e; ? lists the shortcuts', async () => {
    await seedRule('Tin đồn cắt nước', '"cắt nước" AND "hà đông"');
    const page = await openLive();
    await page.getByTestId('live-empty').waitFor();

    await publish('/cat-nuoc.rss', [{ title: WATER_RUMOUR, slug: 'tin-don-cat-nuoc', published: '-1h', description: 'Công ty nước sạch khẳng định việc cấp nước vẫn bình thường.' }]);
    // Pushed over the socket: the page is never reloaded.
    const row = page.getByTestId('flag-row').filter({ hasText: WATER_RUMOUR });
    await row.waitFor({ timeout: 30_000 });
    const flag = await flagTitled(WATER_RUMOUR);
    expect(await row.getAttribute('data-flag-id')).toBe(flag.id);
    expect(await row.getByTestId('rule-severity').textContent()).toBe('Nghiêm trọng');
    expect(await row.getByTestId('flag-rule').textContent()).toBe('Tin đồn cắt nước');
    expect(await row.getByTestId('flag-title').locator('mark').allTextContents()).toEqual(['cắt nước', 'Hà Đông']);
    expect(await row.getByTestId('flag-size').textContent()).toBe('1 nguồn · 1 tin');
    expect(await row.getByTestId('flag-claim').textContent()).toBe('Chưa ai nhận');
    expect(await row.getByTestId('flag-priority').textContent()).toBe(`Ưu tiên ${Math.round(flag.priority * 100)}`);
    // The "why" lists each factor with its weight.
    await row.getByTestId('flag-why').locator('summary').click();
    expect(await row.getByTestId('flag-factor').evaluateAll((rows) => rows.map((element) => element.getAttribute('data-factor')))).toEqual(flag.priorityFactors.map((factor) => factor.name));
    expect(await row.locator('[data-factor="severity"]').textContent()).toContain('Mức độ quy tắc');
    expect(await row.locator('[data-factor="severity"]').textContent()).toContain('×0.45');

    await page.keyboard.press('?');
    const help = page.getByTestId('live-help');
    await help.waitFor();
    expect(await help.getByTestId('live-help-key').evaluateAll((keys) => keys.map((key) => key.getAttribute('data-key')))).toEqual(['j', 'k', 'c', 'e', 'd', '?', 'Esc']);
    expect(await help.textContent()).toContain('Nhận xử lý, hoặc trả lại nếu bạn đang giữ');
    // Keys typed while the help is open do nothing.
    await page.keyboard.press('c');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
    expect((await vigil.request<FlagView>('GET', `/api/flags/${flag.id}`, { token })).body.claimedBy).toBeNull();

    await page.keyboard.press('j');
    expect(await row.getAttribute('data-selected')).toBe('true');
    await page.keyboard.press('c');
    await row.getByTestId('flag-claim').filter({ hasText: 'Bạn đang xử lý' }).waitFor();
    expect((await vigil.request<FlagView>('GET', `/api/flags/${flag.id}`, { token })).body.claimedBy?.displayName).toBe(OFFICER_ONE.displayName);

    await page.keyboard.press('e');
    const dialog = page.getByTestId('flag-reason-dialog');
    await dialog.waitFor();
    expect(await dialog.getAttribute('data-decision')).toBe('escalate');
    // Typing the reason does not trigger shortcuts ("e", "d", "c" are in it).
    await dialog.getByTestId('flag-reason').fill('Cần cơ quan chủ quản xác nhận');
    await dialog.getByTestId('flag-reason-submit').click();
    await row.waitFor({ state: 'detached' });
    await page.getByTestId('notice').filter({ hasText: 'lên cấp trên' }).waitFor();
    expect((await vigil.request<FlagView>('GET', `/api/flags/${flag.id}`, { token })).body).toMatchObject({ status: 'escalated', decision: { reason: 'Cần cơ quan chủ quản xác nhận' } });
    await page.getByTestId('live-empty').waitFor();
  }, 60_000);

  it("shows another officer's claim live, and says who holds it when claiming it too", async () => {
    await seedRule('Sạt lở Quảng Nam', '"sạt lở" AND "quảng nam"');
    const page = await openLive();
    await publish('/sat-lo.rss', [{ title: LANDSLIDE, slug: 'sat-lo-quang-nam', published: '-1h', description: 'Lực lượng chức năng đã cắm biển cảnh báo và phân luồng.' }]);
    const row = page.getByTestId('flag-row').filter({ hasText: LANDSLIDE });
    await row.waitFor({ timeout: 30_000 });
    const flag = await flagTitled(LANDSLIDE);

    expect((await vigil.request<FlagView>('POST', `/api/flags/${flag.id}/claim`, { token: officerTwoToken })).status).toBe(200);
    await row.getByTestId('flag-claim').filter({ hasText: `Đang xử lý: ${OFFICER_TWO.displayName}` }).waitFor();

    await row.getByTestId('flag-size').click();
    expect(await row.getAttribute('data-selected')).toBe('true');
    await page.keyboard.press('c');
    await page.getByTestId('notice').filter({ hasText: `Cảnh báo này đang do ${OFFICER_TWO.displayName} xử lý.` }).waitFor();
    // Released by its holder: the row says so live, and the first officer may decide it.
    expect((await vigil.request<FlagView>('POST', `/api/flags/${flag.id}/release`, { token: officerTwoToken })).status).toBe(200);
    await row.getByTestId('flag-claim').filter({ hasText: 'Chưa ai nhận' }).waitFor();
    // A dismissal needs its reason: the dialog says so and sends nothing without one.
    await page.keyboard.press('d');
    const dialog = page.getByTestId('flag-reason-dialog');
    await dialog.getByTestId('flag-reason-submit').click();
    expect(await dialog.getByTestId('flag-reason-error').textContent()).toBe('Hãy nhập lý do bỏ qua cảnh báo.');
    await dialog.getByTestId('flag-reason').fill('Tin địa phương, đã có thông báo chính thức');
    await dialog.getByTestId('flag-reason-submit').click();
    await row.waitFor({ state: 'detached' });
    expect((await vigil.request<FlagView>('GET', `/api/flags/${flag.id}`, { token })).body.status).toBe('dismissed');
  }, 60_000);

  it('opens the story of a flag from its row: first seen, items linked to their detail and an hourly chart', async () => {
    await seedRule('Tin đồn sáp nhập trường', '"sáp nhập" AND trường');
    const page = await openLive();
    // The same report in two outlets: the second joins the first in a story.
    const title = 'Bác bỏ tin đồn sáp nhập trường tiểu học Tân Phú';
    const article: ArticleContent = {
      title,
      byline: 'Phóng viên Giáo dục',
      publishedAt: vigil.clock.at('-1h').toISOString(),
      lang: 'vi',
      paragraphs: [
        'Phòng giáo dục quận cho biết chưa có kế hoạch sáp nhập trường tiểu học Tân Phú với trường nào khác.',
        'Thông tin lan truyền trên mạng xã hội về việc học sinh phải chuyển trường từ học kỳ sau là không có căn cứ.',
        'Phụ huynh được khuyến cáo theo dõi thông báo chính thức của nhà trường.',
      ],
    };
    const report = { title, slug: 'sap-nhap-truong', published: '-1h', description: article.paragraphs[0]! };
    await publish('/sap-nhap-1.rss', [report], article);
    // Another outlet's own wording of the same report.
    const copy: ArticleContent = { ...article, title: `${title} (cập nhật)`, paragraphs: [...article.paragraphs, 'Nhà trường sẽ tổ chức họp phụ huynh vào cuối tuần.'] };
    await publish('/sap-nhap-2.rss', [{ ...report, title: copy.title, slug: 'sap-nhap-truong-cap-nhat' }], copy);
    await page.getByTestId('flag-row').filter({ hasText: 'sáp nhập trường' }).first().waitFor({ timeout: 30_000 });
    // Each report raised a flag at its poll; once enrichment finds them one story, one flag is left open for it.
    const flag = await waitFor('one open flag for the story', async () => {
      const open = (await vigil.request<FlagPage>('GET', '/api/flags?status=open', { token })).body.flags.filter((candidate) => candidate.item.title.includes('sáp nhập trường'));
      return open.length === 1 && open[0]!.storyId && open[0]!.itemCount === 2 ? open[0] : undefined;
    });
    // The row follows the flag live as it joins the story.
    await page.locator(`[data-testid="flag-row"][data-flag-id="${flag.id}"]`).getByTestId('flag-story-link').click();
    await page.getByTestId('story-title').waitFor();
    expect(page.url()).toBe(`${vigil.baseUrl}/stories/${flag.storyId}`);
    expect(await page.getByTestId('story-title').textContent()).toMatch(/^Bác bỏ tin đồn sáp nhập trường tiểu học Tân Phú/);
    expect(await page.getByTestId('story-first-source').textContent()).toMatch(/^Tin Thủ Đô \/sap-nhap-[12]\.rss$/);
    expect(await page.getByTestId('story-size').textContent()).toBe('2 nguồn · 2 tin');
    expect(await page.getByTestId('story-item').count()).toBe(2);
    // Both items came in within the last hour: the bars add up to them.
    const counts = await page.getByTestId('story-hour').evaluateAll((bars) => bars.map((bar) => Number(bar.getAttribute('data-count'))));
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(2);
    expect(await page.getByTestId('story-hour').count()).toBeGreaterThanOrEqual(48);
    expect(await page.getByTestId('story-flag').textContent()).toContain('Tin đồn sáp nhập trường');
    await page.getByTestId('story-item-link').first().click();
    await page.waitForURL(/\/items\/[0-9a-f-]{36}$/);
  }, 60_000);
});
