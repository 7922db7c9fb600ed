import { articlePage, rss2, STORIES } from '../fixtures/collection';
import { CollectionHarness } from './support/collection-harness';
import { CollectionFixtureServer } from './support/collection-fixture-server';

const COMBINING_MARKS = /[\u0300-\u036f]/;

/**
 * Legacy and wide encodings still met on Vietnamese sites: a windows-1258 feed (tone marks as combining
 * characters), a windows-1258 page, and UTF-16 pages with and without a byte order mark. Whatever the bytes,
 * the stored text is NFC Vietnamese that search finds.
 */
describe('Collection: pages and feeds in windows-1258 and UTF-16', () => {
  let site: CollectionFixtureServer;
  let vigil: CollectionHarness;
  let sourceId: string;
  const pottery = STORIES.potteryVillage;
  const fair = STORIES.farmFair;
  const road = STORIES.roadWorks;

  beforeAll(async () => {
    site = new CollectionFixtureServer();
    await site.start();
    vigil = await CollectionHarness.start();

    site.encoded('/lang-nghe/gom-thuy-truc.html', articlePage(pottery, { metaCharset: 'windows-1258' }), 'windows-1258');
    site.encoded('/hoi-cho/keo-dai-ba-ngay.html', articlePage(fair, { metaCharset: null }), 'utf-16le', { bom: true, declare: 'utf-16' });
    site.encoded('/giao-thong/thong-xe.html', articlePage(road, { metaCharset: null }), 'utf-16be', { bom: false });
    // The feed itself is windows-1258, declared only in its XML declaration.
    const feed = rss2({ title: 'Báo Làng Nghề', link: site.url('/') }, [
      { title: pottery.title, link: site.url('/lang-nghe/gom-thuy-truc.html'), guid: 'ln-1', summary: pottery.paragraphs[0] },
      { title: fair.title, link: site.url('/hoi-cho/keo-dai-ba-ngay.html'), guid: 'ln-2', summary: fair.paragraphs[0] },
      { title: road.title, link: site.url('/giao-thong/thong-xe.html'), guid: 'ln-3', summary: road.paragraphs[0] },
    ]).replace('encoding="UTF-8"', 'encoding="windows-1258"');
    site.encoded('/rss.xml', feed, 'windows-1258', { mediaType: 'application/rss+xml', declare: null });
    const source = await vigil.addSource({ name: 'Báo Làng Nghề', url: site.url('/rss.xml'), kind: 'rss' });
    sourceId = source.id;
  });

  afterAll(async () => {
    await vigil?.close();
    await site?.stop();
  });

  it('reads a windows-1258 feed: titles and summaries in composed Vietnamese', async () => {
    const items = await vigil.waitForItems(sourceId, 3);
    expect(items.map((item) => item.title).sort()).toEqual([pottery.title, fair.title, road.title].sort());
    for (const item of items) expect(item.title).not.toMatch(COMBINING_MARKS);
    expect(items.find((item) => item.title === pottery.title)!.language).toBe('vi');
  });

  it('decodes a windows-1258 page and finds it by words only the page carries, whatever the tone-mark placement', async () => {
    const [item] = await vigil.waitForArticles(sourceId, [
      { url: site.url('/lang-nghe/gom-thuy-truc.html'), article: pottery },
      { url: site.url('/hoi-cho/keo-dai-ba-ngay.html'), article: fair },
      { url: site.url('/giao-thong/thong-xe.html'), article: road },
    ]);
    expect(item!.text).not.toMatch(COMBINING_MARKS);
    expect(item!.text).toContain(pottery.paragraphs[2]);
    expect(item!.byline).toBe(pottery.byline);
    expect((await vigil.search('bình men lam vẽ tay')).items.map((hit) => hit.id)).toEqual([item!.id]);
    // The page writes "Hoà" (old tone placement); a duty officer types "Hòa", or no marks at all.
    expect((await vigil.search('nghệ nhân Nguyễn Văn Hòa')).items.map((hit) => hit.id)).toEqual([item!.id]);
    expect((await vigil.search('nghe nhan nguyen van hoa')).items.map((hit) => hit.id)).toEqual([item!.id]);
  });

  it('decodes UTF-16 pages with a byte order mark and without one (charset from the header)', async () => {
    const [, fairItem, roadItem] = await vigil.waitForArticles(sourceId, [
      { url: site.url('/lang-nghe/gom-thuy-truc.html'), article: pottery },
      { url: site.url('/hoi-cho/keo-dai-ba-ngay.html'), article: fair },
      { url: site.url('/giao-thong/thong-xe.html'), article: road },
    ]);
    for (const paragraph of fair.paragraphs) expect(fairItem!.text).toContain(paragraph);
    for (const paragraph of road.paragraphs) expect(roadItem!.text).toContain(paragraph);
    expect(fairItem!.byline).toBe(fair.byline);
    expect(roadItem!.byline).toBe(road.byline);
    expect((await vigil.search('chè Shan tuyết mật ong rừng')).items.map((hit) => hit.id)).toEqual([fairItem!.id]);
    expect((await vigil.search('tăng ca vào ban đêm')).items.map((hit) => hit.id)).toEqual([roadItem!.id]);
  });

  it('serves the snapshot of a legacy-encoded page as readable UTF-8', async () => {
    const [item] = await vigil.waitForArticles(sourceId, [
      { url: site.url('/lang-nghe/gom-thuy-truc.html'), article: pottery },
      { url: site.url('/hoi-cho/keo-dai-ba-ngay.html'), article: fair },
      { url: site.url('/giao-thong/thong-xe.html'), article: road },
    ]);
    const snapshot = await vigil.raw('GET', `/api/items/${item!.id}/snapshot`);
    expect(snapshot.status).toBe(200);
    expect(snapshot.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(snapshot.text.normalize('NFC')).toContain(pottery.paragraphs[2]);
  });
});
