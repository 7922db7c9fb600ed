import { readFileSync } from 'node:fs';
import Parser from 'rss-parser';
import { FeedParseError, parseFeed } from './index';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../../test/fixtures/parsing/feeds/${name}`, import.meta.url), 'utf8');
const iso = (date: Date | null) => date?.toISOString() ?? null;

describe('parseFeed', () => {
  describe('RSS 2.0', () => {
    const feed = parseFeed(fixture('rss2.xml'), { baseUrl: 'https://feeds.tinnhanh.example.vn/rss/thoi-su.rss' });

    it('reads the channel title and link', () => {
      expect(feed).toMatchObject({ kind: 'rss', title: 'Tin Nhanh – Thời sự', link: 'https://tinnhanh.example.vn/' });
      expect(feed.items).toHaveLength(3);
    });

    it('keeps every field of a complete item, description as summary and content:encoded as content', () => {
      expect(feed.items[0]).toEqual({
        id: 'tn-4812345',
        link: 'https://tinnhanh.example.vn/suc-khoe/bo-y-te-bac-bo-tin-don-vac-xin-cum-mua-4812345.html',
        title: 'Bộ Y tế bác bỏ tin đồn về vắc-xin cúm mùa',
        summary:
          '<img src="/anh/2026/11/vac-xin.jpg" alt=""> Bộ Y tế khẳng định thông tin lan truyền trên mạng xã hội là sai sự thật.',
        content: '<p>Chiều 26/11, Bộ Y tế (hư cấu) khẳng định vắc-xin cúm mùa an toàn.</p>',
        published: new Date('2026-11-26T01:15:00.000Z'),
        updated: new Date('2026-11-26T02:00:00.000Z'),
        author: 'Nguyễn Văn An',
        imageUrls: [
          'https://anh.tinnhanh.example.vn/2026/11/vac-xin-lon.jpg',
          'https://anh.tinnhanh.example.vn/2026/11/vac-xin-nho.jpg',
          'https://tinnhanh.example.vn/anh/2026/11/vac-xin.jpg',
        ],
      });
    });

    it('resolves relative item and image links against the channel link', () => {
      expect(feed.items[1].link).toBe('https://tinnhanh.example.vn/thoi-su/mua-lu-chia-cat-nhieu-xa-4812346.html');
      expect(feed.items[1].imageUrls).toEqual(['https://tinnhanh.example.vn/anh/2026/11/mua-lu.jpg']);
      expect(iso(feed.items[1].published)).toBe('2026-11-26T01:30:00.000Z');
    });

    it('takes the link from a permalink guid, joins a wrapped title and reads a naive date as Vietnam time', () => {
      expect(feed.items[2]).toMatchObject({
        link: 'https://tinnhanh.example.vn/kinh-te/gia-xang-giam-lan-thu-ba-4812347.html',
        title: 'Giá xăng giảm lần thứ ba liên tiếp',
        content: null,
      });
      expect(iso(feed.items[2].published)).toBe('2026-11-26T01:15:00.000Z');
    });

    it('reads naive times in the zone the source names instead', () => {
      const utc = parseFeed(fixture('rss2.xml'), { defaultTimeZone: 'UTC' });
      expect(iso(utc.items[2].published)).toBe('2026-11-26T08:15:00.000Z');
      expect(iso(utc.items[0].published)).toBe('2026-11-26T01:15:00.000Z');
    });

    it('gives the same titles, links and dates as rss-parser’s own parseString', async () => {
      const reference = await new Parser().parseString(fixture('rss2.xml'));
      expect(feed.items.map((item) => item.title)).toEqual(reference.items.map((item) => item.title?.replace(/\s+/g, ' ').trim()));
      expect(feed.items[0].link).toBe(reference.items[0].link);
      expect(iso(feed.items[0].published)).toBe(reference.items[0].isoDate);
    });
  });

  it('reads RSS 1.0 (RDF) with dc:date and dc:creator, the rdf:about as id', () => {
    const feed = parseFeed(fixture('rss1.rdf'));
    expect(feed).toMatchObject({ kind: 'rss', title: 'Harbour City Gazette', link: 'https://gazette.example.com/' });
    expect(feed.items.map((item) => [item.id, item.title, iso(item.published), item.author])).toEqual([
      [
        'https://gazette.example.com/2026/11/ferry-timetable-changes',
        'Ferry timetable changes from Monday',
        '2026-11-25T18:00:00.000Z',
        'Jane Holloway',
      ],
      ['https://gazette.example.com/2026/11/library-reopens', 'Central library reopens after repairs', '2026-11-26T02:30:00.000Z', null],
    ]);
  });

  it('reads RSS 0.91, which has no dates or ids', () => {
    const feed = parseFeed(fixture('rss091.xml'));
    expect(feed).toMatchObject({ kind: 'rss', title: 'Riverside Weekly', link: 'http://riverside.example.org/' });
    expect(feed.items).toEqual([
      expect.objectContaining({
        id: null,
        title: 'Bridge repairs finished early',
        link: 'http://riverside.example.org/news/bridge-repairs-finished-early.html',
        summary: 'The east bridge reopened on Tuesday.',
        published: null,
      }),
      expect.objectContaining({ title: 'Market moves to the square' }),
    ]);
  });

  describe('Atom', () => {
    const feed = parseFeed(fixture('atom.xml'));

    it('reads the feed title and its alternate link', () => {
      expect(feed).toMatchObject({
        kind: 'atom',
        title: 'Cổng thông tin Tỉnh Hòa Bình Xanh',
        link: 'https://hoabinhxanh.example.gov.vn/',
      });
    });

    it('keeps published, updated, author, summary, HTML content and enclosure images', () => {
      expect(feed.items[0]).toEqual({
        id: 'tag:hoabinhxanh.example.gov.vn,2026:tin-20261126',
        link: 'https://hoabinhxanh.example.gov.vn/tin-tuc/cai-chinh-thong-tin-du-an-cau-song-xanh-20261126.html',
        title: 'UBND tỉnh cải chính thông tin sai về dự án cầu Sông Xanh',
        summary: '<p>Thông tin dự án bị dừng là <strong>không đúng</strong>.</p>',
        content: '<p>Dự án cầu Sông Xanh (hư cấu) vẫn thi công theo kế hoạch.</p>',
        published: new Date('2026-11-26T00:45:00.000Z'),
        updated: new Date('2026-11-26T03:00:00.000Z'),
        author: 'Văn phòng UBND tỉnh',
        imageUrls: ['https://hoabinhxanh.example.gov.vn/media/cau-song-xanh.png'],
      });
    });

    it('dates an entry that has only <updated> as published then', () => {
      expect(feed.items[1]).toMatchObject({ content: null, author: null });
      expect(iso(feed.items[1].published)).toBe('2026-11-25T16:20:00.000Z');
      expect(iso(feed.items[1].updated)).toBe('2026-11-25T16:20:00.000Z');
      expect(feed.items[1].imageUrls).toEqual(['https://hoabinhxanh.example.gov.vn/media/lich.jpg']);
    });

    it('reads localised dates that would make rss-parser drop the whole feed', async () => {
      await expect(new Parser().parseString(fixture('localised-dates.xml'))).rejects.toThrow('Invalid time value');
      const localised = parseFeed(fixture('localised-dates.xml'));
      expect(localised.items.map((item) => [item.id, iso(item.published), iso(item.updated)])).toEqual([
        ['db-1', '2026-11-26T01:15:00.000Z', null],
        ['db-2', '2026-11-26T01:15:00.000Z', null],
        ['db-3', '2026-11-26T01:15:00.000Z', '2026-11-26T02:00:00.000Z'],
        ['db-4', '2026-11-26T08:05:00.000Z', null],
        ['db-5', null, null],
      ]);
    });
  });

  describe('JSON Feed 1.1', () => {
    const feed = parseFeed(fixture('feed.json'));

    it('reads the feed and a complete item', () => {
      expect(feed).toMatchObject({ kind: 'jsonfeed', title: 'Kiểm Chứng 24h', link: 'https://kiemchung.example.vn/' });
      expect(feed.items[0]).toEqual({
        id: 'kc-2026-1126-01',
        link: 'https://kiemchung.example.vn/kiem-chung/anh-lu-cu-bi-cat-ghep-2026.html',
        title: 'Ảnh lũ cũ bị cắt ghép thành ảnh năm 2026',
        summary: 'Bức ảnh được chia sẻ hàng nghìn lần là ảnh chụp năm 2019.',
        content: '<p>Nhóm kiểm chứng (hư cấu) đối chiếu siêu dữ liệu của ảnh.</p>',
        published: new Date('2026-11-26T01:15:00.000Z'),
        updated: new Date('2026-11-26T04:00:00.000Z'),
        author: 'Trần Thị Bình',
        imageUrls: ['https://kiemchung.example.vn/anh/lu-cu.jpg', 'https://kiemchung.example.vn/anh/so-sanh.png'],
      });
    });

    it('turns a numeric id into text, escapes content_text as HTML and reads a naive date as Vietnam time', () => {
      expect(feed.items[1]).toMatchObject({
        id: '20261126002',
        link: 'https://kiemchung.example.vn/kiem-chung/tin-nhan-gia-mao-ngan-hang.html',
        content: 'Không bấm vào đường link lạ &lt;kể cả khi&gt; tin nhắn có vẻ chính thức.',
        published: new Date('2026-11-26T02:30:00.000Z'),
      });
    });
  });

  it('dates RSS and JSON Feed entries that give only a modification date by it', () => {
    const rss = parseFeed(`<?xml version="1.0"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dcterms="http://purl.org/dc/terms/"><channel><title>Tin Hòa Sơn</title>
  <item><title>Lịch tiếp công dân tháng 12</title><link>https://hoason.example.vn/lich-tiep-cong-dan.html</link><atom:updated>2026-11-25T23:20:00+07:00</atom:updated></item>
  <item><title>Cải chính tin đồn</title><link>https://hoason.example.vn/cai-chinh.html</link><dcterms:modified>2026-11-26T08:00:00+07:00</dcterms:modified></item>
</channel></rss>`);
    expect(rss.items.map((item) => [iso(item.published), iso(item.updated)])).toEqual([
      ['2026-11-25T16:20:00.000Z', '2026-11-25T16:20:00.000Z'],
      ['2026-11-26T01:00:00.000Z', '2026-11-26T01:00:00.000Z'],
    ]);
    const json = parseFeed(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'Kiểm Chứng 24h',
        items: [{ id: 'kc-9', url: 'https://kiemchung.example.vn/kc-9.html', title: 'Ảnh cũ', date_modified: '2026-11-26T09:30:00+07:00' }],
      }),
    );
    expect(iso(json.items[0]!.published)).toBe('2026-11-26T02:30:00.000Z');
  });

  describe('documents that are not feeds', () => {
    it.each([
      ['an HTML page', fixture('page-with-alternates.html'), 'Unreadable feed: got an HTML page, not a feed'],
      ['a sitemap', fixture('sitemap.xml'), 'Unreadable feed: got a sitemap, not a feed'],
      ['an empty body', '  \n', 'Unreadable feed: the document is empty'],
      ['plain text', 'Service Unavailable', 'Unreadable feed: the document is not XML or JSON'],
      ['JSON that is not a JSON Feed', '{"status":"ok"}', 'Unreadable feed: JSON document without a https://jsonfeed.org/version/ version'],
      ['an unknown XML root', '<opml version="2.0"><body/></opml>', 'Unreadable feed: the root element is <opml>, not an RSS or Atom feed'],
    ])('rejects %s with a reason for the source health', (_, text, message) => {
      expect(() => parseFeed(text)).toThrow(new FeedParseError(message));
    });

    it('reports broken JSON as invalid JSON', () => {
      expect(() => parseFeed('{"version": "https://jsonfeed.org/version/1.1", "items": [')).toThrow(
        /^Unreadable feed: invalid JSON \(/,
      );
    });

    it('refuses an unknown default time zone as a configuration error', () => {
      expect(() => parseFeed(fixture('rss2.xml'), { defaultTimeZone: 'Asia/Nowhere' })).toThrow(RangeError);
    });
  });
});
