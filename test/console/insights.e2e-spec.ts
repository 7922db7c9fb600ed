import { DataSource } from 'typeorm';
import type { Browser } from 'playwright-core';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';
import { CaseHistory } from '../cases/support/case-history';
import { BrowserPages, consoleDist, ensureConsoleBuilt, launchChromium, requireChromium } from './support/console-browser';
import { signedInPage } from './support/console-session';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const LEADER = { username: 'lanhdao', password: 'Lanh-dao-phong-bao-chi-2026!', displayName: 'Lãnh đạo Phòng' };

/**
 * The shift handover, the leaders' dashboard and a case's timeline chart in Chromium (issue 10), on a fixture office
 * written into PostgreSQL: one case answered and published yesterday, one critical case due within minutes.
 */
describe('Handover, dashboard and case timeline in a browser', () => {
  let vigil: VigilTestApp;
  let browser: Browser;
  let pages: BrowserPages;
  let answered: string;

  beforeAll(async () => {
    requireChromium();
    ensureConsoleBuilt();
    vigil = await startVigil({ VIGIL_CONSOLE_DIR: consoleDist });
    const token = await vigil.adminToken();
    expect((await vigil.request('POST', '/api/users', { token, body: { ...LEADER, roles: ['leader'] } })).status).toBe(201);
    const [leader]: { id: string }[] = await vigil.app.get(DataSource).query(`SELECT id FROM users WHERE username = $1`, [LEADER.username]);
    const history = new CaseHistory(vigil);
    const now = vigil.clock.now();
    const published = new Date(now.getTime() - 30 * HOUR);
    const at = (offset: number) => new Date(published.getTime() + offset);
    const tinNhanh = await history.source('Báo Tin Nhanh');
    const phuong = await history.source('Cổng thông tin phường Đông Lễ');
    await history.source('Báo Hỏng Feed', { failures: 2 });
    const story = await history.story('Tin đồn vỡ đê Quảng Trị', tinNhanh, at(-26 * HOUR));
    const first = await history.item(tinNhanh, 'Đê sông Thạch Hãn bị vỡ?', at(-26 * HOUR), story);
    await history.item(phuong, 'Phường Đông Lễ: đê vẫn an toàn', at(-19 * HOUR), story);
    await history.item(tinNhanh, 'Sở NN&PTNT bác tin vỡ đê', at(HOUR), story);
    const rule = await history.rule('Vỡ đê', 'critical');
    const flag = await history.flag(rule, story, story, first, tinNhanh, at(-26 * HOUR + MINUTE));
    await history.escalate(flag, at(-4 * HOUR));
    answered = await history.case({ title: 'Tin đồn vỡ đê sông Thạch Hãn', severity: 'high', at: at(-4 * HOUR), actorId: leader!.id }, [
      { at: at(-4 * HOUR + 10 * MINUTE), to: 'acknowledged' },
      { at: at(-3 * HOUR), to: 'drafting' },
      { at: at(-2 * HOUR), to: 'in_review' },
      { at: at(-HOUR), to: 'approved' },
      { at: published, to: 'published' },
    ]);
    await history.link(answered, 'flag', flag, at(-4 * HOUR));
    await history.deadline(answered, 'draft', at(-2.5 * HOUR), { metAt: at(-2 * HOUR), breachedAt: at(-2.5 * HOUR) });
    const urgent = await history.case({ title: 'Ảnh giả về sạt lở đèo Lò Xo', severity: 'critical', at: new Date(now.getTime() - 10 * MINUTE), actorId: leader!.id });
    await history.deadline(urgent, 'acknowledge', new Date(now.getTime() + 5 * MINUTE));
    const lone = await history.item(phuong, 'Cháy rừng Hướng Hóa lan rộng', new Date(now.getTime() - HOUR), null);
    await history.flag(rule, lone, null, lone, phuong, new Date(now.getTime() - HOUR));
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

  it('hands over the deadline due this shift, open cases by deadline, the unclaimed critical flag and the failing source', async () => {
    const page = await signedInPage(pages, vigil.baseUrl, LEADER);
    await page.getByTestId('nav-handover').click();
    await page.getByTestId('handover-deadlines').waitFor();
    expect(await page.getByTestId('handover-deadline').allInnerTexts()).toEqual([expect.stringContaining('Ảnh giả về sạt lở đèo Lò Xo')]);
    expect(await page.getByTestId('handover-deadline').innerText()).toContain('Tiếp nhận');
    const cases = await page.getByTestId('handover-case').allInnerTexts();
    expect(cases).toHaveLength(2);
    expect(cases[0]).toContain('Ảnh giả về sạt lở đèo Lò Xo');
    expect(cases[1]).toContain('Không có thời hạn');
    expect(await page.getByTestId('handover-flag').allInnerTexts()).toEqual([expect.stringContaining('Cháy rừng Hướng Hóa lan rộng')]);
    expect(await page.getByTestId('handover-source').allInnerTexts()).toEqual([expect.stringContaining('Báo Hỏng Feed · Đang lỗi')]);
  });

  it('shows leaders the open cases by severity, this week’s breaches and the weekly medians, in English too', async () => {
    const page = await signedInPage(pages, vigil.baseUrl, LEADER);
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('dashboard-breaches').waitFor();
    expect(await page.getByTestId('dashboard-breaches').innerText()).toBe('1');
    expect(await page.locator('[data-testid="dashboard-severity-row"][data-severity="critical"]').getAttribute('data-count')).toBe('1');
    expect(await page.getByTestId('open-high-published').innerText()).toBe('1');
    const weeks = page.getByTestId('dashboard-week');
    expect(await weeks.count()).toBe(12);
    expect(await weeks.last().getAttribute('data-acknowledge')).toBe('600');
    expect(await weeks.last().getAttribute('data-publish')).toBe(String(4 * 3600));
    expect(await page.getByTestId('cases-csv-link').getAttribute('href')).toBe('/api/cases.csv');
    await page.getByTestId('lang-switch').click();
    await page.getByRole('heading', { name: "Leaders' dashboard" }).waitFor();
  });

  it('draws the case’s spread with its steps, metrics, impact and events on the case page', async () => {
    const page = await signedInPage(pages, vigil.baseUrl, LEADER);
    await page.goto(`${vigil.baseUrl}/cases/${answered}`);
    await page.getByTestId('case-timeline').waitFor();
    expect(await page.getByTestId('spread-bar').count()).toBe(3);
    expect(await page.getByTestId('spread-source').allInnerTexts()).toEqual([expect.stringContaining('Báo Tin Nhanh'), expect.stringContaining('Cổng thông tin phường Đông Lễ')]);
    expect(await page.getByTestId('metric-acknowledge').innerText()).toBe('10 phút');
    expect(await page.getByTestId('metric-publish').innerText()).toBe('4 giờ');
    expect(await page.locator('[data-testid="metric-deadline"][data-outcome="breached"]').innerText()).toContain('Quá hạn');
    expect(await page.getByTestId('impact-before24h').innerText()).toMatch(/1\s+1$/);
    expect(await page.getByTestId('impact-after24h').innerText()).toMatch(/1\s+1$/);
    const kinds = await page.getByTestId('timeline-event').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-kind')));
    expect(kinds.slice(0, 3)).toEqual(['first_seen', 'flag_raised', 'case_opened']);
    expect(await page.getByTestId('case-report-link').getAttribute('href')).toBe(`/api/cases/${answered}/report?lang=vi`);
  });
});
