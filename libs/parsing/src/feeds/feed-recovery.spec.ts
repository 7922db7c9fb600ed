import { readFileSync } from 'node:fs';
import { FeedParseError, parseFeed } from './index';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../../test/fixtures/parsing/feeds/${name}`, import.meta.url), 'utf8');
const rss = (items: string) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Kênh thử</title><link>https://thu.example.vn/</link>${items}</channel></rss>`;

describe('parseFeed on feeds that break the XML rules', () => {
  it('reads HTML named entities and repairs bare ampersands, keeping unknown entities as literal text', () => {
    const feed = parseFeed(fixture('html-entities.xml'));
    // Titles are single lines: a no-break space becomes a plain one.
    expect(feed.title).toBe('Phố Cổ Online');
    expect(feed.items.map((item) => [item.title, item.link, item.summary])).toEqual([
      [
        '‚Tin giả‘ về lễ hội đèn lồng… đã được cải chính',
        'https://phoco.example.vn/van-hoa/le-hoi-den-long.html?ref=rss&utm_source=rss',
        'Ban tổ chức & chính quyền phường lên tiếng – café été © 2026.',
      ],
      [
        'Nhà hàng Tôm & Cua bị mạo danh ™',
        'https://phoco.example.vn/doi-song/nha-hang-bi-mao-danh.html',
        'Trang giả mạo dùng ký hiệu &bogus; và — để lừa khách.',
      ],
    ]);
    expect(feed.items[0].published?.toISOString()).toBe('2026-11-26T01:15:00.000Z');
  });

  it('reads items using namespace prefixes the feed never declared', () => {
    const [item] = parseFeed(fixture('undeclared-prefix.xml')).items;
    expect(item).toEqual({
      id: null,
      link: 'https://mientay.example.vn/giao-thong/pha-can-lo-tam-dung.html',
      title: 'Phà Cần Lố tạm dừng vì sương mù',
      summary: 'Phà hoạt động lại sau 9 giờ & hành khách chờ lâu.',
      content: null,
      published: new Date('2026-11-25T23:00:00.000Z'),
      updated: null,
      author: 'Lê Minh Châu',
      imageUrls: ['https://mientay.example.vn/anh/pha.jpg'],
    });
  });

  it('salvages the complete items of a truncated feed and drops the cut one', () => {
    const feed = parseFeed(fixture('truncated.xml'));
    expect(feed.title).toBe('Đài Phát Thanh Huyện Núi Mây');
    expect(feed.items.map((item) => [item.title, item.link, item.published?.toISOString()])).toEqual([
      ['Thông báo lịch cắt điện', 'https://nuimay.example.vn/thong-bao/lich-cat-dien.html', '2026-11-25T10:00:00.000Z'],
      ['Khánh thành trường mầm non', 'https://nuimay.example.vn/giao-duc/khanh-thanh-truong-mam-non.html', '2026-11-26T00:00:00.000Z'],
    ]);
    expect(feed.items[1].summary).toBe('<p>Ngôi trường mới có 6 phòng học.</p>');
  });

  it.each(['rss2.xml', 'atom.xml', 'rss1.rdf'])(
    'salvages %s cut at any character: a prefix of its items, or an unreadable-feed error',
    (name) => {
      const text = fixture(name);
      const titles = parseFeed(text).items.map((item) => item.title);
      for (let end = 0; end < text.length; end++) {
        let salvaged: string[];
        try {
          salvaged = parseFeed(text.slice(0, end)).items.map((item) => item.title);
        } catch (error) {
          expect(error).toBeInstanceOf(FeedParseError);
          continue;
        }
        expect(salvaged).toEqual(titles.slice(0, salvaged.length));
      }
    },
  );

  it('salvages a feed cut inside a CDATA section', () => {
    const text = rss('<item><title>Một</title><link>https://thu.example.vn/mot.html</link></item><item><title>Hai</title><description><![CDATA[<p>Bị c');
    expect(parseFeed(text.slice(0, text.indexOf('</channel>'))).items.map((item) => item.title)).toEqual(['Một']);
  });

  it('strips control characters', () => {
    const feed = parseFeed(rss('<item><title>Tin\u0001 nóng\u000b</title></item>'));
    expect(feed.items[0].title).toBe('Tin nóng');
  });

  it('repairs unescaped markup in descriptions: void elements, stray and missing end tags, a lone "<"', () => {
    const feed = parseFeed(
      rss(
        '<item><title>Giá vàng <5 triệu & tăng</title><link>https://thu.example.vn/vang.html</link>' +
          '<description>Dòng một<br>dòng hai</b></description></item>' +
          '<item><title>Bài hai</title><description><p>Đoạn văn</description></item>',
      ),
    );
    expect(feed.items.map((item) => item.title)).toEqual(['Giá vàng <5 triệu & tăng', 'Bài hai']);
    expect(feed.items[0].link).toBe('https://thu.example.vn/vang.html');
  });

  it('drops references to characters XML forbids instead of failing', () => {
    const feed = parseFeed(rss('<item><title>A&#0;B&#99999999;C &amp; D</title></item>'));
    expect(feed.items[0].title).toBe('ABC & D');
  });

  it('calls a feed unreadable when recovery salvages no item, with the strict parser’s reason', () => {
    expect(() => parseFeed('<rss version="2.0"><channel><title>Chỉ có tiêu đề')).toThrow(
      new FeedParseError('Unreadable feed: Unclosed root tag (line 1, column 49)'),
    );
  });
});
