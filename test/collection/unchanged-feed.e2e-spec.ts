import { jest } from '@jest/globals';
import { ParsingPool } from '@vigil/collection';
import type { SourceView } from '@vigil/contracts';
import { DataSource } from 'typeorm';
import { articlePage, type FeedEntry, healthyBriefs, rss2 } from '../fixtures/collection';
import { CollectionHarness } from './support/collection-harness';
import { CollectionFixtureServer } from './support/collection-fixture-server';

/**
 * Re-polling a feed that has not changed costs its fetch and no parse, the way feed readers do it: a 304 where the
 * server honours the validators Vigil sends, else a digest of the fetched bytes compared with the last poll's. Anything
 * changed is read in full, and a poll that left entries for later (VIGIL_POLL_MAX_NEW_ITEMS) is never taken as read.
 */
describe('Collection: re-polling an unchanged feed', () => {
  let site: CollectionFixtureServer;
  let vigil: CollectionHarness;
  let feedParses: () => number;

  beforeAll(async () => {
    site = new CollectionFixtureServer();
    await site.start();
    vigil = await CollectionHarness.start({ VIGIL_POLL_MAX_NEW_ITEMS: '2' });
    // Counts the feed documents handed to the parsing pool; each is still parsed for real.
    const parseFeed = jest.spyOn(vigil.vigil.app.get(ParsingPool, { strict: false }), 'parseFeed');
    feedParses = () => parseFeed.mock.calls.length;
  });

  afterAll(async () => {
    await vigil?.close();
    await site?.stop();
  });

  function entriesFor(prefix: string, label: string, count: number): FeedEntry[] {
    return healthyBriefs(label, count).map((brief, index) => ({
      title: brief.title,
      link: site.page(`${prefix}/bai-${index + 1}.html`, articlePage(brief)),
      guid: `${prefix}-${index + 1}`,
      published: new Date(Date.UTC(2026, 10, 20, index)).toUTCString(),
      summary: brief.paragraphs[0],
    }));
  }

  /** Polls the source now and returns it once the poll is recorded. */
  async function pollNow(source: SourceView): Promise<SourceView> {
    const before = await vigil.source(source.id);
    expect((await vigil.vigil.request('POST', `/api/sources/${source.id}/fetch`, { token: vigil.token })).status).toBe(202);
    return vigil.waitForSource(source.id, 'to be polled again', (view) => view.lastFetchedAt !== before.lastFetchedAt && view.health.lastSuccessAt === view.lastFetchedAt);
  }

  async function firstPoll(source: SourceView, items: number): Promise<void> {
    await vigil.waitForItems(source.id, items);
    await vigil.waitForSource(source.id, 'to have succeeded once', (view) => view.health.lastSuccessAt !== null);
  }

  it('fetches but does not parse a feed served without validators while its bytes stay the same, and reads an edit in full', async () => {
    const feedPath = '/khong-the/rss.xml';
    const channel = { title: 'Không thẻ', link: site.url('/khong-the/') };
    const entries = entriesFor('/khong-the', 'không thẻ', 2);
    site.feed(feedPath, rss2(channel, entries));
    const source = await vigil.addSource({ name: 'Không thẻ', url: site.url(feedPath), kind: 'rss' });
    await firstPoll(source, 2);
    const parsesAfterFirst = feedParses();

    const unchanged = await pollNow(source);
    expect(site.requestsTo(feedPath)).toHaveLength(2);
    expect(site.requestsTo(feedPath)[1]!.headers['if-none-match']).toBeUndefined();
    expect(feedParses()).toBe(parsesAfterFirst);
    expect(unchanged.health).toMatchObject({ status: 'ok', lastError: null, consecutiveFailures: 0 });
    expect(await vigil.items(source.id)).toHaveLength(2);

    const edit = 'Cập nhật: buổi đối thoại được lùi sang sáng thứ bảy.';
    site.feed(feedPath, rss2(channel, entries.map((entry, index) => (index === 0 ? { ...entry, summary: `${entry.summary} ${edit}` } : entry))));
    await pollNow(source);
    expect(feedParses()).toBe(parsesAfterFirst + 1);
    // The feed's own text of the entry, as stored (the item's text shows the article from its page once enriched).
    const [{ content }]: { content: string }[] = await vigil.vigil.app.get(DataSource).query('SELECT content FROM items WHERE source_id = $1 AND dedupe_key = $2', [source.id, entries[0]!.guid]);
    expect(content).toContain(edit);
  });

  it('answers a 304 from a server that honours ETag without parsing, and compares the bytes when the server ignores it', async () => {
    const honoured = '/co-the/rss.xml';
    const ignored = '/bo-qua-the/rss.xml';
    const honouredBody = rss2({ title: 'Có thẻ', link: site.url('/co-the/') }, entriesFor('/co-the', 'có thẻ', 2));
    const ignoredBody = rss2({ title: 'Bỏ qua thẻ', link: site.url('/bo-qua-the/') }, entriesFor('/bo-qua-the', 'bỏ qua thẻ', 2));
    site.conditional(honoured, { etag: '"co-the-1"', lastModified: 'Tue, 24 Nov 2026 01:00:00 GMT', body: honouredBody });
    // Sends validators but answers every request in full, as some servers behind caches do.
    site.serve(ignored, { contentType: 'application/rss+xml; charset=utf-8', body: ignoredBody, headers: { etag: '"bo-qua-1"' } });
    const withEtag = await vigil.addSource({ name: 'Có thẻ', url: site.url(honoured), kind: 'rss' });
    const ignoringEtag = await vigil.addSource({ name: 'Bỏ qua thẻ', url: site.url(ignored), kind: 'rss' });
    await firstPoll(withEtag, 2);
    await firstPoll(ignoringEtag, 2);
    const parsesAfterFirst = feedParses();

    await pollNow(withEtag);
    await pollNow(ignoringEtag);
    expect(site.requestsTo(honoured)[1]!.headers['if-none-match']).toBe('"co-the-1"');
    expect(site.requestsTo(ignored)[1]!.headers['if-none-match']).toBe('"bo-qua-1"');
    expect(feedParses()).toBe(parsesAfterFirst);
    expect(await vigil.items(withEtag.id)).toHaveLength(2);
    expect(await vigil.items(ignoringEtag.id)).toHaveLength(2);
  });

  it('reads the same bytes again after a poll that left new entries for later, until every entry is stored', async () => {
    const feedPath = '/gioi-han/rss.xml';
    const entries = entriesFor('/gioi-han', 'giới hạn', 3);
    site.feed(feedPath, rss2({ title: 'Giới hạn', link: site.url('/gioi-han/') }, entries));
    const source = await vigil.addSource({ name: 'Giới hạn', url: site.url(feedPath), kind: 'rss' });
    await firstPoll(source, 2);
    const parsesAfterFirst = feedParses();

    await pollNow(source);
    expect(feedParses()).toBe(parsesAfterFirst + 1);
    expect((await vigil.items(source.id)).map((item) => item.url).sort()).toEqual(entries.map((entry) => entry.link).sort());
    // Everything stored: from now on the same bytes are not parsed again.
    await pollNow(source);
    expect(feedParses()).toBe(parsesAfterFirst + 1);
  });

  it('reads the same bytes again once the source is edited to be read differently', async () => {
    const feedPath = '/doi-kieu/rss.xml';
    site.feed(feedPath, rss2({ title: 'Đổi kiểu', link: site.url('/doi-kieu/') }, entriesFor('/doi-kieu', 'đổi kiểu', 2)));
    const source = await vigil.addSource({ name: 'Đổi kiểu', url: site.url(feedPath), kind: 'rss' });
    await firstPoll(source, 2);
    const parsesAfterFirst = feedParses();

    const changed = await vigil.vigil.request('PATCH', `/api/sources/${source.id}`, { token: vigil.token, body: { kind: 'atom' } });
    expect(changed.status).toBe(200);
    await pollNow(source);
    expect(feedParses()).toBe(parsesAfterFirst + 1);
  });
});
