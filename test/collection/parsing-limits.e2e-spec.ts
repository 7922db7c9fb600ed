import { articlePage, healthyBriefs, rss2 } from '../fixtures/collection';
import { CollectionHarness } from './support/collection-harness';
import { CollectionFixtureServer } from './support/collection-fixture-server';

/**
 * Parsing runs in the parsing pool's threads under a time limit (0.25 s here): a document that takes longer is
 * given up on, its thread stopped, and only its own source fails, with a reason; the rest keeps collecting.
 */
describe('Collection: a document too slow to parse fails its source alone', () => {
  let site: CollectionFixtureServer;
  let vigil: CollectionHarness;

  beforeAll(async () => {
    site = new CollectionFixtureServer();
    await site.start();
    vigil = await CollectionHarness.start({ VIGIL_PARSE_TIMEOUT_SEC: '0.25' });
  });

  afterAll(async () => {
    await vigil?.close();
    await site?.stop();
  });

  it('stops parsing a feed of 110,000 entries after the limit and marks that source failing, while another source collects', async () => {
    // About 13.5 MiB, under the 15 MiB fetch cap, in entries as short as a feed allows: ~0.9 s of parsing here, past
    // the 0.25 s allowed, which the small documents of the healthy source stay far inside.
    const entries = Array.from({ length: 110_000 }, (_, n) => ({ title: `Tin ${n}`, link: site.url(`/r/${n}`), guid: `r${n}` }));
    const hugeUrl = site.feed('/rat-nhieu/rss.xml', rss2({ title: 'Rất nhiều tin', link: site.url('/rat-nhieu/') }, entries));
    const briefs = healthyBriefs('song song với tin rất nhiều', 2);
    const healthyEntries = briefs.map((brief, index) => ({
      title: brief.title,
      link: site.page(`/song-song/bai-${index + 1}.html`, articlePage(brief)),
      guid: `song-song-${index + 1}`,
      summary: brief.paragraphs[0],
    }));
    const healthyUrl = site.feed('/song-song/rss.xml', rss2({ title: 'Song song', link: site.url('/song-song/') }, healthyEntries));

    const [huge, healthy] = await Promise.all([
      vigil.addSource({ name: 'Rất nhiều tin', url: hugeUrl, kind: 'rss' }),
      vigil.addSource({ name: 'Song song', url: healthyUrl, kind: 'rss' }),
    ]);
    const failing = await vigil.waitForFailing(huge.id);
    expect(failing.health).toMatchObject({ status: 'failing', consecutiveFailures: 1, lastErrorCode: 'document_too_complex' });
    expect(failing.health.lastError).toBe('Feed parsing stopped after 0.25 s: the document is too large or too complex');
    expect(await vigil.items(huge.id)).toEqual([]);

    const items = await vigil.waitForArticles(healthy.id, healthyEntries.map((entry, index) => ({ url: entry.link, article: briefs[index]! })));
    expect(items.map((item) => item.title)).toEqual(briefs.map((brief) => brief.title));
  });
});
