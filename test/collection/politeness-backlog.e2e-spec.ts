import type { ArticleContent, FeedEntry } from '../fixtures/collection';
import { articlePage, healthyBriefs, rss2 } from '../fixtures/collection';
import { waitFor } from '@vigil/testing';
import { CollectionHarness } from './support/collection-harness';
import { CollectionFixtureServer, type RecordedRequest } from './support/collection-fixture-server';

const INTERVAL_MS = 500;
const BACKLOG = 40;
/**
 * A start this much closer than the interval is measurement: the fixture site stamps a request when the event loop it
 * shares with the app gets to it, so a busy moment stamps one request late and the next gap short (469 ms was seen
 * at load 6). A broken throttle shows gaps of a few milliseconds, far below this.
 */
const SLACK_MS = 100;

/**
 * Waiting for a site's turn holds no worker (issue 6 §4): a site with a backlog of pages drains at its own spacing
 * while a source on another site, added afterwards, is polled and archived at once. Before, every worker sat in the
 * busy site's queue (about one page a second overall) and everything else waited behind it.
 */
describe('Collection: a site with a backlog does not hold up the others', () => {
  let slow: CollectionFixtureServer;
  let other: CollectionFixtureServer;
  let vigil: CollectionHarness;

  beforeAll(async () => {
    slow = new CollectionFixtureServer();
    other = new CollectionFixtureServer('127.0.0.2');
    await Promise.all([slow.start(), other.start()]);
    vigil = await CollectionHarness.start({ VIGIL_FETCH_ALLOWLIST: '127.0.0.1,127.0.0.2', VIGIL_HOST_INTERVAL_MS: String(INTERVAL_MS) });
  });

  afterAll(async () => {
    await vigil?.close();
    await Promise.all([slow?.stop(), other?.stop()]);
  });

  function entriesFor(server: CollectionFixtureServer, prefix: string, briefs: ArticleContent[]): FeedEntry[] {
    return briefs.map((brief, index) => {
      const path = `${prefix}/ban-tin-${index + 1}.html`;
      server.page(path, articlePage(brief));
      return { title: brief.title, link: server.url(path), guid: `${prefix}-${index + 1}`, summary: brief.paragraphs[0] };
    });
  }

  /** healthyBriefs dates its briefs by index, which runs past the month beyond nine: give each a valid date. */
  function briefs(label: string, count: number): ArticleContent[] {
    return healthyBriefs(label, count).map((brief, index) => ({ ...brief, publishedAt: new Date(Date.UTC(2026, 10, 1, 0, index)).toISOString() }));
  }

  /** Requests that went through the site's politeness budget (robots.txt is read outside it). */
  function throttled(server: CollectionFixtureServer): RecordedRequest[] {
    return server.requests.filter((request) => request.path !== '/robots.txt');
  }

  it('polls and archives a source added while another site drains a backlog of 40 pages, and the busy site keeps its spacing', async () => {
    const backlogBriefs = briefs('tồn đọng', BACKLOG);
    const backlog = entriesFor(slow, '/tong-hop', backlogBriefs);
    slow.feed('/tong-hop/rss.xml', rss2({ title: 'Tồn đọng', link: slow.url('/tong-hop/') }, backlog));
    await vigil.addSource({ name: 'Báo Tồn Đọng', url: slow.url('/tong-hop/rss.xml'), kind: 'rss' });
    await waitFor('the backlog to start draining', async () => (throttled(slow).length >= 4 ? true : undefined));

    const promptBriefs = briefs('đến sau', 3);
    const prompt = entriesFor(other, '/moi', promptBriefs);
    other.feed('/moi/rss.xml', rss2({ title: 'Đến sau', link: other.url('/moi/') }, prompt));
    const addedAt = Date.now();
    const late = await vigil.addSource({ name: 'Báo Đến Sau', url: other.url('/moi/rss.xml'), kind: 'rss' });
    await vigil.waitForArticles(late.id, prompt.map((entry, index) => ({ url: entry.link, article: promptBriefs[index]! })));
    const archivedAt = Date.now();

    // Its own site's spacing is all it waits for: the poll, then three pages half a second apart.
    const firstPoll = other.requestsTo('/moi/rss.xml')[0]!;
    expect(firstPoll.at - addedAt).toBeLessThan(1_500);
    expect(archivedAt - addedAt).toBeLessThan(5_000);
    // ...while the busy site still had most of its backlog to go.
    expect(throttled(slow).filter((request) => request.at <= archivedAt).length).toBeLessThan(BACKLOG / 2);

    // A new feed of the busy site itself claims the site's next turn: it is not put behind the site's own pages.
    slow.feed('/thoi-su/rss.xml', rss2({ title: 'Thời sự', link: slow.url('/thoi-su/') }, []));
    const sameSiteAddedAt = Date.now();
    await vigil.addSource({ name: 'Báo Tồn Đọng — Thời sự', url: slow.url('/thoi-su/rss.xml'), kind: 'rss' });
    await waitFor('the busy site’s new feed to be polled', async () => slow.requestsTo('/thoi-su/rss.xml')[0], 10_000);
    expect(slow.requestsTo('/thoi-su/rss.xml')[0]!.at - sameSiteAddedAt).toBeLessThan(3 * INTERVAL_MS + 500);
    expect(throttled(slow).length).toBeLessThan(BACKLOG / 2);

    await waitFor('the backlog to drain', async () => (throttled(slow).length >= BACKLOG + 2 ? true : undefined), 60_000);
    const starts = throttled(slow).map((request) => request.at);
    const gaps = starts.slice(1).map((at, index) => at - starts[index]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(INTERVAL_MS - SLACK_MS);
    // Deferred jobs came back in turn: the drain took about the spacing per page, and no page was fetched twice.
    expect(starts.at(-1)! - starts[0]!).toBeLessThan(BACKLOG * INTERVAL_MS * 1.5);
    for (const entry of backlog) expect(slow.requestsTo(new URL(entry.link).pathname)).toHaveLength(1);
  }, 120_000);
});
