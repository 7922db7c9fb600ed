import { articlePage, rss2, STORIES, syndicatedCopy } from '../fixtures/collection';
import { CollectionHarness } from './support/collection-harness';
import { CollectionFixtureServer } from './support/collection-fixture-server';

/**
 * One story, many sites: an agency piece syndicated by another paper is stored as its own item and linked into
 * the first item's story; a word-for-word copy of an entry Vigil already has is not stored at all.
 */
describe('Collection: syndicated stories and exact copies', () => {
  let agency: CollectionFixtureServer;
  let syndicator: CollectionFixtureServer;
  let vigil: CollectionHarness;

  beforeAll(async () => {
    agency = new CollectionFixtureServer();
    syndicator = new CollectionFixtureServer();
    await Promise.all([agency.start(), syndicator.start()]);
    vigil = await CollectionHarness.start();
  });

  afterAll(async () => {
    await vigil?.close();
    await Promise.all([agency?.stop(), syndicator?.stop()]);
  });

  it('links a near-duplicate from a second source into the first item’s story', async () => {
    const original = STORIES.fuelPrice;
    const copy = syndicatedCopy(original, 'Báo Lạc Viên', 'Báo Hòa Sơn Điện Tử');
    const originalUrl = agency.page('/kinh-te/gia-xang-giam-500-dong.html', articlePage(original, { siteName: 'Báo Hòa Sơn Điện Tử' }));
    const copyUrl = syndicator.page('/thi-truong/xang-giam-gia-chieu-nay.html', articlePage(copy, { siteName: 'Báo Lạc Viên' }));
    agency.feed(
      '/rss/kinh-te.rss',
      rss2({ title: 'Báo Hòa Sơn — Kinh tế', link: agency.url('/kinh-te/') }, [
        { title: original.title, link: originalUrl, guid: 'hs-kt-501', published: 'Tue, 24 Nov 2026 15:00:00 +0700', summary: original.paragraphs[0] },
      ]),
    );
    syndicator.feed(
      '/rss/thi-truong.rss',
      rss2({ title: 'Báo Lạc Viên — Thị trường', link: syndicator.url('/thi-truong/') }, [
        { title: original.title, link: copyUrl, guid: 'lv-tt-88', published: 'Tue, 24 Nov 2026 15:20:00 +0700', summary: 'Giá xăng, dầu đồng loạt giảm trong kỳ điều hành chiều nay.' },
      ]),
    );

    const first = await vigil.addSource({ name: 'Báo Hòa Sơn — Kinh tế', url: agency.url('/rss/kinh-te.rss'), kind: 'rss' });
    const [firstItem] = await vigil.waitForArticles(first.id, [{ url: originalUrl, article: original }]);
    const second = await vigil.addSource({ name: 'Báo Lạc Viên — Thị trường', url: syndicator.url('/rss/thi-truong.rss'), kind: 'rss' });
    const [secondItem] = await vigil.waitForArticles(second.id, [{ url: copyUrl, article: copy }]);

    expect(secondItem!.storyId).not.toBeNull();
    const firstNow = await vigil.item(firstItem!.id);
    expect(firstNow.storyId).toBe(secondItem!.storyId);
    expect(firstNow.storyItems).toEqual([expect.objectContaining({ id: secondItem!.id, sourceId: second.id, url: copyUrl })]);
    expect(secondItem!.storyItems).toEqual([expect.objectContaining({ id: firstItem!.id, sourceId: first.id, url: originalUrl })]);
    expect(secondItem!.byline).toBe('Báo Lạc Viên tổng hợp');
  });

  it('does not store a word-for-word copy of an entry another source already brought in', async () => {
    const story = STORIES.bankRumour;
    const pageUrl = agency.page('/kinh-te/ngan-hang-van-hoat-dong.html', articlePage(story));
    const entry = { title: story.title, guid: 'hs-kt-777', published: 'Mon, 23 Nov 2026 11:10:00 +0700', summary: story.paragraphs[0] };
    agency.feed('/rss/ngan-hang.rss', rss2({ title: 'Báo Hòa Sơn — Ngân hàng', link: agency.url('/kinh-te/') }, [{ ...entry, link: pageUrl }]));
    // An aggregator republishes the entry as is (same title, same text) under its own address, next to one story of its own.
    const ownStory = STORIES.marketFire;
    const ownUrl = syndicator.page('/tong-hop/khong-co-chay-lon.html', articlePage(ownStory));
    syndicator.feed(
      '/rss/tong-hop.rss',
      rss2({ title: 'Tổng hợp tin nhanh', link: syndicator.url('/tong-hop/') }, [
        { ...entry, guid: 'th-1', link: syndicator.url('/tong-hop/ngan-hang-van-hoat-dong.html') },
        { title: ownStory.title, link: ownUrl, guid: 'th-2', summary: ownStory.paragraphs[0] },
      ]),
    );

    const original = await vigil.addSource({ name: 'Báo Hòa Sơn — Ngân hàng', url: agency.url('/rss/ngan-hang.rss'), kind: 'rss' });
    await vigil.waitForArticles(original.id, [{ url: pageUrl, article: story }]);
    const aggregator = await vigil.addSource({ name: 'Tổng hợp tin nhanh', url: syndicator.url('/rss/tong-hop.rss'), kind: 'rss' });
    // Both entries of the aggregator's feed are stored (or skipped) in the same poll.
    const listed = await vigil.waitForItems(aggregator.id, 1);
    await vigil.waitForArticle(listed.find((item) => item.url === ownUrl)!.id, ownStory);

    expect((await vigil.items(aggregator.id)).map((item) => item.url)).toEqual([ownUrl]);
    expect(syndicator.requestsTo('/tong-hop/ngan-hang-van-hoat-dong.html')).toHaveLength(0);
    expect((await vigil.search('tin đồn phá sản')).items.map((item) => item.sourceId)).toEqual([original.id]);
  });

  it('stores an entry listed twice in one feed, or seen again on the next poll, once', async () => {
    const story = STORIES.roadWorks;
    const pageUrl = agency.page('/giao-thong/thong-xe-som.html', articlePage(story));
    const entry = { title: story.title, link: pageUrl, guid: 'hs-gt-42', summary: story.paragraphs[0] };
    agency.feed('/rss/giao-thong.rss', rss2({ title: 'Giao thông', link: agency.url('/giao-thong/') }, [entry, entry]));
    const source = await vigil.addSource({ name: 'Báo Hòa Sơn — Giao thông', url: agency.url('/rss/giao-thong.rss'), kind: 'rss' });
    const [item] = await vigil.waitForArticles(source.id, [{ url: pageUrl, article: story }]);
    const polled = await vigil.source(source.id);

    expect((await vigil.vigil.request('POST', `/api/sources/${source.id}/fetch`, { token: vigil.token })).status).toBe(202);
    await vigil.waitForSource(source.id, 'to be polled again', (view) => view.lastFetchedAt !== polled.lastFetchedAt);
    expect((await vigil.items(source.id)).map((summary) => summary.id)).toEqual([item!.id]);
    expect((await vigil.item(item!.id)).snapshots).toHaveLength(1);
    expect(agency.requestsTo('/giao-thong/thong-xe-som.html')).toHaveLength(1);
  });
});
