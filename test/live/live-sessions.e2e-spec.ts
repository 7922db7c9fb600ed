import { startVigil, type VigilTestApp } from '../support/vigil-test-app';
import { connectLive, disconnection, refusal, type LiveClient } from './support/live-client';

const WRITER = { username: 'phong-vien', password: 'mat-khau-phong-vien-2026' };

/** A socket is signed in at its handshake only, so every way a session ends must close its sockets itself. */
describe('live feed: ending a session closes its sockets at once', () => {
  let vigil: VigilTestApp;
  let adminToken: string;
  const clients: LiveClient[] = [];
  const connect = (...args: Parameters<typeof connectLive>) => {
    const client = connectLive(...args);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    vigil = await startVigil();
    adminToken = await vigil.adminToken();
    const created = await vigil.request('POST', '/api/users', { token: adminToken, body: { ...WRITER, displayName: 'Phóng viên', roles: ['writer'] } });
    expect(created.status).toBe(201);
  });

  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });

  afterAll(async () => {
    await vigil?.close();
  });

  it('closes the socket at once on logout, and refuses it afterwards', async () => {
    const token = await vigil.loginAs(WRITER.username, WRITER.password);
    const other = await vigil.loginAs(WRITER.username, WRITER.password);
    const client = connect(vigil.baseUrl, { auth: { token } });
    const sibling = connect(vigil.baseUrl, { auth: { token: other } });
    await Promise.all([client.waitForReady(), sibling.waitForReady()]);
    const closed = disconnection(client);
    expect((await vigil.request('POST', '/api/auth/logout', { token })).status).toBe(204);
    expect(await closed).toBe('io server disconnect');
    expect(sibling.socket.connected).toBe(true);
    expect(await refusal(vigil.baseUrl, { auth: { token } })).toMatchObject({ data: { code: 'unauthenticated' } });
  });

  it('closes the user’s other sockets when the password changes, keeping the one of the session that changed it', async () => {
    const user = { username: 'bien-tap-vien', password: 'mat-khau-bien-tap-2026' };
    expect((await vigil.request('POST', '/api/users', { token: adminToken, body: { ...user, displayName: 'Biên tập', roles: ['reviewer'] } })).status).toBe(201);
    const changing = await vigil.loginAs(user.username, user.password);
    const elsewhere = await vigil.loginAs(user.username, user.password);
    const kept = connect(vigil.baseUrl, { auth: { token: changing } });
    const ended = connect(vigil.baseUrl, { auth: { token: elsewhere } });
    await Promise.all([kept.waitForReady(), ended.waitForReady()]);
    const closed = disconnection(ended);
    const answer = await vigil.request('POST', '/api/auth/password', { token: changing, body: { currentPassword: user.password, newPassword: 'mat-khau-moi-hoan-toan-2026' } });
    expect(answer.status).toBe(204);
    expect(await closed).toBe('io server disconnect');
    expect(kept.socket.connected).toBe(true);
  });

  it('closes every socket of a user an admin disables', async () => {
    const user = { username: 'truc-ban', password: 'mat-khau-truc-ban-2026' };
    const created = await vigil.request<{ id: string }>('POST', '/api/users', { token: adminToken, body: { ...user, displayName: 'Trực ban', roles: ['duty_officer'] } });
    const client = connect(vigil.baseUrl, { auth: { token: await vigil.loginAs(user.username, user.password) } });
    await client.waitForReady();
    const closed = disconnection(client);
    expect((await vigil.request('PATCH', `/api/users/${created.body.id}`, { token: adminToken, body: { disabled: true } })).status).toBe(200);
    expect(await closed).toBe('io server disconnect');
  });
});
