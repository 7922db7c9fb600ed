import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { FeedParseError, parseSitemap } from './index';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../../test/fixtures/parsing/feeds/${name}`, import.meta.url), 'utf8');
const BASE = 'https://tinnhanh.example.vn/sitemap.xml';

describe('parseSitemap', () => {
  it('lists the URLs of a urlset with their last modification, resolved, deduplicated, http(s) only', () => {
    expect(parseSitemap(fixture('sitemap.xml'), BASE)).toEqual({
      type: 'urlset',
      entries: [
        {
          url: 'https://tinnhanh.example.vn/suc-khoe/bo-y-te-bac-bo-tin-don-vac-xin-cum-mua-4812345.html',
          lastModified: new Date('2026-11-26T02:00:00.000Z'),
          title: null,
          published: null,
          language: null,
        },
        {
          url: 'https://tinnhanh.example.vn/tim-kiem?q=l%C5%A9&trang=2',
          lastModified: new Date('2026-11-25T17:00:00.000Z'),
          title: null,
          published: null,
          language: null,
        },
        {
          url: 'https://tinnhanh.example.vn/thoi-su/mua-lu-chia-cat-nhieu-xa-4812346.html',
          lastModified: null,
          title: null,
          published: null,
          language: null,
        },
      ],
      sitemaps: [],
    });
  });

  it('lists the child sitemaps of a sitemap index', () => {
    expect(parseSitemap(fixture('sitemap-index.xml'), BASE)).toEqual({
      type: 'index',
      entries: [],
      sitemaps: [
        'https://tinnhanh.example.vn/sitemaps/news.xml',
        'https://tinnhanh.example.vn/sitemaps/2026-11.xml',
        'https://tinnhanh.example.vn/sitemaps/2026-10.xml.gz',
      ],
    });
  });

  it('reads the title, publication date and language of a Google News sitemap', () => {
    expect(parseSitemap(fixture('news-sitemap.xml'), BASE).entries).toEqual([
      {
        url: 'https://tinnhanh.example.vn/thoi-su/mua-lu-chia-cat-nhieu-xa-4812346.html',
        lastModified: null,
        title: 'Mưa lũ chia cắt nhiều xã & thôn ở miền Trung',
        published: new Date('2026-11-26T01:30:00.000Z'),
        language: 'vi',
      },
      {
        url: 'https://tinnhanh.example.vn/english/flood-update-4812350.html',
        lastModified: new Date('2026-11-26T10:05:00.000Z'),
        title: 'Flood update: roads reopen',
        published: new Date('2026-11-25T17:00:00.000Z'),
        language: 'en',
      },
    ]);
  });

  it('keeps the complete entries of a truncated sitemap', () => {
    const text = fixture('sitemap.xml');
    const cut = text.slice(0, text.indexOf('<loc>/thoi-su') + 20);
    expect(parseSitemap(cut, BASE).entries.map((entry) => entry.url)).toEqual([
      'https://tinnhanh.example.vn/suc-khoe/bo-y-te-bac-bo-tin-don-vac-xin-cum-mua-4812345.html',
      'https://tinnhanh.example.vn/tim-kiem?q=l%C5%A9&trang=2',
    ]);
  });

  it('reads an empty urlset as no entries', () => {
    expect(parseSitemap('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>', BASE)).toEqual({
      type: 'urlset',
      entries: [],
      sitemaps: [],
    });
  });

  it('never expands entities: billion laughs and external entities stay literal and finish fast', () => {
    const text =
      '<!DOCTYPE urlset [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
      '<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' +
      '<urlset xmlns:news="n"><url><loc>https://tinnhanh.example.vn/a-1.html</loc>' +
      '<news:news><news:title>&lol1; &xxe;</news:title></news:news></url></urlset>';
    const start = performance.now();
    const [entry] = parseSitemap(text, BASE).entries;
    expect(performance.now() - start).toBeLessThan(1000);
    expect(entry.title).toBe('&lol1; &xxe;');
  });

  it('rejects a document that is not a sitemap', () => {
    expect(() => parseSitemap('<rss version="2.0"><channel/></rss>', BASE)).toThrow(
      new FeedParseError('Unreadable sitemap: the root element is <rss>, not <urlset> or <sitemapindex>'),
    );
  });
});
