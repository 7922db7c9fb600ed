import { LiveEventPublisher } from '@vigil/realtime';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';
import { connectLive, itemChange, refusal, type LiveClient } from './support/live-client';

const WRITER = { username: 'phong-vien', password: 'mat-khau-phong-vien-2026' };

describe('live feed: /live socket.io namespace and GET /api/events', () => {
  let vigil: VigilTestApp;
  let publisher: LiveEventPublisher;
  let adminToken: string;
  const clients: LiveClient[] = [];
  const connect = (...args: Parameters<typeof connectLive>) => {
    const client = connectLive(...args);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    vigil = await startVigil();
    publisher = vigil.app.get(LiveEventPublisher, { strict: false });
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

  it('sends a signed-in client each published event as { id, type, at, data }', async () => {
    const client = connect(vigil.baseUrl, { auth: { token: adminToken } });
    await client.waitForReady();
    const published = await publisher.publish('item.changed', itemChange(1));
    const [received] = await client.waitForEvents(1);
    expect(received).toEqual({ id: published.id, type: 'item.changed', at: published.at, data: itemChange(1) });
    expect(received.id).toMatch(/^[1-9]\d*$/);
    // The app's clock, not today's date.
    expect(Math.abs(Date.parse(received.at) - vigil.clock.now().getTime())).toBeLessThan(60_000);
  });

  it('refuses a handshake without valid credentials with connect_error unauthenticated', async () => {
    expect(await refusal(vigil.baseUrl, { auth: { token: 'not-a-token' } })).toMatchObject({ message: 'unauthenticated', data: { code: 'unauthenticated' } });
    expect(await refusal(vigil.baseUrl, { auth: {} })).toMatchObject({ data: { code: 'unauthenticated' } });
    expect(await refusal(vigil.baseUrl, { auth: { token: adminToken, lastEventId: 'yesterday' } })).toMatchObject({ data: { code: 'validation_failed' } });
  });

  it('signs a browser in by its session cookie, only from Vigil’s own origin', async () => {
    const login = await fetch(`${vigil.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(WRITER) });
    const cookie = /vigil_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0] ?? '';
    expect(cookie).not.toBe('');
    const origin = new URL(vigil.baseUrl).origin;
    const browser = connect(vigil.baseUrl, { auth: {}, extraHeaders: { cookie, origin } });
    await browser.waitForReady();
    expect(await refusal(vigil.baseUrl, { auth: {}, extraHeaders: { cookie, origin: 'https://trang-gia-mao.example' } })).toMatchObject({ data: { code: 'cross_site_request' } });
  });

  it('delivers an event with an audience only to the rooms of its roles', async () => {
    const writer = connect(vigil.baseUrl, { auth: { token: await vigil.loginAs(WRITER.username, WRITER.password) } });
    const admin = connect(vigil.baseUrl, { auth: { token: adminToken } });
    await Promise.all([writer.waitForReady(), admin.waitForReady()]);
    await publisher.publish('item.changed', itemChange(2), { roles: ['admin', 'leader'] });
    const everyone = await publisher.publish('item.removed', { ...itemChange(3), reason: 'page_gone', params: { httpStatus: 410 } });
    expect((await admin.waitForEvents(2)).map((event) => event.type)).toEqual(['item.changed', 'item.removed']);
    expect((await writer.waitForEvents(1)).map((event) => event.id)).toEqual([everyone.id]);
  });

  it('replays exactly the missed events, in order and once, also those published during the replay', async () => {
    const first = connect(vigil.baseUrl, { auth: { token: adminToken } });
    await first.waitForReady();
    const seen = await publisher.publish('item.changed', itemChange(10));
    await first.waitForEvents(1);
    first.close();

    // More than one replay page (500), stored while the client was away.
    const missed = await publisher.publishAll(Array.from({ length: 620 }, (_, n) => ({ type: 'item.changed' as const, data: itemChange(100 + n) })));
    const returning = connect(vigil.baseUrl, { auth: { token: adminToken, lastEventId: seen.id } });
    const duringReplay = [];
    for (let n = 0; n < 30; n++) duringReplay.push(await publisher.publish('item.changed', itemChange(1000 + n)));
    const expected = [...missed, ...duringReplay].map((event) => event.id);

    const received = await returning.waitForEvents(expected.length);
    await new Promise((resolve) => setTimeout(resolve, 300)); // time for a duplicate to arrive, if one were sent
    expect(returning.events.map((event) => event.id)).toEqual(expected);
    expect(received[0].data).toEqual(itemChange(100));
  });

  it('resumes after a dropped connection from the last event heard', async () => {
    const client = connect(vigil.baseUrl, { auth: { token: adminToken } });
    await client.waitForReady();
    const before = await publisher.publish('item.changed', itemChange(20));
    await client.waitForEvents(1);
    // The transport drops (not a server decision): the client reconnects by itself with lastEventId.
    client.socket.io.engine.close();
    const whileAway = await publisher.publish('item.changed', itemChange(21));
    await client.waitForReady(2);
    const after = await publisher.publish('item.changed', itemChange(22));
    await client.waitForEvents(3);
    expect(client.events.map((event) => event.id)).toEqual([before.id, whileAway.id, after.id]);
  });

  it('GET /api/events?after= pages through the same stored events the user may see', async () => {
    const writerToken = await vigil.loginAs(WRITER.username, WRITER.password);
    const start = (await vigil.request<{ nextAfter: string }>('GET', '/api/events?after=0&limit=1', { token: adminToken })).body;
    const latest = await publisher.publish('item.changed', itemChange(30));
    const adminOnly = await publisher.publish('item.changed', itemChange(31), { roles: ['admin'] });
    const last = await publisher.publish('item.removed', { ...itemChange(32), reason: 'page_gone', params: { httpStatus: 404 } });

    const page = await vigil.request<{ events: { id: string }[]; nextAfter: string; hasMore: boolean }>('GET', `/api/events?after=${latest.id}&limit=1`, { token: adminToken });
    expect(page).toMatchObject({ status: 200, body: { events: [adminOnly], nextAfter: adminOnly.id, hasMore: true } });
    const rest = await vigil.request('GET', `/api/events?after=${page.body.nextAfter}`, { token: adminToken });
    expect(rest.body).toEqual({ events: [last], nextAfter: last.id, hasMore: false });
    // A writer's replay leaves out what only admins may see.
    const writers = await vigil.request<{ events: { id: string }[] }>('GET', `/api/events?after=${latest.id}`, { token: writerToken });
    expect(writers.body.events.map((event) => event.id)).toEqual([last.id]);
    expect(start.nextAfter).toMatch(/^\d+$/);
  });

  it('GET /api/events refuses bad cursors and limits with 400 validation_failed, anonymous callers with 401', async () => {
    for (const query of ['after=abc', 'after=-1', 'after=1.5', 'limit=0', 'limit=501', 'limit=many', 'after=99999999999999999999']) {
      const { status, body } = await vigil.request<{ code: string; field?: string }>('GET', `/api/events?${query}`, { token: adminToken });
      expect({ query, status, code: body.code }).toEqual({ query, status: 400, code: 'validation_failed' });
      expect(body.field).toBe(query.split('=')[0]);
    }
    expect(await vigil.request('GET', '/api/events')).toMatchObject({ status: 401, body: { code: 'unauthenticated' } });
  });
});
