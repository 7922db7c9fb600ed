// The Watch rules screen (issue 9) in the system Chromium against a whole Vigil on the test clock: one app for the
// suite, fictional Vietnamese news from a loopback feed, rules seeded through the API where a test needs one.
import type { ItemPage, RulePreview, RuleView, SourceView, UserView } from '@vigil/contracts';
import { FixtureServer, TEST_ADMIN_PASSWORD, waitFor } from '@vigil/testing';
import type { Browser, Page } from 'playwright-core';
import { triageFeed, type TriageEntry } from '../fixtures/triage/triage-feeds';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';
import { BrowserPages, consoleDist, ensureConsoleBuilt, launchChromium, requireChromium } from './support/console-browser';

const WATER_RUMOUR = 'Tin đồn cắt nước toàn quận Hà Đông trong ba ngày là sai sự thật';
const WATER_SCHEDULE = 'Công ty nước sạch thông báo lịch cắt nước ở phường Hoàn Kiếm';
const ENTRIES: TriageEntry[] = [
  { title: WATER_RUMOUR, slug: 'tin-don-cat-nuoc', published: '-2h', description: 'Công ty nước sạch khẳng định việc cấp nước vẫn bình thường.' },
  { title: WATER_SCHEDULE, slug: 'lich-cat-nuoc', published: '-26h', description: 'Việc bảo trì đường ống kéo dài từ 8 giờ đến 17 giờ.' },
  { title: 'Cắt nước luân phiên ở Thủ Đức để sửa đường ống', slug: 'cat-nuoc-thu-duc', published: '-50h', description: 'Người dân được khuyến cáo trữ nước từ tối hôm trước.' },
  { title: 'Mưa lớn gây sạt lở đường tỉnh 12 ở Quảng Nam', slug: 'sat-lo-quang-nam', published: '-3h', description: 'Lực lượng chức năng đã cắm biển cảnh báo và phân luồng.' },
  { title: 'Bác bỏ tin đồn sáp nhập trường tiểu học Tân Phú', slug: 'sap-nhap-truong', published: '-5h', description: 'Phòng giáo dục cho biết chưa có kế hoạch nào như vậy.' },
];
const WRITER = { username: 'bientap', password: 'Bien-tap-vien-2026!', displayName: 'Biên tập viên' };
/** Vietnam's calendar day (YYYY-MM-DD), as the preview counts days. */
const VIETNAM_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });

describe('Watch rules screen in a browser', () => {
  let feeds: FixtureServer;
  let vigil: VigilTestApp;
  let browser: Browser;
  let pages: BrowserPages;
  let token: string;

  beforeAll(async () => {
    requireChromium();
    ensureConsoleBuilt();
    feeds = new FixtureServer();
    await feeds.start();
    vigil = await startVigil({ VIGIL_CONSOLE_DIR: consoleDist });
    token = await vigil.adminToken();
    const url = feeds.serve('/tin.rss', { body: triageFeed(vigil.clock, { title: 'Tin Thủ Đô', site: 'https://tin.rules.example.vn', language: 'vi', entries: ENTRIES }) });
    expect((await vigil.request<SourceView>('POST', '/api/sources', { token, body: { name: 'Tin Thủ Đô', url, kind: 'rss', pollIntervalSec: 900 } })).status).toBe(201);
    expect((await vigil.request<UserView>('POST', '/api/users', { token, body: { ...WRITER, roles: ['writer'] } })).status).toBe(201);
    await waitFor('the feed collected', async () => ((await vigil.request<ItemPage>('GET', '/api/items', { token })).body.total === ENTRIES.length ? true : undefined), 30_000);
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

  async function openSignedIn(path: string, username = 'admin', password = TEST_ADMIN_PASSWORD): Promise<Page> {
    const page = await pages.open();
    await page.goto(vigil.baseUrl);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-user').waitFor();
    if (path !== '/') await page.goto(`${vigil.baseUrl}${path}`);
    return page;
  }

  async function seedRule(name: string, query: string): Promise<RuleView> {
    const { status, body } = await vigil.request<RuleView>('POST', '/api/rules', { token, body: { name, query, severity: 'medium', ownerTeam: 'Tổ trực ban' } });
    expect(status).toBe(201);
    return body;
  }

  async function rules(): Promise<RuleView[]> {
    return (await vigil.request<RuleView[]>('GET', '/api/rules', { token })).body;
  }

  it('creates a rule after marking a syntax error where it is and testing the query on the last 7 days', async () => {
    const page = await openSignedIn('/rules');
    await page.getByTestId('nav-rules').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Quy tắc theo dõi');
    await page.getByTestId('rule-create').click();
    const editor = page.getByTestId('rule-editor');
    await editor.getByTestId('rule-name').fill('Tin đồn cắt nước');

    const broken = '"cắt nước" AND (hà đông OR "hoàn kiếm"';
    const open = broken.indexOf('(');
    await editor.getByTestId('rule-query').fill(broken);
    await editor.getByTestId('rule-preview-run').click();
    const error = editor.getByTestId('rule-query-error');
    await error.waitFor();
    expect(await error.getAttribute('data-position')).toBe(String(open));
    expect(await error.textContent()).toContain(`tại vị trí ${open + 1}`);
    expect(await error.textContent()).toContain('Dấu ngoặc đơn không khớp');
    // The caret line points at the opening parenthesis, and the text stays as typed with the cursor on the problem.
    const [line, caret] = ((await editor.getByTestId('rule-query-caret').textContent()) ?? '').split('\n');
    expect(line).toBe(broken);
    expect(caret.indexOf('^')).toBe(open);
    expect(await editor.getByTestId('rule-query').inputValue()).toBe(broken);
    expect(await editor.getByTestId('rule-query').evaluate((element: HTMLTextAreaElement) => [element.selectionStart, element.selectionEnd])).toEqual([open, open + 1]);
    // Saving the same query is refused the same way, and nothing is created.
    await editor.getByTestId('rule-query').fill(`${broken} `);
    expect(await editor.getByTestId('rule-query-error').count()).toBe(0);
    await editor.getByTestId('rule-save').click();
    await error.waitFor();
    expect(await error.getAttribute('data-position')).toBe(String(open));
    expect((await rules()).some((rule) => rule.name === 'Tin đồn cắt nước')).toBe(false);

    const fixed = `${broken})`;
    await editor.getByTestId('rule-query').fill(fixed);
    await editor.getByTestId('rule-preview-run').click();
    const total = editor.getByTestId('rule-preview-total');
    await total.waitFor();
    expect(await total.textContent()).toBe('2 mục tin khớp trong 7 ngày qua');
    // One bar per Vietnam day as the API counts them, labelled dd/MM, today last.
    const expected = (await vigil.request<RulePreview>('POST', '/api/rules/preview', { token, body: { query: fixed, days: 7 } })).body.perDay;
    const bars = await editor.getByTestId('rule-preview-day').evaluateAll((items) => items.map((item) => [item.getAttribute('data-count'), item.querySelector('.preview-bar-day')?.textContent]));
    expect(bars).toEqual(expected.map(({ day, count }) => [String(count), `${day.slice(8, 10)}/${day.slice(5, 7)}`]));
    expect(expected.length).toBeGreaterThanOrEqual(7);
    expect(expected[expected.length - 1].day).toBe(VIETNAM_DAY.format(vigil.clock.now()));
    expect(expected.reduce((sum, { count }) => sum + count, 0)).toBe(2);
    expect(await editor.getByTestId('rule-preview-truncated').count()).toBe(0);
    expect((await editor.getByTestId('rule-preview-match-title').allTextContents()).sort()).toEqual([WATER_SCHEDULE, WATER_RUMOUR].sort());
    const rumour = editor.getByTestId('rule-preview-match-title').filter({ hasText: WATER_RUMOUR });
    expect(await rumour.locator('mark').allTextContents()).toEqual(['cắt nước', 'Hà', 'Đông']);
    expect(await rumour.getAttribute('href')).toMatch(/^\/items\/[0-9a-f-]{36}$/);

    await editor.getByTestId('rule-severity-select').selectOption('high');
    await editor.getByTestId('rule-owner-team').fill('Tổ phản ứng nhanh');
    await editor.getByTestId('rule-save').click();
    await editor.waitFor({ state: 'detached' });
    const row = page.getByTestId('rule-row').filter({ hasText: 'Tin đồn cắt nước' });
    expect(await row.getByTestId('rule-severity').textContent()).toBe('Cao');
    expect(await row.getByTestId('rule-row-query').textContent()).toBe(fixed);
    expect(await row.textContent()).toContain('Tổ phản ứng nhanh');
    expect(await row.getByTestId('rule-row-query').evaluate((element) => getComputedStyle(element).fontFamily)).toMatch(/mono|Menlo|Consolas/i);
    expect((await rules()).find((rule) => rule.name === 'Tin đồn cắt nước')).toMatchObject({ query: fixed, severity: 'high', ownerTeam: 'Tổ phản ứng nhanh', enabled: true });
  });

  it('turns a rule off and on from the list, and deletes it after confirming', async () => {
    const seeded = await seedRule('Sạt lở Quảng Nam', 'sạt* NEAR/3 "quảng nam"');
    const page = await openSignedIn('/rules');
    const row = page.locator(`[data-testid="rule-row"][data-rule-id="${seeded.id}"]`);
    const toggle = row.getByTestId('rule-enabled-toggle');
    expect(await toggle.isChecked()).toBe(true);
    await toggle.click();
    await page.getByTestId('notice').filter({ hasText: 'Đã tắt quy tắc “Sạt lở Quảng Nam”' }).waitFor();
    expect(await toggle.isChecked()).toBe(false);
    expect((await rules()).find((rule) => rule.id === seeded.id)?.enabled).toBe(false);
    await toggle.click();
    await page.getByTestId('notice').filter({ hasText: 'Đã bật quy tắc' }).waitFor();
    expect((await rules()).find((rule) => rule.id === seeded.id)?.enabled).toBe(true);

    await row.getByTestId('rule-delete').click();
    const dialog = page.getByTestId('rule-delete-dialog');
    await dialog.getByTestId('rule-delete-cancel').click();
    await dialog.waitFor({ state: 'detached' });
    expect((await rules()).some((rule) => rule.id === seeded.id)).toBe(true);
    await row.getByTestId('rule-delete').click();
    expect(await dialog.textContent()).toContain('Xoá quy tắc “Sạt lở Quảng Nam”?');
    await dialog.getByTestId('rule-delete-confirm').click();
    await row.waitFor({ state: 'detached' });
    expect((await rules()).some((rule) => rule.id === seeded.id)).toBe(false);
  });

  it('saves a search from the items page as a rule, prefilled with its query', async () => {
    const page = await openSignedIn('/');
    expect(await page.getByTestId('save-search-as-rule').count()).toBe(0);
    await page.goto(`${vigil.baseUrl}/?q=${encodeURIComponent('sạt lở')}`);
    await page.getByTestId('save-search-as-rule').click();
    const editor = page.getByTestId('rule-editor');
    expect(await editor.getByTestId('rule-query').inputValue()).toBe('sạt lở');
    expect(await editor.getByTestId('rule-name').inputValue()).toBe('Theo dõi: sạt lở');
    // A draft: nothing is saved until the user says so.
    expect((await rules()).some((rule) => rule.query === 'sạt lở')).toBe(false);
    await editor.getByTestId('rule-preview-run').click();
    expect(await editor.getByTestId('rule-preview-total').textContent()).toBe('1 mục tin khớp trong 7 ngày qua');
    await editor.getByTestId('rule-save').click();
    await editor.waitFor({ state: 'detached' });
    await page.getByTestId('notice').filter({ hasText: 'Đã tạo quy tắc “Theo dõi: sạt lở”' }).waitFor();
    expect((await rules()).find((rule) => rule.query === 'sạt lở')).toMatchObject({ name: 'Theo dõi: sạt lở', severity: 'medium', enabled: true });
    await page.getByTestId('save-search-rules-link').click();
    await page.getByTestId('rule-row').filter({ hasText: 'Theo dõi: sạt lở' }).waitFor();
  });

  it('reads in English after the language switch, syntax errors included', async () => {
    await seedRule('Sáp nhập trường', '"sáp nhập" AND trường');
    const page = await openSignedIn('/rules');
    await page.getByTestId('lang-switch').click();
    await page.getByRole('heading', { level: 1, name: 'Watch rules' }).waitFor();
    expect(await page.getByTestId('nav-rules').textContent()).toBe('Watch rules');
    const row = page.getByTestId('rule-row').filter({ hasText: 'Sáp nhập trường' });
    expect(await row.getByTestId('rule-severity').textContent()).toBe('Medium');
    await row.getByTestId('rule-edit').click();
    const editor = page.getByTestId('rule-editor');
    expect(await editor.getByTestId('rule-preview-run').textContent()).toBe('Test against the last 7 days');
    await editor.getByTestId('rule-syntax-help').locator('summary').click();
    expect(await editor.getByTestId('rule-syntax-help').textContent()).toContain('"tap water" AND (contaminated OR poisoned) lang:en');
    const broken = '"sáp nhập" AND';
    await editor.getByTestId('rule-query').fill(broken);
    await editor.getByTestId('rule-save').click();
    const error = editor.getByTestId('rule-query-error');
    await error.waitFor();
    const and = broken.indexOf('AND');
    expect(await error.getAttribute('data-position')).toBe(String(and));
    expect(await error.textContent()).toContain(`at position ${and + 1}`);
    expect(await error.textContent()).toContain('An operator is missing a side');
    await editor.getByTestId('rule-query').fill('"sáp nhập" AND trường');
    await editor.getByTestId('rule-preview-run').click();
    expect(await editor.getByTestId('rule-preview-total').textContent()).toBe('1 item matched in the last 7 days');
    await editor.getByTestId('rule-cancel').click();
    await editor.waitFor({ state: 'detached' });
  });

  it('shows rules without write controls to a role that may only read them', async () => {
    await seedRule('Tin đồn trường học', 'tin đồn trường');
    const page = await openSignedIn('/rules', WRITER.username, WRITER.password);
    const row = page.getByTestId('rule-row').filter({ hasText: 'Tin đồn trường học' });
    expect(await row.getByTestId('rule-enabled-text').textContent()).toBe('Đang bật');
    expect(await page.getByTestId('rule-create').count()).toBe(0);
    expect(await page.getByTestId('rule-edit').count()).toBe(0);
    expect(await page.getByTestId('rule-delete').count()).toBe(0);
    expect(await page.getByTestId('rule-enabled-toggle').count()).toBe(0);
    await page.goto(`${vigil.baseUrl}/?q=${encodeURIComponent('tin đồn')}`);
    await page.getByTestId('results').waitFor();
    expect(await page.getByTestId('save-search-as-rule').count()).toBe(0);
  });
});
