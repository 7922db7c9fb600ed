import { readFileSync } from 'node:fs';
import { FeedParseError, extractListingLinks } from './index';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../../test/fixtures/parsing/feeds/${name}`, import.meta.url), 'utf8');
const PAGE = 'https://tinnhanh.example.vn/thoi-su';

describe('extractListingLinks', () => {
  const html = fixture('listing-page.html');

  it('keeps links that look like articles on the same site, outside the sidebar, when the rule says nothing', () => {
    expect(extractListingLinks(html, PAGE, {})).toEqual([
      'https://tinnhanh.example.vn/thoi-su/mua-lu-chia-cat-nhieu-xa-4812346.html',
      'https://m.tinnhanh.example.vn/thoi-su/cau-tam-duoc-lap-trong-dem',
      'https://tinnhanh.example.vn/video/4812399',
      'https://tinnhanh.example.vn/p/4812400',
    ]);
  });

  it('never takes a site’s own pages for articles: contact, about, login, category and tag pages, menus and footers', () => {
    const page = `<!doctype html><html lang="vi"><body>
      <header><a href="/dang-nhap.html">Đăng nhập</a> <a href="/tin-tuc/bai-noi-bat-tren-dau-trang-4812001.html">Nổi bật</a></header>
      <nav><a href="/gioi-thieu">Giới thiệu</a> <a href="/chuyen-muc/thoi-su-trong-nuoc-va-quoc-te.html">Thời sự</a></nav>
      <div class="list">
        <a href="/thoi-su/xa-hoa-son-don-bao-som-4812500.html">Xã Hòa Sơn đón bão sớm</a>
        <a href="/lien-he.html">Liên hệ</a>
        <a href="/gioi-thieu-toa-soan.html">Giới thiệu tòa soạn</a>
        <a href="/tag/bao-so-9-nam-2026-tai-mien-trung.html">#bão số 9</a>
        <a href="/login?next=/thoi-su">Login</a>
      </div>
      <footer><a href="/dieu-khoan-su-dung-dich-vu.html">Điều khoản</a> <a href="/tin-tuc/bai-o-chan-trang-4812002.html">Bài cũ</a></footer>
    </body></html>`;
    expect(extractListingLinks(page, PAGE, {})).toEqual(['https://tinnhanh.example.vn/thoi-su/xa-hoa-son-don-bao-som-4812500.html']);
    // A selector chooses the links, but not a contact page.
    expect(extractListingLinks(page, PAGE, { linkSelector: '.list' })).toEqual(['https://tinnhanh.example.vn/thoi-su/xa-hoa-son-don-bao-som-4812500.html']);
  });

  it('keeps the links a URL pattern matches', () => {
    expect(extractListingLinks(html, PAGE, { linkPattern: '/thoi-su/.+' })).toEqual([
      'https://tinnhanh.example.vn/thoi-su/mua-lu-chia-cat-nhieu-xa-4812346.html',
      'https://m.tinnhanh.example.vn/thoi-su/cau-tam-duoc-lap-trong-dem',
      'https://tinnhanh.example.vn/thoi-su/trang/2',
    ]);
  });

  it('keeps the links a CSS selector picks, including links inside the selected elements', () => {
    expect(extractListingLinks(html, PAGE, { linkSelector: 'article.story h3' })).toEqual([
      'https://tinnhanh.example.vn/thoi-su/mua-lu-chia-cat-nhieu-xa-4812346.html',
      'https://m.tinnhanh.example.vn/thoi-su/cau-tam-duoc-lap-trong-dem',
      'https://tinnhanh.example.vn/video/4812399',
      'https://tinnhanh.example.vn/p/4812400',
    ]);
  });

  it('applies selector and pattern together', () => {
    expect(extractListingLinks(html, PAGE, { linkSelector: 'article a', linkPattern: '\\.html$' })).toEqual([
      'https://tinnhanh.example.vn/thoi-su/mua-lu-chia-cat-nhieu-xa-4812346.html',
    ]);
  });

  it('follows other sites only when the rule allows it', () => {
    expect(extractListingLinks(html, PAGE, { linkSelector: 'aside a', allowOtherDomains: true })).toEqual([
      'https://baokhac.example.com/thoi-su/bai-viet-cua-bao-khac-123456.html',
      'https://tinnhanh.example.vn/kinh-te/gia-xang-giam-lan-thu-ba-4812347.html',
    ]);
  });

  it('stops at 200 links', () => {
    const many = Array.from({ length: 250 }, (_, i) => `<a href="/tin/bai-so-${i}-${10_000 + i}.html">${i}</a>`).join('');
    const links = extractListingLinks(`<body>${many}</body>`, PAGE, {});
    expect(links).toHaveLength(200);
    expect(links[199]).toBe('https://tinnhanh.example.vn/tin/bai-so-199-10199.html');
  });

  it('filters with a pattern that would backtrack catastrophically on RegExp, quickly and correctly', () => {
    // Links as long as collection accepts (2048 characters): (a+)+$ against a run of "a" that fails at the end would
    // never return on a backtracking engine; the Jest timeout is the guard.
    const run = 'a'.repeat(1900);
    const page = `<body><a href="/${run}">ends in a</a><a href="/${run}!">ends in !</a></body>`;
    expect(extractListingLinks(page, PAGE, { linkPattern: '(a+)+$' })).toEqual([`https://tinnhanh.example.vn/${run}`]);
  });

  it('rejects an invalid rule with a reason for the source health', () => {
    expect(() => extractListingLinks(html, PAGE, { linkPattern: '(' })).toThrow(FeedParseError);
    expect(() => extractListingLinks(html, PAGE, { linkPattern: '/tin/(?=\\d)' })).toThrow(/^Invalid listing rule: link pattern \(invalid perl operator: \(\?=/);
    expect(() => extractListingLinks(html, PAGE, { linkSelector: 'a[[' })).toThrow(/^Invalid listing rule: CSS selector "a\[\["/);
  });
});
