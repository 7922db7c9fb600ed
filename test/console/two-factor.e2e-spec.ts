// A leader turns on two-step verification from the console's top bar (secret and otpauth address shown as text,
// confirmed with a first code, recovery codes shown once), then signs in with password and code; a session left idle
// past the timeout sends the console back to the login page, which says the session timed out. Codes are computed
// with otplib from the secret the page shows, at the app's test clock. The system Chromium (playwright-core) drives a
// whole Vigil on a loopback port.
import type { TwoFactorActivation, TwoFactorEnrolment, UserView } from '@vigil/contracts';
import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';
import { BrowserPages, consoleDist, ensureConsoleBuilt, escapeRegExp, launchChromium, requireChromium } from './support/console-browser';

const USERNAME = 'lanh.dao.hai.buoc';
const DISPLAY_NAME = 'Lãnh đạo Hai Bước';
const PASSWORD = 'mat-khau-lanh-dao-2026';

describe('Vigil console: two-step verification', () => {
  let vigil: VigilTestApp;
  let browser: Browser;
  let pages: BrowserPages;

  beforeAll(async () => {
    requireChromium();
    ensureConsoleBuilt();
    vigil = await startVigil({ VIGIL_CONSOLE_DIR: consoleDist });
    browser = await launchChromium();
    pages = new BrowserPages(browser);
    const created = await vigil.request<UserView>('POST', '/api/users', {
      token: await vigil.adminToken(),
      body: { username: USERNAME, password: PASSWORD, displayName: DISPLAY_NAME, roles: ['leader'] },
    });
    expect(created.status).toBe(201);
  }, 180_000);

  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await vigil?.close();
  });

  /** The code an authenticator app would show now, by the app's clock. */
  function codeFor(secret: string): Promise<string> {
    return generate({ secret, epoch: Math.floor(vigil.clock.now().getTime() / 1000) });
  }

  async function waitForText(page: Page, testId: string, text: string): Promise<void> {
    await page.getByTestId(testId).filter({ hasText: new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`) }).waitFor();
  }

  async function signInWithPassword(page: Page): Promise<void> {
    await page.getByTestId('login-username').fill(USERNAME);
    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
  }

  it('enrols with the shown secret, shows recovery codes once, then signs in with a code; an idle session times out', async () => {
    const page = await pages.open();
    await page.goto(vigil.baseUrl);
    await signInWithPassword(page);
    await waitForText(page, 'current-user', DISPLAY_NAME);

    await waitForText(page, 'two-factor-open', 'Xác minh hai bước');
    await page.getByTestId('two-factor-open').click();
    await waitForText(page, 'two-factor-status', 'Đang tắt.');
    await page.getByTestId('two-factor-enable').click();
    const secret = ((await page.getByTestId('two-factor-secret').textContent()) ?? '').trim();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    const uri = ((await page.getByTestId('two-factor-uri').textContent()) ?? '').trim();
    expect(uri).toMatch(new RegExp(`^otpauth://totp/Vigil:${escapeRegExp(USERNAME)}\\?.*secret=${secret}`));

    // A wrong code is refused in Vietnamese and the user stays signed in.
    await page.getByTestId('two-factor-code').fill('000000');
    await page.getByTestId('two-factor-confirm').click();
    await waitForText(page, 'two-factor-error', 'Mã xác minh sai, đã hết hạn hoặc đã được dùng.');
    expect(await page.getByTestId('current-user').count()).toBe(1);

    await page.getByTestId('two-factor-code').fill(await codeFor(secret));
    await page.getByTestId('two-factor-confirm').click();
    const codes = page.getByTestId('two-factor-recovery-codes').locator('li');
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    expect(((await codes.first().textContent()) ?? '').trim()).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    await page.getByTestId('two-factor-codes-saved').click();
    await page.getByTestId('two-factor-dialog').waitFor({ state: 'detached' });

    // Signing in again asks for a code after the password; the code used to confirm (this period's) is spent.
    await page.getByTestId('logout').click();
    await signInWithPassword(page);
    await page.getByTestId('login-code').waitFor();
    await page.getByTestId('login-code').fill('123 456');
    await page.getByTestId('login-code-submit').click();
    await waitForText(page, 'login-error', 'Mã xác minh sai, đã hết hạn hoặc đã được dùng.');
    vigil.clock.advance(30_000);
    await page.getByTestId('login-code').fill(await codeFor(secret));
    await page.getByTestId('login-code-submit').click();
    await waitForText(page, 'current-user', DISPLAY_NAME);

    await page.getByTestId('two-factor-open').click();
    await page.getByTestId('two-factor-status').filter({ hasText: /Còn 10 mã khôi phục chưa dùng\.$/ }).waitFor();
    await page.getByTestId('two-factor-close').click();

    // Left idle past the timeout, the session ends: the next load lands on the login page, which says why.
    vigil.clock.advance(61 * 60_000);
    await page.reload();
    await waitForText(page, 'login-session-expired', 'Phiên đăng nhập của bạn đã hết hạn do không hoạt động hoặc đã quá thời hạn. Vui lòng đăng nhập lại.');
  });

  it('signs in with a recovery code and turns two-step verification off with the password, in English', async () => {
    // An admin of its own, enrolled through the API, so this test does not depend on the first one.
    const username = 'admin.recovery';
    const password = 'recovery-admin-passphrase';
    const admin = await vigil.adminToken();
    expect((await vigil.request('POST', '/api/users', { token: admin, body: { username, password, displayName: 'Recovery Admin', roles: ['admin'] } })).status).toBe(201);
    const token = await vigil.loginAs(username, password);
    const enrolment = await vigil.request<TwoFactorEnrolment>('POST', '/api/auth/two-factor/enrol', { token });
    const activation = await vigil.request<TwoFactorActivation>('POST', '/api/auth/two-factor/confirm', { token, body: { code: await codeFor(enrolment.body.secret) } });
    const [recoveryCode] = activation.body.recoveryCodes;

    const page = await pages.open();
    await page.goto(vigil.baseUrl);
    await page.getByTestId('lang-switch').click();
    await waitForText(page, 'login-submit', 'Sign in');
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await waitForText(page, 'login-code-submit', 'Verify');
    await page.getByTestId('login-code').fill('not-a-recovery-code');
    await page.getByTestId('login-code-submit').click();
    await waitForText(page, 'login-error', 'The code is wrong, expired or already used.');
    await page.getByTestId('login-code').fill(recoveryCode!.toUpperCase());
    await page.getByTestId('login-code-submit').click();
    await waitForText(page, 'current-user', 'Recovery Admin');

    await page.getByTestId('two-factor-open').click();
    await page.getByTestId('two-factor-status').filter({ hasText: /9 unused recovery codes left\.$/ }).waitFor();
    await page.getByTestId('two-factor-disable-password').fill('not-the-password');
    await page.getByTestId('two-factor-disable').click();
    await waitForText(page, 'two-factor-error', 'The password is wrong');
    await page.getByTestId('two-factor-disable-password').fill(password);
    await page.getByTestId('two-factor-disable').click();
    await waitForText(page, 'two-factor-status', 'Off.');
    // Off means the password alone signs in again.
    expect(await vigil.request('POST', '/api/auth/login', { body: { username, password } })).toMatchObject({ status: 200, body: { accessToken: expect.any(String) } });
  });
});
