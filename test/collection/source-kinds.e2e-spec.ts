import { createHash } from 'node:crypto';
import type { ItemDetail, SourceView } from '@vigil/contracts';
import {
  type ArticleContent,
  articlePage,
  atom,
  jsonFeed,
  listingPage,
  newsSitemap,
  pageWithFeedLinks,
  rss2,
  SITE_FURNITURE,
  sitemap,
  sitemapIndex,
  STORIES,
  healthyBriefs,
} from '../fixtures/collection';
import { byTitle, CollectionHarness } from './support/collection-harness';
import { CollectionFixtureServer } from './support/collection-fixture-server';

const sha256 = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex');
const iso = (offsetTime: string) => new Date(offsetTime).toISOString();

/** Every paragraph of the story is in the item's text, and none of the page's furniture is. */
function expectArticleText(item: ItemDetail, article: ArticleContent): void {
  expect(item.text.startsWith(article.paragraphs[0]!)).toBe(true);
  for (const paragraph of article.paragraphs) expect(item.text).toContain(paragraph);
  for (const furniture of Object.values(SITE_FURNITURE)) expect(item.text).not.toContain(furniture);
}

describe('Collection: every source kind, end to end', () => {
  let site: CollectionFixtureServer;
  let vigil: CollectionHarness;

  beforeAll(async () => {
    site = new CollectionFixtureServer();
    await site.start();
    vigil = await CollectionHarness.start();
  });

  afterAll(async () => {
    await vigil?.close();
    await site?.stop();
  });

  /** Serves the article's page at `path` and returns the bytes served. */
  function publish(path: string, article: ArticleContent, options: Parameters<typeof articlePage>[1] = {}): string {
    const html = articlePage(article, options);
    site.page(path, html);
    return html;
  }

  describe('RSS 2.0', () => {
    let source: SourceView;
    let waterPage: string;
    let fluPage: string;
    const waterPath = '/thoi-su/hoa-son-bac-bo-tin-don-cat-nuoc.html';
    const fluPath = '/suc-khoe/canh-bao-thuoc-chua-cum-gia.html';

    beforeAll(async () => {
      waterPage = publish(waterPath, STORIES.waterRumour, {
        canonical: `${waterPath}?utm_source=rss&utm_medium=feed&utm_campaign=sang&fbclid=abc123`,
        image: { src: '/anh/2026/11/cat-nuoc.jpg', alt: 'Bồn chứa nước của công ty cấp nước', caption: 'Ảnh: Trần Minh Khoa' },
      });
      fluPage = publish(fluPath, STORIES.fluMedicine);
      site.redirect('/r/thuoc-cum', fluPath);
      site.feed(
        '/rss/thoi-su.rss',
        rss2({ title: 'Báo Hòa Sơn — Thời sự', link: site.url('/thoi-su/') }, [
          {
            title: STORIES.waterRumour.title,
            link: site.url(`${waterPath}?utm_source=rss&utm_medium=feed`),
            guid: 'hoaso-2026-11-0001',
            published: 'Fri, 20 Nov 2026 08:30:00 +0700',
            summary: STORIES.waterRumour.paragraphs[0],
          },
          {
            title: STORIES.fluMedicine.title,
            link: site.url('/r/thuoc-cum'),
            guid: 'hoaso-2026-11-0002',
            published: 'Sat, 21 Nov 2026 14:05:00 +0700',
            author: 'Lê Thị Hồng Nhung',
            summary: STORIES.fluMedicine.paragraphs[0],
          },
        ]),
      );
      source = await vigil.addSource({ name: 'Báo Hòa Sơn — Thời sự', url: site.url('/rss/thoi-su.rss'), kind: 'rss', languageHint: 'vi' });
    });

    it('stores one item per entry with the feed title, link, guid, time and language', async () => {
      expect(source).toMatchObject({ kind: 'rss', url: site.url('/rss/thoi-su.rss') });
      const items = await vigil.waitForItems(source.id, 2);
      expect(items).toHaveLength(2);
      const water = await vigil.item(byTitle(items, STORIES.waterRumour.title).id);
      expect(water).toMatchObject({
        sourceId: source.id,
        url: site.url(`${waterPath}?utm_source=rss&utm_medium=feed`),
        guid: 'hoaso-2026-11-0001',
        publishedAt: iso('2026-11-20T08:30:00+07:00'),
        language: 'vi',
      });
      const flu = await vigil.item(byTitle(items, STORIES.fluMedicine.title).id);
      expect(flu).toMatchObject({ url: site.url('/r/thuoc-cum'), guid: 'hoaso-2026-11-0002', publishedAt: iso('2026-11-21T14:05:00+07:00') });
    });

    /** Both items once their pages are archived and extracted. */
    const enriched = () =>
      vigil.waitForArticles(source.id, [
        { url: site.url(`${waterPath}?utm_source=rss&utm_medium=feed`), article: STORIES.waterRumour },
        { url: site.url('/r/thuoc-cum'), article: STORIES.fluMedicine },
      ]);

    it('extracts the article from the page: full text without furniture, byline, canonical URL without tracking, images', async () => {
      const [water] = await enriched();
      expectArticleText(water!, STORIES.waterRumour);
      expect(water).toMatchObject({
        byline: 'Trần Minh Khoa',
        canonicalUrl: site.url(waterPath),
        imageUrls: [site.url('/anh/2026/11/cat-nuoc.jpg')],
      });
    });

    it('archives each page with its HTTP status, final URL after redirects and the sha256 of the bytes served', async () => {
      const [water, flu] = await enriched();
      expect(water!.snapshots).toEqual([
        { id: expect.any(String), fetchedAt: expect.any(String), httpStatus: 200, finalUrl: site.url(`${waterPath}?utm_source=rss&utm_medium=feed`), contentHash: sha256(waterPage) },
      ]);
      expect(flu!.snapshots).toEqual([{ id: expect.any(String), fetchedAt: expect.any(String), httpStatus: 200, finalUrl: site.url(fluPath), contentHash: sha256(fluPage) }]);
      // The feed's author wins over the page's; without rel=canonical the canonical URL is where the redirect ended.
      expect(flu).toMatchObject({ byline: 'Lê Thị Hồng Nhung', canonicalUrl: site.url(fluPath) });
      expectArticleText(flu!, STORIES.fluMedicine);
      expect(site.requestsTo('/r/thuoc-cum')).toHaveLength(1);
      expect(site.requestsTo(fluPath)).toHaveLength(1);
    });

    it('serves the snapshot sanitised: the text as published, no script, image, frame or javascript: link, under a strict CSP', async () => {
      const [water] = await enriched();
      const snapshot = await vigil.raw('GET', `/api/items/${water!.id}/snapshot`);
      expect(snapshot.status).toBe(200);
      expect(snapshot.headers.get('content-type')).toMatch(/^text\/html/);
      // The page's own policy, not the API's (the console opens it in a tab of its own).
      expect(snapshot.headers.get('content-security-policy')).toBe(
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'",
      );
      expect(snapshot.text).toContain(STORIES.waterRumour.paragraphs[1]);
      expect(snapshot.text).toContain(water!.snapshots[0]!.contentHash);
      for (const forbidden of ['<script', '<img', '<iframe', 'onerror', 'javascript:', 'tracker.js', SITE_FURNITURE.script]) {
        expect(snapshot.text.toLowerCase()).not.toContain(forbidden.toLowerCase());
      }
      const named = await vigil.raw('GET', `/api/items/${water!.id}/snapshot?snapshotId=${water!.snapshots[0]!.id}`);
      expect(named.text).toBe(snapshot.text);
    });

    it('finds the items by words that only the article page carries, with or without diacritics', async () => {
      const [water] = await enriched();
      // "thay đường ống cũ" is in the second paragraph: on the page, not in the feed's summary.
      const withMarks = await vigil.search('thay đường ống cũ');
      expect(withMarks.items.map((item) => item.id)).toEqual([water!.id]);
      const folded = await vigil.search('thay duong ong cu');
      expect(folded.items.map((item) => item.id)).toEqual([water!.id]);
    });

    it('names itself VigilBot with a contact URL on every request', () => {
      expect(site.requests.length).toBeGreaterThan(0);
      for (const request of site.requests) expect(request.headers['user-agent']).toMatch(/^VigilBot\/\S+ \(\+https?:\/\/\S+\)$/);
    });
  });

  it('collects an Atom feed: entries with their id, author, times and English language', async () => {
    publish('/en/news/old-mill-bridge-rumour', STORIES.bridgeClosure);
    publish('/en/news/ferry-timetable', STORIES.ferryTimetable);
    site.feed(
      '/en/atom.xml',
      atom({ title: 'Riverside Herald', link: site.url('/en/'), id: 'tag:riverside-herald.example,2026:feed', updated: '2026-11-20T16:45:00Z' }, [
        { title: STORIES.bridgeClosure.title, link: site.url('/en/news/old-mill-bridge-rumour'), guid: 'tag:riverside-herald.example,2026:101', published: '2026-11-19T09:00:00Z', author: 'Eleanor Whitfield', summary: STORIES.bridgeClosure.paragraphs[0] },
        { title: STORIES.ferryTimetable.title, link: site.url('/en/news/ferry-timetable'), guid: 'tag:riverside-herald.example,2026:102', published: '2026-11-20T16:45:00Z', updated: '2026-11-20T18:00:00Z', author: 'Samuel Okafor', summary: STORIES.ferryTimetable.paragraphs[0] },
      ]),
      'application/atom+xml',
    );
    const source = await vigil.addSource({ name: 'Riverside Herald', url: site.url('/en/atom.xml'), kind: 'atom' });
    const [bridge, ferry] = await vigil.waitForArticles(source.id, [
      { url: site.url('/en/news/old-mill-bridge-rumour'), article: STORIES.bridgeClosure },
      { url: site.url('/en/news/ferry-timetable'), article: STORIES.ferryTimetable },
    ]);
    expect(bridge).toMatchObject({ guid: 'tag:riverside-herald.example,2026:101', byline: 'Eleanor Whitfield', language: 'en', publishedAt: '2026-11-19T09:00:00.000Z', url: site.url('/en/news/old-mill-bridge-rumour') });
    expect(ferry).toMatchObject({ guid: 'tag:riverside-herald.example,2026:102', byline: 'Samuel Okafor', publishedAt: '2026-11-20T16:45:00.000Z', updatedAt: '2026-11-20T18:00:00.000Z' });
    expectArticleText(bridge!, STORIES.bridgeClosure);
    expectArticleText(ferry!, STORIES.ferryTimetable);
    expect((await vigil.search('expansion joint')).items.map((item) => item.id)).toEqual([bridge!.id]);
  });

  it('keeps titles and summaries as the publisher wrote them, and dates an Atom entry that has only <updated> by it', async () => {
    // Old-style tone placement ("hoá", "Thuỷ") and a decomposed (NFD) title: evidence is kept byte for byte.
    const title = 'Lễ hội văn hoá Thuỷ Hoà khai mạc đúng lịch';
    const decomposed = 'Cải chính: không có lệnh hoãn lễ hội'.normalize('NFD');
    const summary = 'Ban tổ chức lễ hội văn hoá Thuỷ Hoà (hư cấu) bác bỏ tin đồn lễ hội bị hoãn vì mưa lớn.';
    site.page('/van-hoa/le-hoi-thuy-hoa.html', '<!doctype html><html><body><p>Trang đang bảo trì.</p></body></html>');
    site.feed(
      '/van-hoa/atom.xml',
      atom({ title: 'Hòa Sơn — Văn hoá', link: site.url('/van-hoa/'), id: 'tag:hoa-son.example,2026:van-hoa', updated: '2026-11-25T09:00:00+07:00' }, [
        { title, link: site.url('/van-hoa/le-hoi-thuy-hoa.html'), guid: 'tag:hoa-son.example,2026:vh-1', updated: '2026-11-25T08:40:00+07:00', summary },
        { title: decomposed, link: site.url('/van-hoa/cai-chinh-le-hoi.html'), guid: 'tag:hoa-son.example,2026:vh-2', published: '2026-11-24T07:00:00+07:00', summary },
      ]),
      'application/atom+xml',
    );
    const source = await vigil.addSource({ name: 'Hòa Sơn — Văn hoá', url: site.url('/van-hoa/atom.xml'), kind: 'atom' });
    const items = await vigil.waitForItems(source.id, 2);
    const festival = byTitle(items, title);
    expect(festival).toMatchObject({ publishedAt: iso('2026-11-25T08:40:00+07:00'), snippet: summary });
    expect(byTitle(items, decomposed).title).toBe(decomposed);
    // Newest first: the entry dated by <updated> is not sorted below the older one.
    expect(items.map((item) => item.title)).toEqual([title, decomposed]);
    expect((await vigil.item(festival.id)).title).toBe(title);
    // Search still folds: the modern spelling finds the old one.
    expect((await vigil.search('văn hóa Thủy Hòa', source.id)).items.map((item) => item.id)).toContain(festival.id);
  });

  it('collects a JSON Feed 1.1', async () => {
    publish('/bao-so-9.html', STORIES.stormRumour);
    publish('/nghi-hoc.html', STORIES.schoolHoliday);
    site.feed(
      '/feed.json',
      jsonFeed({ title: 'Hòa Sơn 24h', homePage: site.url('/'), feedUrl: site.url('/feed.json') }, [
        { title: STORIES.stormRumour.title, link: site.url('/bao-so-9.html'), guid: 'hs24-9001', published: '2026-11-22T06:15:00+07:00', author: 'Phạm Quốc Bảo', summary: STORIES.stormRumour.paragraphs[0] },
        { title: STORIES.schoolHoliday.title, link: site.url('/nghi-hoc.html'), guid: 'hs24-9002', published: '2026-11-22T10:20:00+07:00', summary: STORIES.schoolHoliday.paragraphs[0] },
      ]),
      'application/feed+json',
    );
    const source = await vigil.addSource({ name: 'Hòa Sơn 24h', url: site.url('/feed.json'), kind: 'jsonfeed' });
    const [storm, school] = await vigil.waitForArticles(source.id, [
      { url: site.url('/bao-so-9.html'), article: STORIES.stormRumour },
      { url: site.url('/nghi-hoc.html'), article: STORIES.schoolHoliday },
    ]);
    expect(storm).toMatchObject({ guid: 'hs24-9001', byline: 'Phạm Quốc Bảo', publishedAt: iso('2026-11-22T06:15:00+07:00'), language: 'vi' });
    expect(school).toMatchObject({ guid: 'hs24-9002', byline: STORIES.schoolHoliday.byline, publishedAt: iso('2026-11-22T10:20:00+07:00') });
    expectArticleText(storm!, STORIES.stormRumour);
    expectArticleText(school!, STORIES.schoolHoliday);
  });

  it('collects a sitemap: one item per URL, titled, dated and filled from its page', async () => {
    publish('/thoi-su/2026/11/23/khong-co-chay-lon-tai-cho.html', STORIES.marketFire);
    publish('/kinh-te/2026/11/23/ngan-hang-van-hoat-dong.html', STORIES.bankRumour);
    site.feed(
      '/sitemap-bai-viet.xml',
      sitemap([
        { loc: site.url('/thoi-su/2026/11/23/khong-co-chay-lon-tai-cho.html'), lastmod: '2026-11-23T07:40:00+07:00' },
        { loc: site.url('/kinh-te/2026/11/23/ngan-hang-van-hoat-dong.html'), lastmod: '2026-11-23T11:10:00+07:00' },
      ]),
      'application/xml',
    );
    const source = await vigil.addSource({ name: 'Hòa Sơn — sơ đồ trang', url: site.url('/sitemap-bai-viet.xml'), kind: 'sitemap' });
    const [fire, bank] = await vigil.waitForArticles(source.id, [
      { url: site.url('/thoi-su/2026/11/23/khong-co-chay-lon-tai-cho.html'), article: STORIES.marketFire },
      { url: site.url('/kinh-te/2026/11/23/ngan-hang-van-hoat-dong.html'), article: STORIES.bankRumour },
    ]);
    // A sitemap says nothing but the address: the title, byline and time come from the page.
    expect(fire).toMatchObject({ title: STORIES.marketFire.title, byline: STORIES.marketFire.byline, publishedAt: iso(STORIES.marketFire.publishedAt), language: 'vi' });
    expect(fire!.updatedAt).toBe(iso('2026-11-23T07:40:00+07:00'));
    expect(bank).toMatchObject({ title: STORIES.bankRumour.title, byline: STORIES.bankRumour.byline });
    expectArticleText(fire!, STORIES.marketFire);
    expect((await vigil.search('chập điện')).items.map((item) => item.id)).toEqual([fire!.id]);
  });

  it('collects a Google News sitemap through a sitemap index, naive times read as Asia/Ho_Chi_Minh', async () => {
    publish('/giao-thong/duong-ven-song-thong-xe-som.html', STORIES.roadWorks);
    publish('/kinh-te/gia-xang-giam-500-dong.html', STORIES.fuelPrice);
    site.feed('/sitemap-index.xml', sitemapIndex([{ loc: site.url('/sitemap-news.xml'), lastmod: '2026-11-26T08:00:00+07:00' }]), 'application/xml');
    site.feed(
      '/sitemap-news.xml',
      newsSitemap('Báo Hòa Sơn', [
        { loc: site.url('/giao-thong/duong-ven-song-thong-xe-som.html'), title: STORIES.roadWorks.title, published: '2026-11-26T08:00:00+07:00' },
        { loc: site.url('/kinh-te/gia-xang-giam-500-dong.html'), title: STORIES.fuelPrice.title, published: '2026-11-24T15:00:00' },
      ]),
      'application/xml',
    );
    const source = await vigil.addSource({ name: 'Báo Hòa Sơn — Google News', url: site.url('/sitemap-index.xml'), kind: 'sitemap' });
    const [road, fuel] = await vigil.waitForArticles(source.id, [
      { url: site.url('/giao-thong/duong-ven-song-thong-xe-som.html'), article: STORIES.roadWorks },
      { url: site.url('/kinh-te/gia-xang-giam-500-dong.html'), article: STORIES.fuelPrice },
    ]);
    expect(road).toMatchObject({ title: STORIES.roadWorks.title, url: site.url('/giao-thong/duong-ven-song-thong-xe-som.html'), publishedAt: '2026-11-26T01:00:00.000Z' });
    expect(fuel).toMatchObject({ title: STORIES.fuelPrice.title, url: site.url('/kinh-te/gia-xang-giam-500-dong.html'), publishedAt: '2026-11-24T08:00:00.000Z' });
    expectArticleText(road!, STORIES.roadWorks);
    expectArticleText(fuel!, STORIES.fuelPrice);
  });

  it('collects a web listing page: only links matching the pattern become items, filled from their pages', async () => {
    publish('/thoi-su/2026/hoi-cho-nong-san-keo-dai.html', STORIES.farmFair);
    publish('/thoi-su/2026/lang-gom-thuy-truc-nhan-bang-khen.html', STORIES.potteryVillage);
    publish('/video/2026/phong-su-lang-gom-thuy-truc-nhan-bang-khen.html', STORIES.potteryVillage);
    site.page(
      '/thoi-su/',
      listingPage('Thời sự', [
        { href: '/thoi-su/2026/hoi-cho-nong-san-keo-dai.html', text: STORIES.farmFair.title },
        { href: '/thoi-su/2026/lang-gom-thuy-truc-nhan-bang-khen.html', text: STORIES.potteryVillage.title },
        { href: '/thoi-su/2026/hoi-cho-nong-san-keo-dai.html#binh-luan', text: 'Bình luận' },
        { href: '/video/2026/phong-su-lang-gom-thuy-truc-nhan-bang-khen.html', text: 'Video: làng gốm' },
      ]),
    );
    const source = await vigil.addSource({
      name: 'Báo Hòa Sơn — trang Thời sự',
      url: site.url('/thoi-su/'),
      kind: 'web',
      listing: { linkPattern: '/thoi-su/\\d{4}/[a-z0-9-]+\\.html$' },
    });
    expect(source.listing).toEqual({ linkPattern: '/thoi-su/\\d{4}/[a-z0-9-]+\\.html$' });
    const [fair, pottery] = await vigil.waitForArticles(source.id, [
      { url: site.url('/thoi-su/2026/hoi-cho-nong-san-keo-dai.html'), article: STORIES.farmFair },
      { url: site.url('/thoi-su/2026/lang-gom-thuy-truc-nhan-bang-khen.html'), article: STORIES.potteryVillage },
    ]);
    expect(fair).toMatchObject({ title: STORIES.farmFair.title, byline: STORIES.farmFair.byline, publishedAt: iso(STORIES.farmFair.publishedAt) });
    expect(pottery).toMatchObject({ title: STORIES.potteryVillage.title });
    expectArticleText(fair!, STORIES.farmFair);
    // Links that do not match the pattern are never fetched.
    expect(site.requestsTo('/video/2026/phong-su-lang-gom-thuy-truc-nhan-bang-khen.html')).toHaveLength(0);
  });

  describe('kind "auto"', () => {
    it('follows an HTML page’s <link rel="alternate"> to its feed and collects that feed', async () => {
      const [brief] = healthyBriefs('tự động phát hiện', 1);
      publish('/tu-dong/ban-tin-1.html', brief!);
      site.feed(
        '/tu-dong/rss.xml',
        rss2({ title: 'Tự động', link: site.url('/tu-dong/') }, [{ title: brief!.title, link: site.url('/tu-dong/ban-tin-1.html'), guid: 'auto-1', summary: brief!.paragraphs[0] }]),
      );
      site.page('/tu-dong/', pageWithFeedLinks('Báo Tự Động', [{ href: '/tu-dong/rss.xml', type: 'application/rss+xml', title: 'Tin mới' }]));
      const source = await vigil.addSource({ name: 'Báo Tự Động', url: site.url('/tu-dong/'), kind: 'auto' });
      expect(source).toMatchObject({ kind: 'rss', url: site.url('/tu-dong/rss.xml') });
      const [item] = await vigil.waitForArticles(source.id, [{ url: site.url('/tu-dong/ban-tin-1.html'), article: brief! }]);
      expect(item).toMatchObject({ title: brief!.title, guid: 'auto-1' });
      expectArticleText(item!, brief!);
    });

    it('recognises a feed, a JSON Feed and a sitemap by their content, and a page without feeds as a web listing', async () => {
      site.feed('/tu-dong/atom.xml', atom({ title: 'A', link: site.url('/'), id: 'tag:a', updated: '2026-11-20T00:00:00Z' }, []), 'text/xml');
      site.feed('/tu-dong/feed.json', jsonFeed({ title: 'J', homePage: site.url('/'), feedUrl: site.url('/tu-dong/feed.json') }, []), 'application/json');
      site.feed('/tu-dong/sitemap.xml', sitemap([]), 'text/xml');
      site.page('/tu-dong/chuyen-muc', listingPage('Chuyên mục', []));
      const detected = await Promise.all(
        ['/tu-dong/atom.xml', '/tu-dong/feed.json', '/tu-dong/sitemap.xml', '/tu-dong/chuyen-muc'].map((path) =>
          vigil.addSource({ name: `Tự động ${path}`, url: site.url(path), kind: 'auto', paused: true }),
        ),
      );
      expect(detected.map((source) => [source.kind, source.url])).toEqual([
        ['atom', site.url('/tu-dong/atom.xml')],
        ['jsonfeed', site.url('/tu-dong/feed.json')],
        ['sitemap', site.url('/tu-dong/sitemap.xml')],
        ['web', site.url('/tu-dong/chuyen-muc')],
      ]);
    });

    it('refuses with a code what it cannot detect: an address that fails, a page advertising a feed that is not one', async () => {
      site.gone('/tu-dong/khong-con', 404);
      site.page('/tu-dong/khong-phai-feed', '<html><head><title>Trang thường</title></head><body><p>Không phải feed</p></body></html>');
      site.page('/tu-dong/nhan-nham', '<html><head><link rel="alternate" type="application/rss+xml" href="/tu-dong/khong-phai-feed"></head><body></body></html>');
      const create = (path: string) =>
        vigil.vigil.request('POST', '/api/sources', { token: vigil.token, body: { name: `Tự động ${path}`, url: site.url(path), kind: 'auto', paused: true } });
      expect(await create('/tu-dong/khong-con')).toMatchObject({
        status: 400,
        body: { code: 'source_unreachable', field: 'url', details: { url: site.url('/tu-dong/khong-con') } },
      });
      expect(await create('/tu-dong/nhan-nham')).toMatchObject({
        status: 400,
        body: { code: 'advertised_feed_invalid', field: 'url', details: { url: site.url('/tu-dong/khong-phai-feed') } },
      });
    });
  });
});
