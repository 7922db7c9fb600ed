// The SLA policy screen and the board's breach markers in a real Chromium: an admin reads the defaults, a policy whose
// stages are out of order is refused with the translated reason, a valid one is stored (the API then answers it);
// a case whose deadline was missed shows its breached marker and escalation rung on its card and its page;
// Vietnamese by default, English on the switch.
import type { CaseView, SlaPolicyView } from '@vigil/contracts';
import { TEST_ADMIN_PASSWORD } from '@vigil/testing';
import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';
import { BrowserPages, consoleDist, ensureConsoleBuilt, launchChromium, requireChromium } from './support/console-browser';

describe('SLA policy screen and breach markers in a browser', () => {
  let vigil: VigilTestApp;
  let browser: Browser;
  let pages: BrowserPages;

  beforeAll(async () => {
    requireChromium();
    ensureConsoleBuilt();
    vigil = await startVigil({ VIGIL_CONSOLE_DIR: consoleDist });
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

  async function signIn(): Promise<Page> {
    const page = await pages.open();
    await page.goto(vigil.baseUrl);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(TEST_ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-admin').waitFor();
    return page;
  }

  it('shows the policy, refuses stages out of order with the reason, and stores a valid change', async () => {
    const page = await signIn();
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('nav-sla-policy').click();
    await page.getByRole('heading', { level: 1, name: 'Chính sách thời hạn (SLA)' }).waitFor();
    expect(await page.getByTestId('sla-minutes-critical-acknowledge').inputValue()).toBe('15');
    expect(await page.getByTestId('sla-warn-share').inputValue()).toBe('75');

    await page.getByTestId('sla-minutes-high-approve').fill('300');
    await page.getByTestId('sla-policy-save').click();
    await page.getByTestId('notice').filter({ hasText: 'Thời hạn các bước phải theo thứ tự: tiếp nhận ≤ soạn thảo ≤ phê duyệt ≤ công bố.' }).waitFor();

    await page.getByTestId('sla-minutes-high-approve').fill('1200');
    await page.getByTestId('sla-minutes-critical-acknowledge').fill('20');
    await page.getByTestId('sla-warn-share').fill('60');
    await page.getByTestId('sla-holidays').fill('2027-02-06\n2027-02-07');
    await page.getByTestId('sla-policy-save').click();
    await page.getByTestId('notice').filter({ hasText: 'Đã lưu chính sách thời hạn: áp dụng cho các thời hạn được lập từ bây giờ.' }).waitFor();

    const stored = (await vigil.request<SlaPolicyView>('GET', '/api/sla-policy', { token: await vigil.adminToken() })).body;
    expect(stored).toMatchObject({ warnShare: 0.6, stageMinutes: { critical: { acknowledge: 20 }, high: { approve: 1200 } }, calendar: { holidays: ['2027-02-06', '2027-02-07'] } });

    await page.getByTestId('lang-switch').click();
    await page.getByRole('heading', { level: 1, name: 'Deadline policy (SLA)' }).waitFor();
    expect(await page.getByTestId('sla-minutes-critical-acknowledge').inputValue()).toBe('20');
  }, 60_000);

  it('marks a breached case with its escalation rung on the board and its page', async () => {
    const token = await vigil.adminToken();
    const opened = (await vigil.request<CaseView>('POST', '/api/cases', { token, body: { title: 'Tin giả: đóng cửa cầu Long Biên cả tuần', severity: 'critical' } })).body;
    const calm = (await vigil.request<CaseView>('POST', '/api/cases', { token, body: { title: 'Tin đồn đổi giờ học', severity: 'low' } })).body;
    // What the deadline ticker leaves on a case it escalated to the leaders (its own spec drives the ticker).
    await vigil.app.get(DataSource).query(`UPDATE cases SET breached_at = $2, escalation_level = 2 WHERE id = $1`, [opened.id, vigil.clock.now()]);

    const page = await signIn();
    await page.goto(`${vigil.baseUrl}/cases`);
    const card = page.locator(`[data-testid="case-card"][data-case-id="${opened.id}"]`);
    await card.waitFor();
    expect(await card.getByTestId('case-breached').textContent()).toBe('Quá hạn');
    expect(await card.getByTestId('case-escalation').textContent()).toBe('Đã chuyển: lãnh đạo');
    const calmCard = page.locator(`[data-testid="case-card"][data-case-id="${calm.id}"]`);
    await calmCard.waitFor();
    expect(await calmCard.getByTestId('case-breached').count()).toBe(0);
    expect(await calmCard.getByTestId('case-escalation').count()).toBe(0);

    await card.getByTestId('case-title').click();
    await page.getByTestId('case-detail').waitFor();
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('case-escalation').filter({ hasText: 'Escalated: leaders' }).waitFor();
    expect(await page.getByTestId('case-breached').textContent()).toBe('Breached');
  }, 60_000);
});
