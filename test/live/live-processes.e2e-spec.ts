import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigModule, loadConfig } from '@vigil/config';
import { PersistenceModule } from '@vigil/persistence';
import { InProcessLiveNotifier, LiveEventPublisher, RealtimeModule, type LiveNotification } from '@vigil/realtime';
import { prepareTestEnvironment, TestClock, type TestEnvironment } from '@vigil/testing';
import { connectLive, itemChange, type LiveClient } from './support/live-client';
import { startApiProcess, type ApiProcess } from './support/live-app';

const servers = Boolean(process.env.TEST_DATABASE_URL && process.env.TEST_REDIS_URL);
/** Two API processes on one database and Redis prefix, and a publisher that is no API at all (as the ingestor is). */
describe('live feed across processes', () => {
  beforeAll(() => {
    if (!servers) {
      console.log('Two API processes and an ingestor-like publisher need TEST_DATABASE_URL and TEST_REDIS_URL (an embedded database belongs to one process); .ci/run sets them in its second pass.');
    }
  });

  it('in single-process mode tells every handler of the process, one failing handler not stopping the others', async () => {
    const notifier = new InProcessLiveNotifier();
    const heard: LiveNotification[] = [];
    notifier.subscribe(() => {
      throw new Error('a broken handler');
    });
    notifier.subscribe((notification) => heard.push(notification));
    await notifier.notify({ kind: 'events-stored', upTo: '7' });
    expect(heard).toEqual([{ kind: 'events-stored', upTo: '7' }]);
    await notifier.close();
  });

  if (servers) describeWithServers();
});

function describeWithServers(): void {
  let environment: TestEnvironment;
  let first: ApiProcess;
  let second: ApiProcess;
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    environment = await prepareTestEnvironment();
    const clock = new TestClock();
    first = await startApiProcess(environment.env, clock);
    second = await startApiProcess(environment.env, clock);
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    await second?.close();
    await first?.close();
    await environment?.cleanup();
  });

  async function clientsOfBoth(): Promise<[LiveClient, LiveClient]> {
    const token = await first.adminToken();
    const pair: [LiveClient, LiveClient] = [connectLive(first.baseUrl, { auth: { token } }), connectLive(second.baseUrl, { auth: { token } })];
    clients.push(...pair);
    await Promise.all(pair.map((client) => client.waitForReady()));
    return pair;
  }

  it('delivers an event published through one API process to the clients of both', async () => {
    const [onFirst, onSecond] = await clientsOfBoth();
    const published = await first.publisher.publish('item.changed', itemChange(1));
    const fromSecond = await second.publisher.publish('item.changed', itemChange(2));
    expect(await onFirst.waitForEvents(2)).toEqual([published, fromSecond]);
    expect(await onSecond.waitForEvents(2)).toEqual([published, fromSecond]);
  });

  it('delivers an event published outside the API (as the ingestor does) to every API process’s clients', async () => {
    const [onFirst, onSecond] = await clientsOfBoth();
    @Module({ imports: [ConfigModule.forRoot(loadConfig(environment.env), new TestClock()), PersistenceModule.forRoot(), RealtimeModule] })
    class IngestorLike {}
    const ingestor = await NestFactory.createApplicationContext(IngestorLike, { logger: false });
    try {
      const published = await ingestor.get(LiveEventPublisher).publish('item.removed', { ...itemChange(3), reason: 'dropped_from_feed', params: { feedUrl: 'https://baochinhphu.example/rss' } });
      expect(await onFirst.waitForEvents(1)).toEqual([published]);
      expect(await onSecond.waitForEvents(1)).toEqual([published]);
    } finally {
      await ingestor.close();
    }
  });

  it('replays on one process what was delivered by the other, when a client moves between them', async () => {
    const token = await first.adminToken();
    const onFirst = connectLive(first.baseUrl, { auth: { token } });
    clients.push(onFirst);
    await onFirst.waitForReady();
    const seen = await first.publisher.publish('item.changed', itemChange(4));
    await onFirst.waitForEvents(1);
    onFirst.close();
    const missed = await first.publisher.publish('item.changed', itemChange(5));
    const moved = connectLive(second.baseUrl, { auth: { token, lastEventId: seen.id } });
    clients.push(moved);
    await moved.waitForReady();
    const live = await first.publisher.publish('item.changed', itemChange(6));
    await moved.waitForEvents(2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(moved.events.map((event) => event.id)).toEqual([missed.id, live.id]);
  });

  it('closes a session’s sockets on every API process when it logs out on one', async () => {
    const token = await first.adminToken();
    const onSecond = connectLive(second.baseUrl, { auth: { token }, reconnection: false });
    clients.push(onSecond);
    await onSecond.waitForReady();
    const closed = new Promise((resolve) => onSecond.socket.once('disconnect', resolve));
    expect((await first.request('POST', '/api/auth/logout', { token })).status).toBe(204);
    expect(await closed).toBe('io server disconnect');
  });
}
