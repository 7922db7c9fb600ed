import type { ApiErrorBody, UserView } from '@vigil/contracts';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Sessions end on their own: after VIGIL_SESSION_IDLE_MINUTES (60 by default) without use and after
 * VIGIL_SESSION_TTL_HOURS (12) whatever the use, both on the app's test clock. A timed-out session answers
 * `session_expired`, so the console can say so; one that was ended (logout, disabled user) answers `unauthenticated`.
 */
describe('Vigil sessions: idle and absolute timeouts, logout and disabling', () => {
  let vigil: VigilTestApp;

  beforeAll(async () => {
    vigil = await startVigil();
  });

  afterAll(async () => {
    await vigil?.close();
  });

  /** Signs the admin in afresh each time: these specs move the clock past every earlier session's end. */
  async function newUser(username: string, password = 'phien-dang-nhap-2026'): Promise<{ user: UserView; token: string }> {
    const created = await vigil.request<UserView>('POST', '/api/users', { token: await vigil.adminToken(), body: { username, password, displayName: 'Trực ban', roles: ['duty_officer'] } });
    expect(created.status).toBe(201);
    return { user: created.body, token: await vigil.loginAs(username, password) };
  }

  /** The console's way in: the session cookie, no bearer token. */
  async function meByCookie(token: string): Promise<{ status: number; body: ApiErrorBody | UserView }> {
    const response = await fetch(`${vigil.baseUrl}/api/auth/me`, { headers: { cookie: `vigil_session=${token}` } });
    return { status: response.status, body: (await response.json()) as ApiErrorBody | UserView };
  }

  const me = (token: string) => vigil.request<ApiErrorBody>('GET', '/api/auth/me', { token });

  it('keeps a session that is used, and ends one left idle past the idle timeout with session_expired', async () => {
    const { token } = await newUser('nhan.ri');
    const idle = await vigil.loginAs('nhan.ri', 'phien-dang-nhap-2026');
    // Used every 50 minutes, the first session lives on; the second, untouched, times out after 60.
    for (let round = 0; round < 3; round += 1) {
      vigil.clock.advance(50 * MINUTE);
      expect((await me(token)).status).toBe(200);
    }
    expect(await me(idle)).toMatchObject({ status: 401, body: { code: 'session_expired' } });
    expect(await meByCookie(idle)).toMatchObject({ status: 401, body: { code: 'session_expired' } });
    vigil.clock.advance(61 * MINUTE);
    expect(await me(token)).toMatchObject({ status: 401, body: { code: 'session_expired' } });
    expect(await meByCookie(token)).toMatchObject({ status: 401, body: { code: 'session_expired' } });
    // Timing out ends that session only: the password still signs in.
    expect((await me(await vigil.loginAs('nhan.ri', 'phien-dang-nhap-2026'))).status).toBe(200);
  });

  it('ends a session at its absolute lifetime however busy it is', async () => {
    const { token } = await newUser('ban.ron');
    for (let elapsed = 0; elapsed + 45 * MINUTE < 12 * HOUR; elapsed += 45 * MINUTE) {
      vigil.clock.advance(45 * MINUTE);
      expect((await me(token)).status).toBe(200);
    }
    vigil.clock.advance(45 * MINUTE);
    expect(await me(token)).toMatchObject({ status: 401, body: { code: 'session_expired', message: 'The session timed out; sign in again' } });
  });

  it('ends the session at logout at once, for the bearer token and the cookie alike, as unauthenticated', async () => {
    const { token } = await newUser('dang.xuat');
    expect((await meByCookie(token)).status).toBe(200);
    expect((await vigil.request('POST', '/api/auth/logout', { token })).status).toBe(204);
    expect(await me(token)).toMatchObject({ status: 401, body: { code: 'unauthenticated' } });
    expect(await meByCookie(token)).toMatchObject({ status: 401, body: { code: 'unauthenticated' } });
  });

  it('ends every session of a disabled user at once, and enabling the user again does not bring them back', async () => {
    const { user, token } = await newUser('tam.nghi');
    const second = await vigil.loginAs('tam.nghi', 'phien-dang-nhap-2026');
    const admin = await vigil.adminToken();
    expect((await vigil.request('PATCH', `/api/users/${user.id}`, { token: admin, body: { disabled: true } })).status).toBe(200);
    for (const ended of [token, second]) {
      expect(await me(ended)).toMatchObject({ status: 401, body: { code: 'unauthenticated' } });
      expect(await meByCookie(ended)).toMatchObject({ status: 401, body: { code: 'unauthenticated' } });
    }
    expect((await vigil.request('PATCH', `/api/users/${user.id}`, { token: admin, body: { disabled: false } })).status).toBe(200);
    expect((await me(token)).status).toBe(401);
    expect((await me(await vigil.loginAs('tam.nghi', 'phien-dang-nhap-2026'))).status).toBe(200);
  });
});

describe('Vigil passwords: the most common ones are refused wherever a password is set', () => {
  let vigil: VigilTestApp;
  let admin: string;

  beforeAll(async () => {
    vigil = await startVigil();
    admin = await vigil.adminToken();
  });

  afterAll(async () => {
    await vigil?.close();
  });

  it.each(['123456789', 'Password1', 'iloveyou', 'matkhau123', 'Mật Khẩu 123', 'ANH-YÊU-EM', 'đẹp trai 123'])('refuses %j when an admin creates a user', async (password) => {
    const answer = await vigil.request<ApiErrorBody>('POST', '/api/users', {
      token: admin,
      body: { username: 'mat.khau.yeu', password, displayName: 'Mật khẩu yếu', roles: ['writer'] },
    });
    expect(answer).toMatchObject({ status: 400, body: { code: 'password_too_common', field: 'password' } });
  });

  it('refuses a common new password on a change, and keeps the old one', async () => {
    const created = await vigil.request('POST', '/api/users', {
      token: admin,
      body: { username: 'doi.sang.yeu', password: 'mat-khau-rieng-2026', displayName: 'Đổi', roles: ['writer'] },
    });
    expect(created.status).toBe(201);
    const token = await vigil.loginAs('doi.sang.yeu', 'mat-khau-rieng-2026');
    const refused = await vigil.request<ApiErrorBody>('POST', '/api/auth/password', { token, body: { currentPassword: 'mat-khau-rieng-2026', newPassword: 'Anh Yêu Em' } });
    expect(refused).toMatchObject({ status: 400, body: { code: 'password_too_common', field: 'newPassword' } });
    expect((await vigil.request('POST', '/api/auth/login', { body: { username: 'doi.sang.yeu', password: 'mat-khau-rieng-2026' } })).status).toBe(200);
  });
});
