import type { ItemPage } from '@vigil/contracts';
import { waitFor } from '@vigil/testing';
import { articlePage, listingPage, rss2, STORIES } from '../fixtures/collection';
import { CollectionHarness } from './support/collection-harness';
import { CollectionFixtureServer } from './support/collection-fixture-server';

/**
 * A news site's web listing that republishes, word for word, an article Vigil already collected from another
 * source's feed (issue 8): the copy joins the original's story and the items list shows the story once, by its
 * original, whose evidence stays as it was.
 */
describe('Collection: an exact copy found through a web listing', () => {
  let newspaper: CollectionFixtureServer;
  let portal: CollectionFixtureServer;
  let vigil: CollectionHarness;

  beforeAll(async () => {
    newspaper = new CollectionFixtureServer();
    portal = new CollectionFixtureServer();
    await Promise.all([newspaper.start(), portal.start()]);
    vigil = await CollectionHarness.start();
  });

  afterAll(async () => {
    await vigil?.close();
    await Promise.all([newspaper?.stop(), portal?.stop()]);
  });

  async function list(query: string): Promise<ItemPage> {
    const { status, body } = await vigil.vigil.request<ItemPage>('GET', `/api/items?${query}`, { token: vigil.token });
    expect(status).toBe(200);
    return body;
  }

  it('links the copy into the original’s story and lists the story once, by its original', async () => {
    const story = STORIES.waterRumour;
    const originalUrl = newspaper.page('/thoi-su/bac-bo-tin-don-cat-nuoc.html', articlePage(story));
    newspaper.feed(
      '/rss/thoi-su.rss',
      rss2({ title: 'Báo Hòa Sơn — Thời sự', link: newspaper.url('/thoi-su/') }, [{ title: story.title, link: originalUrl, guid: 'hs-ts-1', summary: story.paragraphs[0] }]),
    );
    const feedSource = await vigil.addSource({ name: 'Báo Hòa Sơn — Thời sự', url: newspaper.url('/rss/thoi-su.rss'), kind: 'rss' });
    const [original] = await vigil.waitForArticles(feedSource.id, [{ url: originalUrl, article: story }]);

    // The portal's own page of the same article, reached only through its listing.
    const copyUrl = portal.page('/tin-tuc/2026/cat-nuoc-sinh-hoat.html', articlePage(story));
    portal.page('/tin-tuc/', listingPage('Tin tức', [{ href: '/tin-tuc/2026/cat-nuoc-sinh-hoat.html', text: story.title }]));
    const listingSource = await vigil.addSource({
      name: 'Cổng tin Lạc Viên',
      url: portal.url('/tin-tuc/'),
      kind: 'web',
      listing: { linkPattern: '/tin-tuc/\\d{4}/[a-z0-9-]+\\.html$' },
    });

    const linked = await waitFor(
      'the copy to join the original’s story',
      async () => {
        const now = await vigil.item(original!.id);
        return now.storyItems.some((item) => item.sourceId === listingSource.id) ? now : undefined;
      },
      30_000,
    );
    const copySummary = linked.storyItems.find((item) => item.sourceId === listingSource.id)!;
    const copy = await vigil.waitForArticle(copySummary.id, story);
    expect(copy).toMatchObject({ url: copyUrl, storyId: linked.storyId, sourceName: 'Cổng tin Lạc Viên' });
    expect(copy.snapshots).toHaveLength(1);
    expect(portal.requestsTo('/tin-tuc/2026/cat-nuoc-sinh-hoat.html')).toHaveLength(1);

    // Listed once, by the original, whose badge counts both; searching finds the original alone too.
    const everything = await list('limit=100');
    expect(everything.items.filter((item) => item.storyId === linked.storyId)).toEqual([
      expect.objectContaining({ id: original!.id, sourceId: feedSource.id, storySize: 2 }),
    ]);
    expect(everything.items.map((item) => item.id)).not.toContain(copy.id);
    expect((await list(`q=${encodeURIComponent('cắt nước')}`)).items.map((item) => item.id)).toEqual([original!.id]);
    expect((await list(`sourceId=${listingSource.id}`)).items).toEqual([]);

    // The original's evidence is as it was: same title, text, snapshot and source.
    const after = await vigil.item(original!.id);
    expect({ ...after, storyId: null, storyItems: [] }).toEqual({ ...original!, storyId: null, storyItems: [] });
  });
});
