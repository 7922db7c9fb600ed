// The fact library and the templates page (issue 11) in the system Chromium against a whole Vigil on the test clock.
import type { CaseView, DraftStarter, DraftTemplateList, FactPage, UserView } from '@vigil/contracts';
import { officeDay } from '@vigil/domain';
import { TEST_ADMIN_PASSWORD, waitFor } from '@vigil/testing';
import type { Browser } from 'playwright-core';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';
import { BrowserPages, consoleDist, ensureConsoleBuilt, launchChromium, requireChromium } from './support/console-browser';
import { signedInPage } from './support/console-session';

const WRITER = { username: 'thu.vien.bt', password: 'Bien-tap-thu-vien-2026!', displayName: 'Biên tập viên thư viện' };
const STATEMENT = 'Thủy điện Hòa Bình không xả lũ khẩn cấp trong tuần này.';
const DAY_MS = 86_400_000;

describe('Fact library and templates in a browser', () => {
  let vigil: VigilTestApp;
  let browser: Browser;
  let pages: BrowserPages;
  let token: string;
  /** The office's calendar day `days` from the test clock's today. */
  const day = (days: number) => officeDay(new Date(vigil.clock.now().getTime() + days * DAY_MS));

  beforeAll(async () => {
    requireChromium();
    ensureConsoleBuilt();
    vigil = await startVigil({ VIGIL_CONSOLE_DIR: consoleDist });
    token = await vigil.adminToken();
    expect((await vigil.request<UserView>('POST', '/api/users', { token, body: { ...WRITER, roles: ['writer'] } })).status).toBe(201);
    const expired = { statement: 'Lịch cắt điện luân phiên tháng trước ở Hòa Bình', sourceName: 'Điện lực Hòa Bình', statedOn: day(-40), validUntil: day(-10), language: 'vi', tags: ['điện'] };
    expect((await vigil.request('POST', '/api/facts', { token, body: expired })).status).toBe(201);
    const future = { statement: 'Biểu phí cầu đường mới áp dụng từ tuần sau', sourceName: 'Sở Giao thông vận tải', statedOn: day(-1), validFrom: day(7), language: 'vi' };
    expect((await vigil.request('POST', '/api/facts', { token, body: future })).status).toBe(201);
    browser = await launchChromium();
    pages = new BrowserPages(browser);
  }, 180_000);

  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await vigil?.close();
  });

  it('lets a writer add a fact, refused first for its dates, then find it by words typed without diacritics', async () => {
    const page = await signedInPage(pages, vigil.baseUrl, WRITER);
    await page.getByTestId('nav-facts').click();
    await page.getByRole('heading', { level: 1, name: 'Thư viện dữ kiện' }).waitFor();

    await page.getByTestId('fact-create').click();
    await page.getByTestId('fact-statement-input').fill(STATEMENT);
    await page.getByTestId('fact-source-name').fill('Tập đoàn Điện lực Việt Nam');
    await page.getByTestId('fact-source-url').fill('https://evn.example.vn/thong-cao/thuy-dien-hoa-binh');
    await page.getByTestId('fact-stated-on').fill(day(-1));
    await page.getByTestId('fact-valid-until').fill(day(-3));
    await page.getByTestId('fact-tags-input').fill('thủy điện, lũ');
    await page.getByTestId('fact-save').click();
    await page.getByTestId('fact-editor-error').getByText('Ngày không hợp lệ: ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.').waitFor();

    await page.getByTestId('fact-valid-until').fill(day(30));
    await page.getByTestId('fact-save').click();
    await page.getByText('Đã thêm dữ kiện vào thư viện.').waitFor();
    const stored = (await vigil.request<FactPage>('GET', '/api/facts?q=thuy%20dien', { token })).body.facts;
    expect(stored.map((fact) => ({ statement: fact.statement, validFrom: fact.validFrom, tags: fact.tags, by: fact.createdBy?.username }))).toEqual([
      { statement: STATEMENT, validFrom: day(-1), tags: ['thủy điện', 'lũ'], by: WRITER.username },
    ]);

    await page.getByTestId('fact-search').fill('hoa binh xa lu');
    const found = page.getByTestId('fact-entry');
    await waitFor('only the new fact listed', async () => ((await found.count()) === 1 ? true : undefined), 10_000);
    expect(await found.getByTestId('fact-statement').textContent()).toBe(STATEMENT);
    expect(await found.getByTestId('fact-source').getAttribute('href')).toBe('https://evn.example.vn/thong-cao/thuy-dien-hoa-binh');
    expect(await found.getByTestId('fact-expired').count()).toBe(0);

    // "hoa binh" alone also finds last month's expired schedule, marked so; "valid only" leaves it out.
    await page.getByTestId('fact-search').fill('hoa binh');
    await page.getByTestId('fact-expired').waitFor();
    await waitFor('both facts listed', async () => ((await page.getByTestId('fact-entry').count()) === 2 ? true : undefined), 10_000);
    await page.getByTestId('fact-valid-only').check();
    await page.getByTestId('fact-expired').waitFor({ state: 'detached' });
    expect(await page.getByTestId('fact-statement').allTextContents()).toEqual([STATEMENT]);

    // A fact not yet in force is not expired, but says so (and "valid only" leaves it out too).
    await page.getByTestId('fact-valid-only').uncheck();
    await page.getByTestId('fact-search').fill('bieu phi cau duong');
    const upcoming = page.getByTestId('fact-entry').filter({ hasText: 'Biểu phí cầu đường' });
    await upcoming.getByTestId('fact-not-yet-valid').getByText('Chưa có hiệu lực').waitFor();
    expect(await upcoming.getByTestId('fact-expired').count()).toBe(0);
  });

  it('lets an admin edit a template, showing an unknown placeholder’s translated error in place', async () => {
    const page = await signedInPage(pages, vigil.baseUrl, { username: 'admin', password: TEST_ADMIN_PASSWORD });
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('nav-templates').click();
    await page.getByRole('heading', { level: 1, name: 'Mẫu văn bản' }).waitFor();
    const row = page.getByTestId('template-row-social_post-vi');
    await row.waitFor();
    expect(await page.getByTestId('templates-table').locator('tbody tr').count()).toBe(8);
    await row.getByTestId('template-edit').click();
    const editor = page.getByTestId('template-editor');
    expect(await editor.getByTestId('template-placeholders').textContent()).toContain('{{office_name}}');
    const body = editor.getByTestId('template-body');
    const original = await body.inputValue();
    await body.fill(`${original}\n{{ten_co_quan}}`);
    await editor.getByTestId('template-save').click();
    const error = editor.getByTestId('template-body-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('Mẫu có trường thay thế không được hỗ trợ. Trường không hỗ trợ: {{ten_co_quan}}.');

    await editor.getByTestId('template-name').fill('Bài đăng Facebook ngắn');
    await body.fill(`${original}\n#phongchongtingia`);
    await editor.getByTestId('template-save').click();
    await page.getByText('Đã lưu mẫu “Bài đăng Facebook ngắn”.').waitFor();
    expect(await row.getByTestId('template-row-name').textContent()).toBe('Bài đăng Facebook ngắn');
    const saved = (await vigil.request<DraftTemplateList>('GET', '/api/templates', { token })).body.templates.find((template) => template.channel === 'social_post' && template.language === 'vi');
    expect(saved?.body).toBe(`${original}\n#phongchongtingia`);
  });

  it('lets an admin add a template for a channel and language, which new drafts of them then start from', async () => {
    const page = await signedInPage(pages, vigil.baseUrl, { username: 'admin', password: TEST_ADMIN_PASSWORD });
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('nav-templates').click();
    const rows = page.getByTestId('template-row-talking_points-en');
    await rows.first().waitFor();
    const before = await page.getByTestId('templates-table').locator('tbody tr').count();
    await page.getByTestId('template-new').click();
    const editor = page.getByTestId('template-editor');
    expect(await editor.getByRole('heading', { level: 2 }).textContent()).toBe('Mẫu mới');
    await editor.getByTestId('template-name').fill('Talking points for the minister');
    await editor.getByTestId('template-channel').selectOption('talking_points');
    await editor.getByTestId('template-language').selectOption('en');
    // Nothing to start a draft from: refused in place, in Vietnamese.
    await editor.getByTestId('template-save').click();
    expect(await editor.getByTestId('template-body-error').textContent()).toBe('Trường “Nội dung mẫu” không hợp lệ.');
    await editor.getByTestId('template-body').fill('# {{case_title}}\n\n- {{summary}}\n\n{{facts}}\n\n{{citations}}');
    await editor.getByTestId('template-save').click();
    await page.getByText('Đã lưu mẫu “Talking points for the minister”.').waitFor();
    expect(await page.getByTestId('templates-table').locator('tbody tr').count()).toBe(before + 1);
    // The newest of its channel and language comes first, marked as the one new drafts use; the older one is not.
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).getByTestId('template-row-name').textContent()).toBe('Talking points for the minister');
    expect(await rows.nth(0).getByTestId('template-in-use').count()).toBe(1);
    expect(await rows.nth(1).getByTestId('template-in-use').count()).toBe(0);
    const stored = (await vigil.request<DraftTemplateList>('GET', '/api/templates', { token })).body.templates.find((template) => template.name === 'Talking points for the minister');
    expect(stored).toMatchObject({ channel: 'talking_points', language: 'en', body: '# {{case_title}}\n\n- {{summary}}\n\n{{facts}}\n\n{{citations}}' });
    // "New draft" of that channel and language starts from it.
    const opened = await vigil.request<CaseView>('POST', '/api/cases', { token, body: { title: 'Rumour of a power cut in Hoa Binh', claimSummary: 'A post says the city loses power for a week.', severity: 'medium', links: [] } });
    expect(opened.status).toBe(201);
    const starter = await vigil.request<DraftStarter>('POST', '/api/drafts/starter', { token, body: { caseId: opened.body.id, channel: 'talking_points', language: 'en' } });
    expect(starter).toMatchObject({ status: 200, body: { templateId: stored!.id } });
  });
});
