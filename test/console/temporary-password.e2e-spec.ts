// Temporary passwords in the console: a user whose password someone else chose meets a "Choose a new password"
// step right after signing in that cannot be dismissed and keeps the rest of the console waiting; an admin edits a
// user's roles and resets their password (typed or generated, shown once) from the Users screen; and the login page
// of a signed-out browser logs no console error or warning (the session probe answers 200). The system Chromium
// (playwright-core) drives a whole Vigil on a loopback port.
import type { UserView } from '@vigil/contracts';
import { TEST_ADMIN_PASSWORD } from '@vigil/testing';
import type { Browser, Page } from 'playwright-core';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';
import { BrowserPages, consoleDist, ensureConsoleBuilt, escapeRegExp, launchChromium, requireChromium } from './support/console-browser';

describe('Vigil console: temporary passwords, role editing and a clean login page', () => {
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

  async function createUser(username: string, password: string, options: { roles?: string[]; mustChangePassword?: boolean } = {}): Promise<UserView> {
    const created = await vigil.request<UserView>('POST', '/api/users', {
      token: await vigil.adminToken(),
      body: { username, password, displayName: `Người dùng ${username}`, roles: options.roles ?? ['writer'], mustChangePassword: options.mustChangePassword ?? false },
    });
    expect(created.status).toBe(201);
    return created.body;
  }

  async function signIn(page: Page, username: string, password: string): Promise<void> {
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
  }

  async function waitForText(page: Page, testId: string, text: string): Promise<void> {
    await page.getByTestId(testId).filter({ hasText: new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`) }).waitFor();
  }

  /** Every console error and warning and every uncaught error of the page, as text. */
  function collectConsoleTrouble(page: Page): string[] {
    const trouble: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') trouble.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => trouble.push(`pageerror: ${error.message}`));
    return trouble;
  }

  it('shows the login page of a signed-out browser without a console error or warning', async () => {
    const page = await pages.open();
    const trouble = collectConsoleTrouble(page);
    const probes: number[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === '/api/auth/session') probes.push(response.status());
    });
    await page.goto(vigil.baseUrl, { waitUntil: 'networkidle' });
    await page.getByTestId('login-submit').waitFor();
    await page.goto(`${vigil.baseUrl}/login`, { waitUntil: 'networkidle' });
    await page.getByTestId('login-submit').waitFor();
    await page.getByTestId('lang-switch').click();
    await waitForText(page, 'login-submit', 'Sign in');
    // React's StrictMode may probe twice per load; every probe answers 200, none 401.
    expect(probes.length).toBeGreaterThanOrEqual(2);
    expect([...new Set(probes)]).toEqual([200]);
    expect(trouble).toEqual([]);
  });

  it('asks for a new password right after the first sign-in, cannot be dismissed, and opens the console once it is changed', async () => {
    await createUser('lan.dau.dang.nhap', 'tam-thoi-lan-dau-2026', { mustChangePassword: true });
    const page = await pages.open();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(vigil.baseUrl);
    await signIn(page, 'lan.dau.dang.nhap', 'tam-thoi-lan-dau-2026');

    const dialog = page.getByTestId('change-password-dialog');
    await dialog.waitFor();
    expect(await dialog.getAttribute('data-required')).toBe('true');
    expect(await page.locator('#change-password-title').textContent()).toBe('Đặt mật khẩu mới');
    await page.getByTestId('change-password-required-intro').waitFor();
    // Nothing of the console behind it: no top bar, no cancel, and no call to any other route.
    expect(await page.getByTestId('current-user').count()).toBe(0);
    expect(await page.getByTestId('change-password-cancel').count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    // Chromium closes a modal on a second Escape whatever its cancel handler says; the dialog reopens straight away
    // (its close handler), so wait for it rather than reading visibility between the close and the reopening.
    await dialog.waitFor({ state: 'visible', timeout: 2000 });
    expect(await dialog.getAttribute('data-required')).toBe('true');

    await page.getByTestId('change-password-current').fill('tam-thoi-lan-dau-2026');
    await page.getByTestId('change-password-new').fill('mat-khau-cua-rieng-toi');
    await page.getByTestId('change-password-confirm').fill('mat-khau-cua-rieng-toi');
    const changed = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/auth/password');
    await page.getByTestId('change-password-submit').click();
    expect((await changed).status()).toBe(204);
    await waitForText(page, 'change-password-done', 'Đã đổi mật khẩu.');
    expect(requested.filter((path) => path.startsWith('/api/') && !['/api/auth/session', '/api/auth/login', '/api/auth/password'].includes(path))).toEqual([]);

    await page.getByTestId('change-password-close').click();
    await waitForText(page, 'current-user', 'Người dùng lan.dau.dang.nhap');
    expect(await dialog.count()).toBe(0);
    expect((await vigil.request('POST', '/api/auth/login', { body: { username: 'lan.dau.dang.nhap', password: 'mat-khau-cua-rieng-toi' } })).status).toBe(200);
  });

  it('offers signing out instead of the change, and asks again at the next sign-in', async () => {
    await createUser('dang.xuat.truoc', 'tam-thoi-dang-xuat-26', { mustChangePassword: true });
    const page = await pages.open();
    await page.goto(vigil.baseUrl);
    await signIn(page, 'dang.xuat.truoc', 'tam-thoi-dang-xuat-26');
    await page.getByTestId('change-password-sign-out').click();
    await page.getByTestId('login-submit').waitFor();
    await signIn(page, 'dang.xuat.truoc', 'tam-thoi-dang-xuat-26');
    await page.getByTestId('change-password-required-intro').waitFor();
  });

  it('lets an admin edit a user’s roles and reset their password, generated or typed, which the user must then change', async () => {
    const target = await createUser('sua.vai.tro', 'mat-khau-ban-dau-2026', { roles: ['writer'] });
    const targetSession = await vigil.loginAs('sua.vai.tro', 'mat-khau-ban-dau-2026');
    const page = await pages.open();
    await page.goto(`${vigil.baseUrl}/users`);
    await signIn(page, 'admin', TEST_ADMIN_PASSWORD);
    const row = page.locator('tr[data-username="sua.vai.tro"]');
    await row.waitFor();

    // Roles: check leader, uncheck writer, save.
    await row.getByTestId('user-edit-roles').click();
    await row.getByTestId('user-role-leader').check();
    await row.getByTestId('user-role-writer').uncheck();
    const saved = page.waitForResponse((response) => response.request().method() === 'PATCH' && new URL(response.url()).pathname === `/api/users/${target.id}`);
    await row.getByTestId('user-save-roles').click();
    expect((await saved).status()).toBe(200);
    await row.getByTestId('user-roles').filter({ hasText: 'Lãnh đạo' }).waitFor();
    expect((await vigil.request<UserView[]>('GET', '/api/users', { token: await vigil.adminToken() })).body.find((user) => user.id === target.id)?.roles).toEqual(['leader']);

    // One's own admin role cannot be unticked, and one's own password is changed from the top bar, not reset here.
    const self = page.locator('tr[data-username="admin"]');
    await self.getByTestId('user-edit-roles').click();
    expect(await self.getByTestId('user-role-admin').isDisabled()).toBe(true);
    await self.getByTestId('user-cancel-roles').click();
    expect(await self.getByTestId('user-reset-password').count()).toBe(0);

    // Reset with a generated password, shown once.
    await row.getByTestId('user-reset-password').click();
    await page.getByTestId('reset-password-dialog').waitFor();
    await page.getByTestId('reset-password-submit').click();
    const generated = ((await page.getByTestId('reset-password-generated').textContent()) ?? '').trim();
    expect(generated).toMatch(/^[A-Za-z0-9_-]{22}$/);
    await page.getByTestId('reset-password-close').click();
    await row.getByTestId('user-must-change').waitFor();
    expect((await vigil.request('GET', '/api/auth/me', { token: targetSession })).status).toBe(401);
    expect(await vigil.request('GET', '/api/auth/me', { token: await vigil.loginAs('sua.vai.tro', generated) })).toMatchObject({ status: 200, body: { mustChangePassword: true } });

    // Reset with a typed password: a common one is refused with its translation, another is accepted.
    await row.getByTestId('user-reset-password').click();
    await page.getByTestId('reset-password-mode-set').check();
    await page.getByTestId('reset-password-input').fill('matkhau123');
    await page.getByTestId('reset-password-submit').click();
    await page.getByTestId('reset-password-error').waitFor();
    expect(await page.getByTestId('reset-password-error').textContent()).toContain('quá phổ biến');
    await page.getByTestId('reset-password-input').fill('tam-thoi-admin-go-2026');
    await page.getByTestId('reset-password-submit').click();
    await page.getByTestId('reset-password-done').waitFor();
    expect(await page.getByTestId('reset-password-generated').count()).toBe(0);
    await page.getByTestId('reset-password-close').click();

    // The user signs in with it and meets the mandatory change.
    const userPage = await pages.open();
    await userPage.goto(vigil.baseUrl);
    await signIn(userPage, 'sua.vai.tro', 'tam-thoi-admin-go-2026');
    await userPage.getByTestId('change-password-required-intro').waitFor();
    expect(await userPage.getByTestId('current-user').count()).toBe(0);
  });
});
