import type { ApiErrorBody, LoginAnswer, LoginResponse, TwoFactorActivation, TwoFactorEnrolment, TwoFactorStatus, UserView } from '@vigil/contracts';
import { generate } from 'otplib';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';

const PERIOD_MS = 30_000;

/**
 * The optional TOTP second factor of admins and leaders: enrolment, sign-in in two steps (code or recovery code),
 * single-use codes, the sign-in throttle over the code step, and turning it off. Codes are computed with otplib from
 * the secret the API returned, at the app's test clock.
 */
describe('Vigil two-step verification (TOTP)', () => {
  let vigil: VigilTestApp;

  beforeAll(async () => {
    vigil = await startVigil();
  });

  afterAll(async () => {
    await vigil?.close();
  });

  const codeFor = (secret: string) => generate({ secret, epoch: Math.floor(vigil.clock.now().getTime() / 1000) });

  async function newUser(username: string, roles: UserView['roles'], password = 'hai-buoc-mat-khau-2026'): Promise<string> {
    const created = await vigil.request('POST', '/api/users', { token: await vigil.adminToken(), body: { username, password, displayName: username, roles } });
    expect(created.status).toBe(201);
    return vigil.loginAs(username, password);
  }

  /** Enrols and confirms; returns the secret and the recovery codes. */
  async function enrol(token: string): Promise<{ secret: string; recoveryCodes: string[] }> {
    const enrolment = await vigil.request<TwoFactorEnrolment>('POST', '/api/auth/two-factor/enrol', { token });
    expect(enrolment.status).toBe(200);
    const confirmed = await vigil.request<TwoFactorActivation>('POST', '/api/auth/two-factor/confirm', { token, body: { code: await codeFor(enrolment.body.secret) } });
    expect(confirmed.status).toBe(200);
    return { secret: enrolment.body.secret, recoveryCodes: confirmed.body.recoveryCodes };
  }

  const login = (username: string, password = 'hai-buoc-mat-khau-2026') => vigil.request<LoginAnswer & ApiErrorBody>('POST', '/api/auth/login', { body: { username, password } });
  const secondStep = (challengeToken: string, code: string) =>
    vigil.request<LoginResponse & ApiErrorBody>('POST', '/api/auth/login/second-factor', { body: { challengeToken, code } });

  async function challengeOf(username: string): Promise<string> {
    const answer = await login(username);
    expect(answer.status).toBe(200);
    if (!('secondFactorRequired' in answer.body)) throw new Error(`${username} signed in without a second factor`);
    return answer.body.challengeToken;
  }

  it('lets only admins and leaders enrol', async () => {
    const officer = await newUser('truc.ban.2fa', ['duty_officer']);
    expect(await vigil.request('GET', '/api/auth/two-factor', { token: officer })).toMatchObject({ status: 200, body: { available: false, enabled: false } });
    expect(await vigil.request('POST', '/api/auth/two-factor/enrol', { token: officer })).toMatchObject({ status: 403, body: { code: 'forbidden' } });
  });

  it('enrols a leader: an otpauth URI, a first code turns it on, ten recovery codes, then sign-in takes two steps', async () => {
    const token = await newUser('lanh.dao.2fa', ['leader']);
    const enrolment = await vigil.request<TwoFactorEnrolment>('POST', '/api/auth/two-factor/enrol', { token });
    expect(enrolment.body.otpauthUri).toBe(`otpauth://totp/Vigil:lanh.dao.2fa?secret=${enrolment.body.secret}&issuer=Vigil`);
    // Not on until confirmed: the password alone still signs in.
    expect((await login('lanh.dao.2fa')).body).toMatchObject({ accessToken: expect.any(String) });
    expect(await vigil.request('POST', '/api/auth/two-factor/confirm', { token, body: { code: '000000' } })).toMatchObject({
      status: 401,
      body: { code: 'wrong_second_factor_code', field: 'code' },
    });
    const confirmed = await vigil.request<TwoFactorActivation>('POST', '/api/auth/two-factor/confirm', { token, body: { code: await codeFor(enrolment.body.secret) } });
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.body.recoveryCodes).size).toBe(10);
    expect(await vigil.request<TwoFactorStatus>('GET', '/api/auth/two-factor', { token })).toMatchObject({ body: { available: true, enabled: true, recoveryCodesLeft: 10 } });
    expect(await vigil.request('POST', '/api/auth/two-factor/enrol', { token })).toMatchObject({ status: 409, body: { code: 'two_factor_already_enabled' } });

    // The password step answers with a challenge: no token, no cookie, no session.
    const response = await fetch(`${vigil.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'lanh.dao.2fa', password: 'hai-buoc-mat-khau-2026' }),
    });
    const answer = (await response.json()) as LoginAnswer;
    expect(answer).toEqual({ secondFactorRequired: true, challengeToken: expect.any(String), expiresInSec: 300 });
    expect(response.headers.get('set-cookie')).toBeNull();
    const { challengeToken } = answer as { challengeToken: string };
    // A challenge is not a session token.
    expect(await vigil.request('GET', '/api/auth/me', { token: challengeToken })).toMatchObject({ status: 401, body: { code: 'unauthenticated' } });

    // The code that confirmed enrolment belongs to a period already used: it does not sign in.
    expect(await secondStep(challengeToken, await codeFor(enrolment.body.secret))).toMatchObject({ status: 401, body: { code: 'wrong_second_factor_code' } });
    vigil.clock.advance(PERIOD_MS);
    const code = await codeFor(enrolment.body.secret);
    const signedIn = await secondStep(challengeToken, code);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user.username).toBe('lanh.dao.2fa');
    expect((await vigil.request('GET', '/api/auth/me', { token: signedIn.body.accessToken })).status).toBe(200);
    // Each code works once, even with a fresh challenge.
    expect(await secondStep(await challengeOf('lanh.dao.2fa'), code)).toMatchObject({ status: 401, body: { code: 'wrong_second_factor_code' } });
    // A session token is not a challenge either.
    expect(await secondStep(signedIn.body.accessToken, code)).toMatchObject({ status: 401, body: { code: 'second_factor_challenge_invalid' } });
  });

  it('accepts each recovery code once, whatever its case and dashes', async () => {
    const token = await newUser('quan.tri.2fa', ['admin']);
    const { recoveryCodes } = await enrol(token);
    const [first, second] = recoveryCodes as [string, string];
    expect((await secondStep(await challengeOf('quan.tri.2fa'), first.toUpperCase().replace('-', ''))).status).toBe(200);
    expect(await secondStep(await challengeOf('quan.tri.2fa'), first)).toMatchObject({ status: 401, body: { code: 'wrong_second_factor_code' } });
    expect((await secondStep(await challengeOf('quan.tri.2fa'), ` ${second} `)).status).toBe(200);
    expect((await vigil.request<TwoFactorStatus>('GET', '/api/auth/two-factor', { token })).body.recoveryCodesLeft).toBe(8);
  });

  it('refuses a challenge after five minutes', async () => {
    const token = await newUser('het.han.2fa', ['leader']);
    const { secret } = await enrol(token);
    const challengeToken = await challengeOf('het.han.2fa');
    vigil.clock.advance(5 * 60_000 + 1000);
    expect(await secondStep(challengeToken, await codeFor(secret))).toMatchObject({ status: 401, body: { code: 'second_factor_challenge_invalid', field: 'challengeToken' } });
  });

  it('counts wrong codes in the sign-in throttle: after 10 the right code is refused with 429 too', async () => {
    const token = await newUser('doan.ma.2fa', ['leader']);
    const { secret } = await enrol(token);
    const challengeToken = await challengeOf('doan.ma.2fa');
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect((await secondStep(challengeToken, String(100000 + attempt))).status).toBe(401);
    }
    vigil.clock.advance(PERIOD_MS);
    const refused = await secondStep(challengeToken, await codeFor(secret));
    expect(refused).toMatchObject({ status: 429, body: { code: 'too_many_login_attempts', details: { retryAfterSec: expect.any(Number) } } });
    expect((await login('doan.ma.2fa')).status).toBe(429);
  });

  it('turns off with a current code or the password, after which the password alone signs in', async () => {
    const token = await newUser('tat.2fa', ['admin']);
    const { secret } = await enrol(token);
    expect(await vigil.request('POST', '/api/auth/two-factor/disable', { token, body: {} })).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
    expect(await vigil.request('POST', '/api/auth/two-factor/disable', { token, body: { password: 'sai-mat-khau' } })).toMatchObject({
      status: 401,
      body: { code: 'wrong_current_password', field: 'password' },
    });
    vigil.clock.advance(PERIOD_MS);
    expect((await vigil.request('POST', '/api/auth/two-factor/disable', { token, body: { code: await codeFor(secret) } })).status).toBe(204);
    expect((await login('tat.2fa')).body).toMatchObject({ accessToken: expect.any(String) });
    expect(await vigil.request('POST', '/api/auth/two-factor/disable', { token, body: { password: 'hai-buoc-mat-khau-2026' } })).toMatchObject({
      status: 409,
      body: { code: 'two_factor_not_enabled' },
    });
    // And on again with a new secret, turned off with the password this time.
    const token2 = await vigil.loginAs('tat.2fa', 'hai-buoc-mat-khau-2026');
    await enrol(token2);
    expect((await vigil.request('POST', '/api/auth/two-factor/disable', { token: token2, body: { password: 'hai-buoc-mat-khau-2026' } })).status).toBe(204);
  });
});
