import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import type { ApiErrorBody, PasswordResetAnswer, SessionState, UserView } from '@vigil/contracts';
import { loadConfig } from '@vigil/config';
import { prepareTestEnvironment, TestClock, type TestEnvironment } from '@vigil/testing';
import type { INestApplication } from '@nestjs/common';
import { createApiApp } from '../../apps/api/src/app.factory';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';

const MINUTE = 60_000;

/** The routes a user who must change their password may still call; everything else answers 403. */
const STILL_OPEN = ['GET /api/auth/me', 'GET /api/auth/session', 'POST /api/auth/logout', 'POST /api/auth/password'];

interface Answer<T> {
  status: number;
  body: T;
}

async function call<T>(baseUrl: string, method: string, path: string, options: { token?: string; body?: unknown; cookie?: string } = {}): Promise<Answer<T>> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.cookie ? { cookie: options.cookie } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const answer = await call<{ accessToken: string }>(baseUrl, 'POST', '/api/auth/login', { body: { username, password } });
  if (answer.status !== 200) throw new Error(`Login as ${username} answered ${answer.status}`);
  return answer.body.accessToken;
}

describe('Vigil first admin: a generated one-time password must be changed at first sign-in', () => {
  let environment: TestEnvironment;
  let app: INestApplication;
  let baseUrl: string;
  let oneTimePassword: string;

  beforeAll(async () => {
    environment = await prepareTestEnvironment({ VIGIL_FETCH_ALLOWLIST: '127.0.0.1' });
    // The operator did not choose a password: the server generates one and prints it once.
    delete environment.env.ADMIN_PASSWORD;
    const warnings = jest.spyOn(Logger.prototype, 'warn');
    try {
      app = await createApiApp(loadConfig({ ...environment.env, PORT: '0', HOST: '127.0.0.1' }), { logger: false, clock: new TestClock() });
      await app.listen(0, '127.0.0.1');
    } catch (error) {
      await environment.cleanup();
      throw error;
    }
    const line = warnings.mock.calls.map((args) => String(args[0])).find((message) => message.includes('one-time password'));
    warnings.mockRestore();
    oneTimePassword = /one-time password: (\S+)/.exec(line ?? '')?.[1] ?? '';
    expect(oneTimePassword).not.toBe('');
    baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
    await environment?.cleanup();
  });

  it('signs in, says mustChangePassword, answers only me, session, logout and password change until it is changed', async () => {
    const token = await login(baseUrl, 'admin', oneTimePassword);
    expect(await call<UserView>(baseUrl, 'GET', '/api/auth/me', { token })).toMatchObject({ status: 200, body: { username: 'admin', mustChangePassword: true } });
    expect(await call<SessionState>(baseUrl, 'GET', '/api/auth/session', { cookie: `vigil_session=${token}` })).toMatchObject({
      status: 200,
      body: { signedIn: true, user: { username: 'admin', mustChangePassword: true } },
    });
    for (const [method, path] of [
      ['GET', '/api/users'],
      ['GET', '/api/items'],
      ['GET', '/api/sources'],
      ['GET', '/api/auth/two-factor'],
      ['POST', '/api/users'],
    ] as const) {
      expect(await call<ApiErrorBody>(baseUrl, method, path, { token, body: method === 'POST' ? {} : undefined })).toMatchObject({
        status: 403,
        body: { code: 'password_change_required' },
      });
    }
    // Keeping the one-time password is not a change.
    expect(await call<ApiErrorBody>(baseUrl, 'POST', '/api/auth/password', { token, body: { currentPassword: oneTimePassword, newPassword: oneTimePassword } })).toMatchObject({
      status: 400,
      body: { code: 'password_unchanged' },
    });
    expect((await call(baseUrl, 'POST', '/api/auth/password', { token, body: { currentPassword: oneTimePassword, newPassword: 'quan-tri-vien-rieng-2026' } })).status).toBe(204);
    // The same session goes on, now with every route of its role.
    expect(await call<UserView>(baseUrl, 'GET', '/api/auth/me', { token })).toMatchObject({ status: 200, body: { mustChangePassword: false } });
    expect((await call(baseUrl, 'GET', '/api/users', { token })).status).toBe(200);
    expect((await call(baseUrl, 'POST', '/api/auth/login', { body: { username: 'admin', password: oneTimePassword } })).status).toBe(401);
    expect((await call(baseUrl, 'POST', '/api/auth/logout', { token: await login(baseUrl, 'admin', 'quan-tri-vien-rieng-2026') })).status).toBe(204);
  });

  it('lists the routes that stay open in the OpenAPI document without password_change_required, and the others with it', async () => {
    const document = (await call<{ paths: Record<string, Record<string, { responses: Record<string, { content?: { 'application/json': { examples: Record<string, unknown> } } }> }>> }>(baseUrl, 'GET', '/api/docs-json')).body;
    const refusesUntilChanged = (method: string, path: string) => 'password_change_required' in (document.paths[path]?.[method.toLowerCase()]?.responses['403']?.content?.['application/json'].examples ?? {});
    for (const route of STILL_OPEN) {
      const [method, path] = route.split(' ') as [string, string];
      expect({ route, refuses: refusesUntilChanged(method, path) }).toEqual({ route, refuses: false });
    }
    expect(refusesUntilChanged('GET', '/api/users')).toBe(true);
    expect(refusesUntilChanged('POST', '/api/users/{id}/password')).toBe(true);
  });
});

describe('Vigil users: passwords an admin sets or resets are temporary', () => {
  let vigil: VigilTestApp;

  beforeAll(async () => {
    vigil = await startVigil();
  });

  afterAll(async () => {
    await vigil?.close();
  });

  async function newUser(username: string, extra: { mustChangePassword?: boolean } = {}): Promise<UserView> {
    const created = await vigil.request<UserView>('POST', '/api/users', {
      token: await vigil.adminToken(),
      body: { username, password: 'mat-khau-ban-dau-2026', displayName: 'Biên tập viên', roles: ['writer'], ...extra },
    });
    expect(created.status).toBe(201);
    return created.body;
  }

  const reset = async (id: string, body: { password?: string }) => vigil.request<PasswordResetAnswer & ApiErrorBody>('POST', `/api/users/${id}/password`, { token: await vigil.adminToken(), body });

  it('does not force the admin whose password the operator chose with ADMIN_PASSWORD', async () => {
    const token = await vigil.adminToken();
    expect(await vigil.request<UserView>('GET', '/api/auth/me', { token })).toMatchObject({ status: 200, body: { mustChangePassword: false } });
    expect((await vigil.request('GET', '/api/users', { token })).status).toBe(200);
  });

  it('forces a change on a user created with mustChangePassword, and not on one created without it', async () => {
    const forced = await newUser('tao.moi.bat.buoc', { mustChangePassword: true });
    expect(forced.mustChangePassword).toBe(true);
    const token = await vigil.loginAs('tao.moi.bat.buoc', 'mat-khau-ban-dau-2026');
    expect(await vigil.request<ApiErrorBody>('GET', '/api/items', { token })).toMatchObject({ status: 403, body: { code: 'password_change_required' } });
    expect((await vigil.request('POST', '/api/auth/password', { token, body: { currentPassword: 'mat-khau-ban-dau-2026', newPassword: 'mat-khau-cua-toi-2026' } })).status).toBe(204);
    expect((await vigil.request('GET', '/api/items', { token })).status).toBe(200);

    const free = await newUser('tao.moi.tu.do');
    expect(free.mustChangePassword).toBe(false);
    expect((await vigil.request('GET', '/api/items', { token: await vigil.loginAs('tao.moi.tu.do', 'mat-khau-ban-dau-2026') })).status).toBe(200);
  });

  it('resets to a password the admin chose: the user’s sessions end, the old password stops working, the new one must be changed', async () => {
    const user = await newUser('dat.lai.chon');
    const before = await vigil.loginAs('dat.lai.chon', 'mat-khau-ban-dau-2026');
    const answer = await reset(user.id, { password: 'tam-thoi-do-admin-dat' });
    expect(answer).toMatchObject({ status: 200, body: { user: { id: user.id, mustChangePassword: true }, generatedPassword: null } });
    expect(await vigil.request<ApiErrorBody>('GET', '/api/auth/me', { token: before })).toMatchObject({ status: 401, body: { code: 'unauthenticated' } });
    expect((await vigil.request('POST', '/api/auth/login', { body: { username: 'dat.lai.chon', password: 'mat-khau-ban-dau-2026' } })).status).toBe(401);

    const token = await vigil.loginAs('dat.lai.chon', 'tam-thoi-do-admin-dat');
    expect(await vigil.request<UserView>('GET', '/api/auth/me', { token })).toMatchObject({ status: 200, body: { mustChangePassword: true } });
    expect(await vigil.request<ApiErrorBody>('GET', '/api/sources', { token })).toMatchObject({ status: 403, body: { code: 'password_change_required' } });
    expect((await vigil.request('POST', '/api/auth/password', { token, body: { currentPassword: 'tam-thoi-do-admin-dat', newPassword: 'mat-khau-that-cua-toi' } })).status).toBe(204);
    expect((await vigil.request('GET', '/api/sources', { token })).status).toBe(200);
    const listed = await vigil.request<UserView[]>('GET', '/api/users', { token: await vigil.adminToken() });
    expect(listed.body.find((entry) => entry.id === user.id)?.mustChangePassword).toBe(false);
  });

  it('resets to a generated password answered once, which signs in and must be changed', async () => {
    const user = await newUser('dat.lai.sinh');
    const answer = await reset(user.id, {});
    expect(answer.status).toBe(200);
    const generated = answer.body.generatedPassword ?? '';
    expect(generated).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const token = await vigil.loginAs('dat.lai.sinh', generated);
    expect(await vigil.request<ApiErrorBody>('GET', '/api/items', { token })).toMatchObject({ status: 403, body: { code: 'password_change_required' } });
    expect(await vigil.request<ApiErrorBody>('POST', '/api/auth/password', { token, body: { currentPassword: generated, newPassword: 'matkhau123' } })).toMatchObject({
      status: 400,
      body: { code: 'password_too_common', field: 'newPassword' },
    });
    expect((await vigil.request('POST', '/api/auth/password', { token, body: { currentPassword: generated, newPassword: 'mat-khau-that-cua-toi' } })).status).toBe(204);
    expect((await vigil.request('GET', '/api/items', { token })).status).toBe(200);
    // A second reset generates a different password.
    expect((await reset(user.id, {})).body.generatedPassword).not.toBe(generated);
  });

  it('refuses a short or common chosen password and an unknown user, and changes nothing', async () => {
    const user = await newUser('dat.lai.sai');
    expect(await reset(user.id, { password: 'ngan' })).toMatchObject({ status: 400, body: { code: 'validation_failed', field: 'password' } });
    expect(await reset(user.id, { password: 'Mật Khẩu 123' })).toMatchObject({ status: 400, body: { code: 'password_too_common', field: 'password' } });
    expect(await reset('3d8f7a10-2b4c-4e6f-9a1b-5c7d9e0f1a2b', {})).toMatchObject({ status: 404, body: { code: 'user_not_found' } });
    const token = await vigil.loginAs('dat.lai.sai', 'mat-khau-ban-dau-2026');
    expect(await vigil.request<UserView>('GET', '/api/auth/me', { token })).toMatchObject({ status: 200, body: { mustChangePassword: false } });
  });

  it('lets an admin edit another user’s roles, but never remove their own admin role or disable themselves', async () => {
    const admin = await vigil.adminToken();
    const user = await newUser('doi.vai.tro');
    expect(await vigil.request('PATCH', `/api/users/${user.id}`, { token: admin, body: { roles: ['leader', 'duty_officer'] } })).toMatchObject({
      status: 200,
      body: { roles: ['leader', 'duty_officer'] },
    });
    const me = (await vigil.request<UserView>('GET', '/api/auth/me', { token: admin })).body;
    expect(await vigil.request<ApiErrorBody>('PATCH', `/api/users/${me.id}`, { token: admin, body: { roles: ['leader'] } })).toMatchObject({
      status: 400,
      body: { code: 'self_lockout', field: 'roles' },
    });
    expect(await vigil.request<ApiErrorBody>('PATCH', `/api/users/${me.id}`, { token: admin, body: { disabled: true } })).toMatchObject({
      status: 400,
      body: { code: 'self_lockout', field: 'disabled' },
    });
    expect(await vigil.request<UserView>('GET', '/api/auth/me', { token: admin })).toMatchObject({ status: 200, body: { roles: ['admin'], disabled: false } });
  });

  it('answers the session probe with 200 whether or not the caller is signed in, and says when a session timed out', async () => {
    expect(await vigil.request<SessionState>('GET', '/api/auth/session')).toEqual({ status: 200, body: { signedIn: false, sessionExpired: false } });
    expect(await vigil.request<SessionState>('GET', '/api/auth/session', { token: 'not-a-token' })).toEqual({ status: 200, body: { signedIn: false, sessionExpired: false } });
    await newUser('tham.do.phien');
    const token = await vigil.loginAs('tham.do.phien', 'mat-khau-ban-dau-2026');
    expect(await vigil.request<SessionState>('GET', '/api/auth/session', { token })).toMatchObject({ status: 200, body: { signedIn: true, user: { username: 'tham.do.phien' } } });
    vigil.clock.advance(61 * MINUTE);
    expect(await vigil.request<SessionState>('GET', '/api/auth/session', { token })).toEqual({ status: 200, body: { signedIn: false, sessionExpired: true } });
    expect((await vigil.request('POST', '/api/auth/logout', { token: await vigil.loginAs('tham.do.phien', 'mat-khau-ban-dau-2026') })).status).toBe(204);
  });
});
