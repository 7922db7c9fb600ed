// Linking and unlinking on a case's page (issue 10) in the system Chromium against a whole Vigil: items collected by
// the real pipeline from a loopback feed are found with the items search typed without diacritics, linked with a
// click, and unlinked after confirming; a flag is linked by its id; what the API refuses is said in words.
import type { CaseAuditVerification, CaseView, FlagPage, ItemPage, SourceView, UserView } from '@vigil/contracts';
import { FixtureServer, waitFor } from '@vigil/testing';
import type { Browser, Page } from 'playwright-core';
import { BURST_DIKE, triageFeed, VIETNAMESE_ENTRIES } from '../fixtures/triage/triage-feeds';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';
import { BrowserPages, consoleDist, ensureConsoleBuilt, launchChromium, requireChromium } from './support/console-browser';
import { signedInPage } from './support/console-session';

const OFFICER = { username: 'truc.ban.lien.ket', password: 'Truc-ban-lien-ket-2026!', displayName: 'Trực ban Thảo' };

describe('Case page: linking and unlinking in a browser', () => {
  let feeds: FixtureServer;
  let vigil: VigilTestApp;
  let browser: Browser;
  let pages: BrowserPages;
  let token: string;
  let dikeItemId: string;

  beforeAll(async () => {
    requireChromium();
    ensureConsoleBuilt();
    feeds = new FixtureServer();
    await feeds.start();
    vigil = await startVigil({ VIGIL_CONSOLE_DIR: consoleDist });
    const admin = await vigil.adminToken();
    expect((await vigil.request<UserView>('POST', '/api/users', { token: admin, body: { ...OFFICER, roles: ['duty_officer'] } })).status).toBe(201);
    token = await vigil.loginAs(OFFICER.username, OFFICER.password);
    expect((await vigil.request('POST', '/api/rules', { token: admin, body: { name: 'Vỡ đê', query: '"đê bao"', severity: 'high' } })).status).toBe(201);
    const url = feeds.serve('/tin-mien-tay.rss', {
      body: triageFeed(vigil.clock, { title: 'Tin Miền Tây', site: 'https://tin.mientay.example.vn', language: 'vi', entries: VIETNAMESE_ENTRIES.slice(0, 4) }),
    });
    expect((await vigil.request<SourceView>('POST', '/api/sources', { token: admin, body: { name: 'Tin Miền Tây', url, kind: 'rss', pollIntervalSec: 900 } })).status).toBe(201);
    await waitFor('the items to be collected', async () => ((await vigil.request<ItemPage>('GET', '/api/items', { token })).body.total === 4 ? true : undefined), 30_000);
    await vigil.searchable();
    dikeItemId = (await vigil.request<ItemPage>('GET', `/api/items?q=${encodeURIComponent('đê bao')}`, { token })).body.items[0]!.id;
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

  async function openCasePage(title: string): Promise<{ page: Page; opened: CaseView }> {
    const created = await vigil.request<CaseView>('POST', '/api/cases', { token, body: { title, severity: 'high' } });
    expect(created.status).toBe(201);
    const page = await signedInPage(pages, vigil.baseUrl, OFFICER);
    await page.goto(`${vigil.baseUrl}/cases/${created.body.id}`);
    await page.getByTestId('case-detail').waitFor();
    return { page, opened: created.body };
  }

  it('finds an item typed without diacritics, links it, and unlinks it only after confirming', async () => {
    const { page, opened } = await openCasePage('Tin đồn vỡ đê bao ở Tân Phú');
    const links = page.getByTestId('case-links');
    expect(await links.textContent()).toContain('Chưa có cảnh báo, mục tin hay câu chuyện nào được liên kết.');

    await page.getByTestId('case-link-search').fill('de bao tan phu');
    await page.getByTestId('case-link-search-submit').click();
    const result = page.locator(`[data-testid="case-link-result"][data-item-id="${dikeItemId}"]`);
    await result.waitFor();
    expect(await result.textContent()).toContain(BURST_DIKE);
    await result.getByTestId('case-link-add').click();
    const linked = links.locator('[data-testid="case-link"][data-kind="item"]');
    await linked.filter({ hasText: BURST_DIKE }).waitFor();
    await result.getByTestId('case-link-add').filter({ hasText: 'Đã liên kết' }).waitFor();
    expect(await result.getByTestId('case-link-add').isDisabled()).toBe(true);

    // Cancelling keeps the link.
    await linked.getByTestId('case-link-remove').click();
    const dialog = page.getByTestId('case-link-remove-dialog');
    expect(await dialog.getByRole('heading').textContent()).toBe(`Gỡ liên kết “${BURST_DIKE}”?`);
    await dialog.getByTestId('case-link-remove-cancel').click();
    await dialog.waitFor({ state: 'detached' });
    expect(await linked.count()).toBe(1);

    await linked.getByTestId('case-link-remove').click();
    await dialog.getByTestId('case-link-remove-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    await linked.waitFor({ state: 'detached' });
    await page.locator('[data-testid="activity-entry"][data-action="unlinked"]').filter({ hasText: 'Gỡ liên kết' }).waitFor();
    await page.locator('[data-testid="audit-verify"][data-state="intact"]').waitFor();

    const stored = (await vigil.request<CaseView>('GET', `/api/cases/${opened.id}`, { token })).body;
    expect(stored.links).toEqual([]);
    expect(stored.activity.map((entry) => entry.action)).toEqual(['unlinked', 'linked', 'created']);
    expect((await vigil.request<CaseAuditVerification>('GET', `/api/cases/${opened.id}/audit/verify`, { token })).body).toMatchObject({ intact: true, entries: 3 });
  }, 90_000);

  it('links a flag by its id and says in words when there is no such flag', async () => {
    const flag = await waitFor('the dike flag', async () => (await vigil.request<FlagPage>('GET', '/api/flags?status=open', { token })).body.flags.find((candidate) => candidate.item.id === dikeItemId));
    const { page } = await openCasePage('Cảnh báo vỡ đê bao Tân Phú');
    await page.getByTestId('case-link-kind').selectOption('flag');
    await page.getByTestId('case-link-id').fill('00000000-0000-4000-8000-000000000000');
    await page.getByTestId('case-link-id-submit').click();
    await page.getByTestId('case-link-error').filter({ hasText: 'Không tìm thấy cảnh báo này.' }).waitFor();

    await page.getByTestId('case-link-id').fill(flag.id);
    await page.getByTestId('case-link-id-submit').click();
    await page.locator('[data-testid="case-link"][data-kind="flag"]').filter({ hasText: BURST_DIKE }).waitFor();
    expect(await page.getByTestId('case-link-error').count()).toBe(0);
    expect(await page.getByTestId('case-link-id').inputValue()).toBe('');
  }, 60_000);
});
