import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareTestEnvironment, TestClock, type TestEnvironment } from '@vigil/testing';
import { connectLive, itemChange, type LiveClient } from './support/live-client';
import { freePort, startApiProcess, type ApiProcess } from './support/live-app';

/**
 * The event store outlives the API process: a client that stays connected through a restart (socket.io reconnects
 * it with its last event id) gets every event exactly once — those sent just before the stop, those stored just
 * after the start, and the live ones. Embedded PGlite persists in a temporary data directory; PostgreSQL with
 * TEST_DATABASE_URL.
 */
describe('live feed across an API restart', () => {
  let environment: TestEnvironment;
  let dataDir: string | null = null;
  let api: ApiProcess | null = null;
  let client: LiveClient | null = null;

  beforeAll(async () => {
    dataDir = process.env.TEST_DATABASE_URL ? null : mkdtempSync(join(tmpdir(), 'vigil-live-'));
    // TMPDIR too: the embedded database's socket directory, so nothing is left in the system's /tmp.
    environment = await prepareTestEnvironment(dataDir ? { VIGIL_DATA_DIR: join(dataDir, 'data'), TMPDIR: dataDir } : {});
  });

  afterAll(async () => {
    client?.close();
    await api?.close();
    await environment?.cleanup();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses nothing and repeats nothing when the API restarts between events', async () => {
    const clock = new TestClock();
    const port = await freePort();
    api = await startApiProcess(environment.env, clock, port);
    client = connectLive(api.baseUrl, { auth: { token: await api.adminToken() } });
    await client.waitForReady();
    const first = await api.publisher.publish('item.changed', itemChange(1));
    await client.waitForEvents(1);

    // Stored just before the stop: whether or not it reaches the client before the transport closes.
    const beforeStop = await api.publisher.publish('item.changed', itemChange(2));
    await api.close();
    api = await startApiProcess(environment.env, clock, port);
    // Stored before the client is back: it comes by replay.
    const afterStart = await api.publisher.publish('item.removed', { ...itemChange(3), reason: 'page_gone', params: { httpStatus: 410 } });
    await client.waitForReady(2);
    const live = await api.publisher.publish('item.changed', itemChange(4));

    await client.waitForEvents(4);
    await new Promise((resolve) => setTimeout(resolve, 300)); // time for a duplicate to arrive, if one were sent
    expect(client.events.map((event) => event.id)).toEqual([first.id, beforeStop.id, afterStart.id, live.id]);
    expect(client.events[2]).toEqual(afterStart);
  });
});
