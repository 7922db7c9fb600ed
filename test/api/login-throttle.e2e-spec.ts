import type { ApiErrorBody, UserView } from '@vigil/contracts';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';

/** The sign-in limit counts every attempt as it starts, so no burst of parallel guesses gets past it. */
describe('Vigil sign-in limit', () => {
  let vigil: VigilTestApp;
  let admin: string;

  beforeAll(async () => {
    vigil = await startVigil();
    admin = await vigil.adminToken();
  });

  afterAll(async () => {
    await vigil?.close();
  });

  async function createUser(username: string, password = 'mat-khau-dung-2026'): Promise<UserView> {
    const { status, body } = await vigil.request<UserView>('POST', '/api/users', {
      token: admin,
      body: { username, password, displayName: 'Cán bộ trực', roles: ['leader'] },
    });
    expect(status).toBe(201);
    return body;
  }

  function login(username: string, password: string) {
    return vigil.request<ApiErrorBody>('POST', '/api/auth/login', { body: { username, password } });
  }

  it('verifies at most 10 of 100 parallel sign-ins for one username and refuses the rest with 429', async () => {
    await createUser('song.song');
    const attempts = Array.from({ length: 100 }, (_, index) => login('song.song', index === 57 ? 'mat-khau-dung-2026' : `sai-${index}-mat-khau`));
    const answers = await Promise.all(attempts);
    const verified = answers.filter((answer) => answer.status === 200 || answer.status === 401);
    const refused = answers.filter((answer) => answer.status === 429);
    expect(verified.length).toBeLessThanOrEqual(10);
    expect(refused.length).toBe(100 - verified.length);
    expect(refused[0]?.body).toMatchObject({ code: 'too_many_login_attempts', details: { retryAfterSec: expect.any(Number) } });
    expect(await login('song.song', 'mat-khau-dung-2026')).toMatchObject({ status: 429 });
  });

  it('keeps counting failures across a successful sign-in: 10 failures in the window block the pair', async () => {
    await createUser('xen.ke');
    for (let attempt = 0; attempt < 9; attempt += 1) expect((await login('xen.ke', 'khong-dung')).status).toBe(401);
    expect((await login('xen.ke', 'mat-khau-dung-2026')).status).toBe(200);
    expect((await login('xen.ke', 'khong-dung')).status).toBe(401);
    expect(await login('xen.ke', 'mat-khau-dung-2026')).toMatchObject({ status: 429, body: { code: 'too_many_login_attempts' } });
  });
});
