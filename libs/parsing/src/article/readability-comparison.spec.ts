import { readFileSync } from 'node:fs';
import { Readability } from '@mozilla/readability';
import { extractArticle } from './extract-article';
import { parseDocument } from './dom-text';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../../test/fixtures/parsing/articles/${name}`, import.meta.url), 'utf8');

/** Readability used alone, the way its README shows: the raw page, default options. */
function readabilityAlone(html: string): string {
  const result = new Readability(parseDocument(html)).parse();
  return (result?.textContent ?? '').replace(/\s+/g, ' ');
}

const extracted = (name: string): string => extractArticle(fixture(name), 'https://tinnhanh-hagiang.example.vn/').text.replace(/\s+/g, ' ');

describe('extraction beats Readability used alone', () => {
  it.each([
    ['tinnhanh-vi-article.html', 'a photo caption and credit', 'Ảnh: Minh Anh'],
    ['tinnhanh-vi-article.html', 'an inline "Xem thêm" pointer', 'Xem thêm: Hướng dẫn vệ sinh bể chứa nước'],
    ['tinnhanh-vi-article.html', 'the dateline', 'Thứ Năm, 26/11/2026, 08:15 (GMT+7)'],
    ['tinnhanh-vi-article.html', 'the byline line', 'Minh Anh - Thu Hà'],
    ['riverside-en-article.html', 'a photo credit', 'Photograph: Minh Tran/Riverside Herald'],
    ['riverside-en-article.html', 'a "Related:" pointer', 'Related: Water plant upgrade finished ahead of schedule'],
    ['riverside-en-article.html', 'an advertisement label', 'Advertisement'],
    ['riverside-en-article.html', 'a "More on this story" list', 'More on this story'],
    ['tinnhanh-vi-short-brief.html', 'a "Tin cùng chuyên mục" teaser list', 'Tin cùng chuyên mục'],
  ])('%s: Readability keeps %s, extractArticle removes it', (name, _what, junk) => {
    expect(readabilityAlone(fixture(name))).toContain(junk);
    expect(extracted(name)).not.toContain(junk);
  });

  it.each([
    ['tinnhanh-vi-live-blog.html', 'a short live update', 'Đường vào xã Tùng Bá đã thông.'],
    ['tinnhanh-vi-live-blog.html', 'the first live update', 'Mực nước sông Lô tại thành phố đã giảm 30 cm so với lúc 9h.'],
    ['tinnhanh-vi-live-blog.html', 'the live blog introduction', 'Tin Nhanh cập nhật liên tục diễn biến.'],
    ['riverside-en-app-shell.html', 'a script-rendered story (JSON-LD articleBody)', 'The river ferry will leave every 20 minutes'],
  ])('%s: Readability drops %s, extractArticle keeps it', (name, _what, text) => {
    expect(readabilityAlone(fixture(name))).not.toContain(text);
    expect(extracted(name)).toContain(text);
  });

  it('Readability alone answers "Loading…" for the app shell', () => {
    expect(readabilityAlone(fixture('riverside-en-app-shell.html')).trim()).toBe('Loading…');
  });
});
