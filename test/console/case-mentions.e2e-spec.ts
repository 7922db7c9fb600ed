// Mention notifications (issue 10) in the system Chromium against a whole Vigil: a duty officer @mentions a writer in
// a comment typed on the case's page; the writer, signed in on another screen, is notified (in Vietnamese, then in
// English) and opens the case from the notification; a colleague signed in at the same time is not notified.
import type { CaseView, UserView } from '@vigil/contracts';
import type { Browser } from 'playwright-core';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';
import { BrowserPages, consoleDist, ensureConsoleBuilt, launchChromium, requireChromium } from './support/console-browser';
import { signedInPage } from './support/console-session';

const OFFICER = { username: 'truc.ban.an', password: 'Truc-ban-An-2026!', displayName: 'Trực ban An' };
const WRITER = { username: 'bien.tap.binh', password: 'Bien-tap-Binh-2026!', displayName: 'Biên tập Bình' };
const COLLEAGUE = { username: 'bien.tap.chi', password: 'Bien-tap-Chi-2026!', displayName: 'Biên tập Chi' };

describe('Mention notifications in a browser', () => {
  let vigil: VigilTestApp;
  let browser: Browser;
  let pages: BrowserPages;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    requireChromium();
    ensureConsoleBuilt();
    vigil = await startVigil({ VIGIL_CONSOLE_DIR: consoleDist });
    const adminToken = await vigil.adminToken();
    for (const [person, role] of [
      [OFFICER, 'duty_officer'],
      [WRITER, 'writer'],
      [COLLEAGUE, 'writer'],
    ] as const) {
      const created = await vigil.request<UserView>('POST', '/api/users', { token: adminToken, body: { ...person, roles: [role] } });
      expect(created.status).toBe(201);
      tokens[person.username] = await vigil.loginAs(person.username, person.password);
    }
    browser = await launchChromium();
    pages = new BrowserPages(browser);
  }, 120_000);

  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await vigil?.close();
  });

  async function openCase(title: string): Promise<CaseView> {
    const created = await vigil.request<CaseView>('POST', '/api/cases', { token: tokens[OFFICER.username], body: { title, severity: 'high' } });
    expect(created.status).toBe(201);
    return created.body;
  }

  it('notifies the mentioned writer on whatever screen they are, in Vietnamese then English, and opens the case from the notification; a colleague is not notified', async () => {
    const opened = await openCase('Tin giả về việc đóng cửa chợ Bến Thành');
    const writer = await signedInPage(pages, vigil.baseUrl, WRITER);
    const colleague = await signedInPage(pages, vigil.baseUrl, COLLEAGUE);
    await colleague.getByTestId('nav-cases').click();
    await colleague.locator('[data-testid="live-connection"][data-state="connected"]').waitFor();

    const officer = await signedInPage(pages, vigil.baseUrl, OFFICER);
    await officer.goto(`${vigil.baseUrl}/cases/${opened.id}`);
    const detail = officer.getByTestId('case-detail');
    await detail.waitFor();
    await detail.getByTestId('case-comment-body').fill(`@${WRITER.username} nhờ Bình soạn đính chính trước 15 giờ. @${OFFICER.username}`);
    await detail.getByTestId('case-comment-submit').click();

    const notice = writer.getByTestId('mention-notice');
    await notice.waitFor();
    expect(await notice.getAttribute('data-case-id')).toBe(opened.id);
    expect(await notice.locator('strong').textContent()).toBe(`Trực ban An nhắc đến bạn trong hồ sơ ${opened.reference}`);
    expect(await notice.locator('.mention-case').textContent()).toBe('Tin giả về việc đóng cửa chợ Bến Thành');
    expect(await notice.locator('.mention-excerpt').textContent()).toBe(`@${WRITER.username} nhờ Bình soạn đính chính trước 15 giờ. @${OFFICER.username}`);
    // The officer mentioned themselves too: that notifies nobody. Once a case opened later reaches the colleague's
    // board (events arrive in order), a mention meant for them would have arrived before it.
    const later = await openCase('Tin giả về giá vé xe buýt');
    await colleague.locator(`[data-testid="case-card"][data-case-id="${later.id}"]`).waitFor();
    expect(await colleague.getByTestId('mention-notice').count()).toBe(0);
    expect(await officer.getByTestId('mention-notice').count()).toBe(0);

    await writer.getByTestId('lang-switch').click();
    await notice.locator('strong').filter({ hasText: `Trực ban An mentioned you on case ${opened.reference}` }).waitFor();
    await notice.getByTestId('mention-open').click();
    await writer.waitForURL(`${vigil.baseUrl}/cases/${opened.id}`);
    expect(await writer.getByTestId('case-detail-title').textContent()).toBe('Tin giả về việc đóng cửa chợ Bến Thành');
    await writer.getByTestId('case-comment').filter({ hasText: 'nhờ Bình soạn đính chính' }).waitFor();
    expect(await writer.getByTestId('mention-notice').count()).toBe(0);

    // On the case's own page, a later mention still notifies, over the page's one socket.
    const comment = await vigil.request('POST', `/api/cases/${later.id}/comments`, { token: tokens[OFFICER.username], body: { body: `@${WRITER.username} vụ này nữa` } });
    expect(comment.status).toBe(201);
    await writer.locator(`[data-testid="mention-notice"][data-case-id="${later.id}"]`).filter({ hasText: `Trực ban An mentioned you on case ${later.reference}` }).waitFor();
  }, 90_000);
});
