import type { ArticleContent, FeedEntry } from '../fixtures/collection';
import { articlePage, healthyBriefs, rss2 } from '../fixtures/collection';
import { waitFor } from '@vigil/testing';
import { CollectionHarness } from './support/collection-harness';
import { CollectionFixtureServer } from './support/collection-fixture-server';

/**
 * Politeness towards publishers: conditional GET, Retry-After, robots.txt. Vigil's politeness budget is per
 * host, so the rate-limiting publisher lives on a second loopback address (127.0.0.2): its back-off must not
 * silence the other sites.
 */
describe('Collection: politeness towards publishers', () => {
  let site: CollectionFixtureServer;
  let vigil: CollectionHarness;

  beforeAll(async () => {
    site = new CollectionFixtureServer();
    await site.start();
    vigil = await CollectionHarness.start({ VIGIL_FETCH_ALLOWLIST: '127.0.0.1,127.0.0.2' });
  });

  afterAll(async () => {
    await vigil?.close();
    await site?.stop();
  });

  function entriesFor(server: CollectionFixtureServer, prefix: string, briefs: ArticleContent[]): FeedEntry[] {
    return briefs.map((brief, index) => {
      const path = `${prefix}/ban-tin-${index + 1}.html`;
      server.page(path, articlePage(brief));
      return { title: brief.title, link: server.url(path), guid: `${prefix}-${index + 1}`, summary: brief.paragraphs[0] };
    });
  }

  it('sends the stored ETag and Last-Modified on the next poll; a 304 stores nothing and is not a failure', async () => {
    const briefs = healthyBriefs('lấy có điều kiện', 2);
    const entries = entriesFor(site, '/co-dieu-kien', briefs);
    const feedPath = '/co-dieu-kien/rss.xml';
    const channel = { title: 'Có điều kiện', link: site.url('/co-dieu-kien/') };
    const v1 = { etag: '"ban-1"', lastModified: 'Tue, 24 Nov 2026 01:00:00 GMT', body: rss2(channel, entries.slice(0, 1)) };
    site.conditional(feedPath, v1);
    const source = await vigil.addSource({ name: 'Có điều kiện', url: site.url(feedPath), kind: 'rss' });
    await vigil.waitForItems(source.id, 1);
    const afterFirst = await vigil.waitForSource(source.id, 'to have succeeded once', (view) => view.health.lastSuccessAt !== null);
    const [first] = site.requestsTo(feedPath);
    expect(first!.headers['if-none-match']).toBeUndefined();
    expect(site.requestsTo(feedPath)).toHaveLength(1);

    expect((await vigil.vigil.request('POST', `/api/sources/${source.id}/fetch`, { token: vigil.token })).status).toBe(202);
    const second = await waitFor('the second poll', async () => site.requestsTo(feedPath)[1]);
    expect(second.headers['if-none-match']).toBe(v1.etag);
    expect(second.headers['if-modified-since']).toBe(v1.lastModified);
    const afterNotModified = await vigil.waitForSource(source.id, 'to record the 304', (view) => view.lastFetchedAt !== afterFirst.lastFetchedAt);
    expect(afterNotModified.health).toMatchObject({ status: 'ok', lastError: null, consecutiveFailures: 0 });
    expect(afterNotModified.health.lastSuccessAt).toBe(afterNotModified.lastFetchedAt);
    expect(await vigil.items(source.id)).toHaveLength(1);

    // The publisher adds an entry: the old validators no longer match, the full feed comes back and is read.
    site.conditional(feedPath, { etag: '"ban-2"', lastModified: 'Wed, 25 Nov 2026 01:00:00 GMT', body: rss2(channel, entries) });
    expect((await vigil.vigil.request('POST', `/api/sources/${source.id}/fetch`, { token: vigil.token })).status).toBe(202);
    const items = await vigil.waitForItems(source.id, 2);
    expect(items.map((item) => item.title).sort()).toEqual(briefs.map((brief) => brief.title).sort());
    expect(site.requestsTo(feedPath)[2]!.headers['if-none-match']).toBe(v1.etag);
  });

  describe('a publisher answering 429 Too Many Requests with Retry-After', () => {
    let busy: CollectionFixtureServer;

    beforeAll(async () => {
      busy = new CollectionFixtureServer('127.0.0.2');
      await busy.start();
    });

    afterAll(() => busy?.stop());

    it('marks the source failing with the reason, waits at least Retry-After before the next poll, and leaves other hosts alone', async () => {
      const feedUrl = busy.rateLimited('/rss/tin-moi.rss', '7200');
      const briefs = healthyBriefs('nhà xuất bản kiên nhẫn', 2);
      const entries = entriesFor(site, '/kien-nhan', briefs);
      site.feed('/kien-nhan/rss.xml', rss2({ title: 'Kiên nhẫn', link: site.url('/kien-nhan/') }, entries));

      const [limited, healthy] = await Promise.all([
        vigil.addSource({ name: 'Báo Quá Tải', url: feedUrl, kind: 'rss' }),
        vigil.addSource({ name: 'Báo Kiên Nhẫn', url: site.url('/kien-nhan/rss.xml'), kind: 'rss' }),
      ]);
      const failing = await vigil.waitForFailing(limited.id);
      expect(failing.health).toMatchObject({ status: 'failing', consecutiveFailures: 1, lastSuccessAt: null });
      expect(failing.health).toMatchObject({ lastErrorCode: 'rate_limited', lastErrorParams: { httpStatus: 429, retryAfterSec: 7200 } });
      expect(failing.health.lastError).toContain('429');
      expect(failing.health.lastError).toContain(feedUrl);
      expect(Date.parse(failing.nextFetchAt!) - Date.parse(failing.lastFetchedAt!)).toBe(7200 * 1000);
      expect(busy.requestsTo('/rss/tin-moi.rss')).toHaveLength(1);

      const items = await vigil.waitForArticles(healthy.id, entries.map((entry, index) => ({ url: entry.link, article: briefs[index]! })));
      expect(items.map((item) => item.title)).toEqual(briefs.map((brief) => brief.title));
      expect((await vigil.source(healthy.id)).health).toMatchObject({ status: 'ok', consecutiveFailures: 0, lastError: null });
      expect(await vigil.items(limited.id)).toEqual([]);

      // "Fetch now" cannot overrule the publisher: within Retry-After nothing is sent to that host.
      expect((await vigil.vigil.request('POST', `/api/sources/${limited.id}/fetch`, { token: vigil.token })).status).toBe(202);
      const retried = await vigil.waitForSource(limited.id, 'to record the manual attempt', (view) => view.lastFetchedAt !== failing.lastFetchedAt);
      expect(retried.health.status).toBe('failing');
      expect(Date.parse(retried.nextFetchAt!)).toBeGreaterThanOrEqual(Date.parse(failing.lastFetchedAt!) + 7200 * 1000 - 1000);
      expect(busy.requestsTo('/rss/tin-moi.rss')).toHaveLength(1);
    });
  });

  describe('robots.txt', () => {
    let guarded: CollectionFixtureServer;

    beforeAll(async () => {
      guarded = new CollectionFixtureServer();
      await guarded.start();
      guarded.robots(['User-agent: *', 'Disallow: /noi-bo/', '', 'User-agent: VigilBot', 'Disallow: /cam/', ''].join('\n'));
    });

    afterAll(() => guarded?.stop());

    it('marks a disallowed source failing with a robots reason and never requests the disallowed path', async () => {
      guarded.feed('/cam/rss.xml', rss2({ title: 'Cấm', link: guarded.url('/cam/') }, entriesFor(guarded, '/cam', healthyBriefs('khu vực cấm', 1))));
      const briefs = healthyBriefs('khu vực mở', 2);
      const allowed = entriesFor(guarded, '/mo', briefs);
      // One entry of the allowed feed links into the disallowed section: the item is kept, its page is not fetched.
      const blockedPage = entriesFor(guarded, '/cam/trang-bai', healthyBriefs('trang bài bị chặn', 1))[0]!;
      guarded.feed('/mo/rss.xml', rss2({ title: 'Mở', link: guarded.url('/mo/') }, [...allowed, blockedPage]));

      const [disallowed, open] = await Promise.all([
        vigil.addSource({ name: 'Khu vực cấm', url: guarded.url('/cam/rss.xml'), kind: 'rss' }),
        vigil.addSource({ name: 'Khu vực mở', url: guarded.url('/mo/rss.xml'), kind: 'rss' }),
      ]);
      const failing = await vigil.waitForFailing(disallowed.id);
      expect(failing.health.consecutiveFailures).toBe(1);
      expect(failing.health).toMatchObject({ lastErrorCode: 'robots_disallowed', lastErrorParams: {} });
      expect(failing.health.lastError).toMatch(/robots\.txt/);
      expect(failing.health.lastError).toContain(guarded.url('/cam/rss.xml'));

      const items = await vigil.waitForItems(open.id, 3);
      const enriched = await Promise.all(allowed.map((entry, index) => vigil.waitForArticle(items.find((item) => item.url === entry.link)!.id, briefs[index]!)));
      expect(enriched.map((item) => item.title)).toEqual(briefs.map((brief) => brief.title));
      const blocked = await vigil.item(items.find((item) => item.url === blockedPage.link)!.id);
      expect(blocked.snapshots).toEqual([]);
      expect(blocked.text).toBe(blockedPage.summary);
      expect((await vigil.source(open.id)).health).toMatchObject({ status: 'ok', consecutiveFailures: 0, lastError: null });

      expect(guarded.requests.filter((request) => request.path.startsWith('/cam/'))).toEqual([]);
      // robots.txt is read once and remembered for the origin.
      expect(guarded.requestsTo('/robots.txt')).toHaveLength(1);
    });
  });
});
