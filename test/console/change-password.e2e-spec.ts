// A user changes their own password from the console's top bar: a wrong current password is refused with a
// translated message, a mismatched confirmation never reaches the API, and the new password is the one that signs
// in afterwards. The system Chromium (playwright-core) drives a whole Vigil on a loopback port; a dedicated user
// keeps the admin's password, which other specs sign in with, untouched.
import type { UserView } from '@vigil/contracts';
import type { Browser, Page } from 'playwright-core';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';
import { BrowserPages, consoleDist, ensureConsoleBuilt, escapeRegExp, launchChromium, requireChromium } from './support/console-browser';

const USERNAME = 'truc.ban.doi.mk';
const DISPLAY_NAME = 'Trực ban Đổi Mật Khẩu';
const OLD_PASSWORD = 'mat-khau-cu-2026';
const NEW_PASSWORD = 'mat-khau-moi-2026';
/** A second user, so the English spec does not depend on the first one having run. */
const EN_USERNAME = 'duty.officer.change.pw';
const EN_PASSWORD = 'old-password-2026';

describe('Vigil console: changing one’s own password', () => {
  let vigil: VigilTestApp;
  let browser: Browser;
  let pages: BrowserPages;

  beforeAll(async () => {
    requireChromium();
    ensureConsoleBuilt();
    vigil = await startVigil({ VIGIL_CONSOLE_DIR: consoleDist });
    browser = await launchChromium();
    pages = new BrowserPages(browser);
    const token = await vigil.adminToken();
    for (const [username, password] of [
      [USERNAME, OLD_PASSWORD],
      [EN_USERNAME, EN_PASSWORD],
    ]) {
      const created = await vigil.request<UserView>('POST', '/api/users', {
        token,
        body: { username, password, displayName: DISPLAY_NAME, roles: ['duty_officer'] },
      });
      expect(created.status).toBe(201);
    }
  }, 180_000);

  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await vigil?.close();
  });

  async function signIn(page: Page, password: string, username = USERNAME): Promise<void> {
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
  }

  async function textOf(page: Page, testId: string): Promise<string> {
    return ((await page.getByTestId(testId).textContent()) ?? '').trim();
  }

  /** Waits until the test id's element shows exactly `text`. */
  async function waitForText(page: Page, testId: string, text: string): Promise<void> {
    await page.getByTestId(testId).filter({ hasText: new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`) }).waitFor();
  }

  async function fillForm(page: Page, current: string, next: string, confirmation = next): Promise<void> {
    await page.getByTestId('change-password-current').fill(current);
    await page.getByTestId('change-password-new').fill(next);
    await page.getByTestId('change-password-confirm').fill(confirmation);
  }

  it('refuses a wrong current password, changes it, and signs in with the new one', async () => {
    const page = await pages.open();
    await page.goto(vigil.baseUrl);
    await signIn(page, OLD_PASSWORD);
    await waitForText(page, 'current-user', DISPLAY_NAME);

    const open = page.getByTestId('change-password-open');
    expect(await textOf(page, 'change-password-open')).toBe('Đổi mật khẩu');
    await open.click();
    await page.getByTestId('change-password-dialog').waitFor();

    // A confirmation that does not match is caught before anything is sent.
    let passwordCalls = 0;
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/auth/password') passwordCalls += 1;
    });
    await fillForm(page, OLD_PASSWORD, NEW_PASSWORD, `${NEW_PASSWORD}x`);
    await page.getByTestId('change-password-submit').click();
    await waitForText(page, 'change-password-error', 'Mật khẩu mới và mật khẩu nhập lại không khớp.');
    expect(passwordCalls).toBe(0);

    // A wrong current password: the API's 401 is shown translated, and the user stays signed in.
    await fillForm(page, 'khong-phai-mat-khau', NEW_PASSWORD);
    const refused = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/auth/password');
    await page.getByTestId('change-password-submit').click();
    expect((await refused).status()).toBe(401);
    const error = page.getByTestId('change-password-error');
    await waitForText(page, 'change-password-error', 'Mật khẩu hiện tại không đúng');
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await page.getByTestId('current-user').count()).toBe(1);
    expect(await page.getByTestId('change-password-submit').isEnabled()).toBe(true);

    // The right one: a success notice, and this session stays signed in.
    await fillForm(page, OLD_PASSWORD, NEW_PASSWORD);
    const accepted = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/auth/password');
    await page.getByTestId('change-password-submit').click();
    expect((await accepted).status()).toBe(204);
    await waitForText(page, 'change-password-done', 'Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn đã bị đăng xuất.');
    expect(await page.getByTestId('change-password-error').count()).toBe(0);
    await page.getByTestId('change-password-close').click();
    expect(await page.getByTestId('change-password-dialog').count()).toBe(0);
    await waitForText(page, 'current-user', DISPLAY_NAME);

    // Signing out and in again: the old password no longer works, the new one does.
    await page.getByTestId('logout').click();
    await page.getByTestId('login-submit').waitFor();
    await signIn(page, OLD_PASSWORD);
    await waitForText(page, 'login-error', 'Sai tên đăng nhập hoặc mật khẩu');
    await signIn(page, NEW_PASSWORD);
    await waitForText(page, 'current-user', DISPLAY_NAME);
    expect((await vigil.request('POST', '/api/auth/login', { body: { username: USERNAME, password: NEW_PASSWORD } })).status).toBe(200);
  });

  it('shows the dialog in English', async () => {
    const page = await pages.open();
    await page.goto(vigil.baseUrl);
    await page.getByTestId('lang-switch').click();
    await waitForText(page, 'login-submit', 'Sign in');
    await signIn(page, EN_PASSWORD, EN_USERNAME);
    await waitForText(page, 'change-password-open', 'Change password');
    await page.getByTestId('change-password-open').click();
    await fillForm(page, 'not-the-password', 'another-password-1');
    await page.getByTestId('change-password-submit').click();
    await waitForText(page, 'change-password-error', 'The current password is wrong');
    await fillForm(page, EN_PASSWORD, 'another-password-1', 'another-password-2');
    await page.getByTestId('change-password-submit').click();
    await waitForText(page, 'change-password-error', 'The new password and its confirmation do not match.');
    // Escape closes the dialog without changing anything.
    await page.keyboard.press('Escape');
    await page.getByTestId('change-password-dialog').waitFor({ state: 'detached' });
    expect((await vigil.request('POST', '/api/auth/login', { body: { username: EN_USERNAME, password: EN_PASSWORD } })).status).toBe(200);
  });
});
