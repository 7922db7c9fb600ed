import type { AnyLiveEventEnvelope, CaseView, LiveEventEnvelope, LiveEventPage, Role } from '@vigil/contracts';
import { TestClock, waitFor } from '@vigil/testing';
import { connectLive, type LiveClient } from '../live/support/live-client';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';

interface Person {
  id: string;
  username: string;
  displayName: string;
  token: string;
}

/**
 * Comments with @mentions (issue 10): a mention notifies the users it names, and only them, live and on replay, over
 * real socket.io clients and `GET /api/events`.
 */
describe('Case mentions: case.mentioned reaches the mentioned users alone', () => {
  let vigil: VigilTestApp;
  const people: Record<'author' | 'mentioned' | 'bystander', Person> = {} as never;
  const clients: LiveClient[] = [];

  const api = <T>(method: string, path: string, token: string, body?: unknown) => vigil.request<T>(method, path, { token, body });
  const listen = async (person: Person, lastEventId?: string) => {
    const client = connectLive(vigil.baseUrl, { auth: { token: person.token, lastEventId } });
    clients.push(client);
    await client.waitForReady();
    return client;
  };
  const isMention = (event: AnyLiveEventEnvelope, caseId: string): event is LiveEventEnvelope<'case.mentioned'> => event.type === 'case.mentioned' && event.data.caseId === caseId;
  const mentionsIn = (client: LiveClient, caseId: string) => client.events.filter((event) => isMention(event, caseId));
  const commentsIn = (client: LiveClient, caseId: string) => client.events.filter((event) => event.type === 'case.commented' && event.data.caseId === caseId);

  beforeAll(async () => {
    vigil = await startVigil({}, { clock: new TestClock() });
    const admin = await vigil.adminToken();
    const roles: Record<keyof typeof people, Role> = { author: 'duty_officer', mentioned: 'writer', bystander: 'writer' };
    for (const [key, role] of Object.entries(roles) as [keyof typeof people, Role][]) {
      const username = `mention.${key}`;
      const password = `mat-khau-nhac-ten-${key}-2026`;
      const displayName = `Cán bộ ${key}`;
      const created = await api<{ id: string }>('POST', '/api/users', admin, { username, displayName, password, roles: [role] });
      expect(created.status).toBe(201);
      people[key] = { id: created.body.id, username, displayName, token: await vigil.loginAs(username, password) };
    }
  }, 60_000);

  afterAll(async () => {
    for (const client of clients) client.close();
    await vigil?.close();
  });

  async function openCase(title: string): Promise<CaseView> {
    const created = await api<CaseView>('POST', '/api/cases', people.author.token, { title, severity: 'high' });
    expect(created.status).toBe(201);
    return created.body;
  }

  async function comment(caseId: string, body: string): Promise<string> {
    const commented = await api<CaseView>('POST', `/api/cases/${caseId}/comments`, people.author.token, { body });
    expect(commented.status).toBe(201);
    return commented.body.comments.at(-1)!.id;
  }

  it('notifies the mentioned user with the case, the comment, its author and an excerpt; a signed-in colleague of the same role hears the comment but not the mention', async () => {
    const [mentioned, bystander, author] = [await listen(people.mentioned), await listen(people.bystander), await listen(people.author)];
    const opened = await openCase('Tin đồn cắt điện toàn thành phố');
    const long = `@${people.mentioned.username} @${people.author.username} nhờ kiểm tra nguồn tin. ${'Số liệu điện lực '.repeat(20)}`;
    const commentId = await comment(opened.id, long);

    const [heard] = await waitFor('the mention to arrive', async () => (mentionsIn(mentioned, opened.id).length ? mentionsIn(mentioned, opened.id) : undefined));
    expect(heard!.data).toEqual({
      caseId: opened.id,
      reference: opened.reference,
      title: 'Tin đồn cắt điện toàn thành phố',
      commentId,
      authorDisplayName: people.author.displayName,
      excerpt: expect.stringMatching(/^@mention\.mentioned @mention\.author nhờ kiểm tra nguồn tin\. Số liệu điện lực .*…$/),
    });
    expect(Array.from(heard!.data.excerpt)).toHaveLength(140);
    // Each socket hears events in id order: once a later case reaches the colleague and the author (who mentioned
    // themselves too), a mention meant for them would have come before it.
    const later = await openCase('Tin đồn tiếp theo');
    const heardLater = (client: LiveClient) => client.events.some((event) => event.type === 'case.created' && event.data.case.id === later.id);
    await waitFor('a later case to reach everyone', async () => (heardLater(bystander) && heardLater(author) ? true : undefined));
    expect(commentsIn(bystander, opened.id)).toHaveLength(1);
    expect(mentionsIn(bystander, opened.id)).toEqual([]);
    expect(mentionsIn(author, opened.id)).toEqual([]);
    expect(mentionsIn(mentioned, opened.id)).toHaveLength(1);
  });

  it('mentioning only oneself stores no mention event', async () => {
    const opened = await openCase('Tin đồn tự nhắc tên');
    const after = (await api<LiveEventPage>('GET', '/api/events?after=0&limit=500', people.author.token)).body.nextAfter;
    await comment(opened.id, `Ghi chú cho mình @${people.author.username}`);
    const events = (await api<LiveEventPage>('GET', `/api/events?after=${after}&limit=500`, people.author.token)).body.events.filter((event) => 'caseId' in event.data && event.data.caseId === opened.id);
    expect(events.map((event) => event.type)).toEqual(['case.commented']);
  });

  it('replays a mention missed while disconnected to the mentioned user only, over the socket and over HTTP', async () => {
    const mentioned = await listen(people.mentioned);
    const bystander = await listen(people.bystander);
    const cursorOf = (client: LiveClient) => client.lastEventId() ?? client.readies[0]!.lastEventId;
    const [mentionedCursor, bystanderCursor] = [cursorOf(mentioned), cursorOf(bystander)];
    mentioned.close();
    bystander.close();

    const opened = await openCase('Tin đồn khi mất kết nối');
    const commentId = await comment(opened.id, `@${people.mentioned.username} xem giúp khi có mạng lại`);

    const [back, other] = [await listen(people.mentioned, mentionedCursor), await listen(people.bystander, bystanderCursor)];
    expect(mentionsIn(back, opened.id).map((event) => event.data.commentId)).toEqual([commentId]);
    // Replay ends before `ready`: what the colleague was sent is all they will get, and it holds the comment, not the mention.
    expect(commentsIn(other, opened.id)).toHaveLength(1);
    expect(mentionsIn(other, opened.id)).toEqual([]);

    const overHttp = async (person: Person, after: string) =>
      (await api<LiveEventPage>('GET', `/api/events?after=${after}&limit=500`, person.token)).body.events.filter((event) => isMention(event, opened.id));
    expect((await overHttp(people.mentioned, mentionedCursor)).map((event) => event.data.commentId)).toEqual([commentId]);
    expect(await overHttp(people.bystander, bystanderCursor)).toEqual([]);
    expect(await overHttp(people.author, '0')).toEqual([]);
  });
});
