import { extractArticle } from './extract-article';

const PAGE_URL = 'https://tinnhanh-hagiang.example.vn/thoi-su/bai-viet.html';
const PARAGRAPH_VI =
  'Ủy ban nhân dân tỉnh cho biết thông tin về việc đóng cửa trường học trong tuần tới là không đúng sự thật, các trường vẫn dạy học bình thường.';
const PARAGRAPH_EN =
  'The provincial council said reports that schools would close next week were false, and that classes would continue as normal.';

function page({ head = '', body, lang }: { head?: string; body: string; lang?: string }): string {
  return `<!DOCTYPE html><html${lang ? ` lang="${lang}"` : ''}><head><title>Tin thử nghiệm</title>${head}</head><body>${body}</body></html>`;
}

describe('extractArticle edge cases', () => {
  it('reads a bare fragment with no <html> or <body>', () => {
    const article = extractArticle(`<title>Tin ngắn</title><article><p>${PARAGRAPH_VI}</p></article>`, PAGE_URL);
    expect(article.text).toBe(PARAGRAPH_VI);
    expect(article.title).toBe('Tin ngắn');
  });

  it('never lets script, style or comment text into the article, whatever they contain', () => {
    const body = `<article><p>${PARAGRAPH_VI}</p><script>document.write("<p>chèn từ script</p>")</script><style>p::after{content:"</style-text>"}</style><!-- <p>bình luận HTML</p> --></article>`;
    const article = extractArticle(page({ body }), PAGE_URL);
    expect(article.text).toBe(PARAGRAPH_VI);
  });

  it('sanitises the content HTML: no script URLs, handlers or frames; relative links made absolute', () => {
    const body = `<article>
      <p>${PARAGRAPH_VI} <a href="/xa-hoi/nguon.html" onclick="track()">Nguồn</a> <a href="javascript:alert(1)">bấm</a></p>
      <p><img src="/anh/truong-hoc.jpg" onerror="alert(1)" alt="Trường học"></p>
      <iframe src="https://video.example.com/embed/1"></iframe>
    </article>`;
    const { contentHtml } = extractArticle(page({ body }), PAGE_URL);
    expect(contentHtml).toContain('<a href="https://tinnhanh-hagiang.example.vn/xa-hoi/nguon.html" rel="nofollow noopener noreferrer">Nguồn</a>');
    expect(contentHtml).toContain('<img src="https://tinnhanh-hagiang.example.vn/anh/truong-hoc.jpg" alt="Trường học" />');
    expect(contentHtml).not.toMatch(/javascript:|onclick|onerror|<iframe|video\.example\.com/);
  });

  it('falls back to the marked article body when the page is too big for Readability (maxElemsToParse)', () => {
    const filler = '<span></span>'.repeat(20_500);
    const body = `<div itemprop="articleBody"><p>${PARAGRAPH_VI}</p></div><div class="grid">${filler}</div>`;
    expect(extractArticle(page({ body }), PAGE_URL).text).toBe(PARAGRAPH_VI);
  });

  it('prefers the publisher’s itemprop=articleBody for a short article over a longer block of reader posts', () => {
    const posts = [1, 2].map((index) => `<p>Bạn đọc ${index}: ${PARAGRAPH_VI}</p>`).join('');
    const body = `<div class="post"><div itemprop="articleBody"><p>${PARAGRAPH_VI}</p></div></div><div class="reader-posts">${posts}</div>`;
    expect(extractArticle(page({ body }), PAGE_URL).text).toBe(PARAGRAPH_VI);
  });

  it('does not take a teaser card for the story when the page’s only <article>s are teasers', () => {
    const card = (n: number): string =>
      `<article class="card"><a href="/t${n}.html">Tiêu đề tin ${n}</a><p>Tóm tắt ${n}: cơ quan chức năng đang xác minh, làm rõ.</p></article>`;
    const story = `<div class="noi-dung"><p>${PARAGRAPH_VI}</p><p>${PARAGRAPH_VI.replace('tuần tới', 'tháng tới')}</p></div>`;
    const text = extractArticle(page({ body: `${story}<div class="cards">${card(1)}${card(2)}</div>` }), PAGE_URL).text;
    expect(text).toBe(`${PARAGRAPH_VI}\n\n${PARAGRAPH_VI.replace('tuần tới', 'tháng tới')}`);
  });

  it('prefers a dateline after the headline to the date in the site’s top bar', () => {
    const body = `<div class="top-date">Thứ Sáu, 27/11/2026</div><h1>Tin</h1><span class="publish-date">26/11/2026 08:15</span><article><p>${PARAGRAPH_VI}</p></article>`;
    expect(extractArticle(page({ body }), PAGE_URL).publishedAt?.toISOString()).toBe('2026-11-26T01:15:00.000Z');
  });

  it('reads a JSON-LD articleBody written as HTML or HTML-escaped text', () => {
    const jsonLd = (body: string): string =>
      // Publishers escape "</" in JSON-LD, or "</script>" in a string would end the script element.
      `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', articleBody: body }).replaceAll('</', '<\\/')}</script>`;
    const asHtml = extractArticle(page({ head: jsonLd(`<p>${PARAGRAPH_VI}</p><script>x()</script><p>Đoạn &quot;hai&quot;.</p>`), body: '' }), PAGE_URL);
    const escaped = extractArticle(page({ head: jsonLd(`${PARAGRAPH_VI}\nĐoạn &quot;hai&quot; &lt; ba.`), body: '' }), PAGE_URL);
    expect(asHtml.text).toBe(`${PARAGRAPH_VI}\n\nĐoạn "hai".`);
    expect(escaped.text).toBe(`${PARAGRAPH_VI}\n\nĐoạn "hai" < ba.`);
  });

  it('honours <html lang> for text too short for statistics, and says null when nothing declares one', () => {
    const body = '<article><p>Tin đang cập nhật.</p></article>';
    expect(extractArticle(page({ body, lang: 'vi-VN' }), PAGE_URL).language).toBe('vi');
    expect(extractArticle('<article><p>OK 2026</p></article>', PAGE_URL).language).toBeNull();
  });

  it('trusts the text over a template’s wrong <html lang> once there is enough of it', () => {
    const vi = extractArticle(page({ body: `<article><p>${PARAGRAPH_VI}</p></article>`, lang: 'en' }), PAGE_URL);
    const en = extractArticle(page({ body: `<article><p>${PARAGRAPH_EN}</p></article>`, lang: 'vi' }), PAGE_URL);
    expect([vi.language, en.language]).toEqual(['vi', 'en']);
  });

  it('ignores a rel=canonical that points to another site and canonicalises the fetched URL instead', () => {
    const head = '<link rel="canonical" href="https://aggregator.example.com/copy/123">';
    const article = extractArticle(page({ head, body: `<article><p>${PARAGRAPH_VI}</p></article>` }), `${PAGE_URL}?utm_campaign=x&id=7#top`);
    expect(article.canonicalUrl).toBe(`${PAGE_URL}?id=7`);
  });

  it('keeps an explicit zone in article:published_time instead of the default zone', () => {
    const head = '<meta property="article:published_time" content="2026-11-26T08:15:00Z">';
    const article = extractArticle(page({ head, body: `<article><p>${PARAGRAPH_VI}</p></article>` }), PAGE_URL, { defaultTimeZone: 'Asia/Tokyo' });
    expect(article.publishedAt?.toISOString()).toBe('2026-11-26T08:15:00.000Z');
  });

  it('refuses an unknown default time zone instead of silently dropping naive times', () => {
    expect(() => extractArticle(page({ body: `<p>${PARAGRAPH_VI}</p>` }), PAGE_URL, { defaultTimeZone: 'Asia/Hanoi_City' })).toThrow(/time ?zone/i);
  });

  it('reads a Vietnamese dateline when the page has no date metadata', () => {
    const body = `<div class="date">Thứ Năm, 26/11/2026, 08:15 (GMT+7)</div><article><p>${PARAGRAPH_VI}</p></article>`;
    expect(extractArticle(page({ body }), PAGE_URL).publishedAt?.toISOString()).toBe('2026-11-26T01:15:00.000Z');
  });

  it('returns empty text and null metadata for an empty page rather than throwing', () => {
    expect(extractArticle('', PAGE_URL)).toEqual({
      title: null,
      byline: null,
      publishedAt: null,
      updatedAt: null,
      text: '',
      contentHtml: '',
      canonicalUrl: PAGE_URL,
      imageUrls: [],
      language: null,
      siteName: null,
    });
  });

  it('keeps <br> line breaks inside a paragraph', () => {
    const body = `<article><p>${PARAGRAPH_VI}</p><p>Đường dây nóng:<br>0219 000 000<br>0219 000 111</p></article>`;
    expect(extractArticle(page({ body }), PAGE_URL).text).toBe(`${PARAGRAPH_VI}\n\nĐường dây nóng:\n0219 000 000\n0219 000 111`);
  });
});
