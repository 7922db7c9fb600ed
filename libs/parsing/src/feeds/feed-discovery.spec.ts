import { readFileSync } from 'node:fs';
import { detectKind, discoverFeeds } from './index';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../../test/fixtures/parsing/feeds/${name}`, import.meta.url), 'utf8');

describe('discoverFeeds', () => {
  it('lists the advertised feeds resolved, in document order, once each, without REST API or scripted links', () => {
    expect(discoverFeeds(fixture('page-with-alternates.html'), 'https://tinnhanh.example.vn/thoi-su/')).toEqual([
      'https://tinnhanh.example.vn/rss/thoi-su.rss',
      'https://tinnhanh.example.vn/atom.xml',
      'https://tinnhanh.example.vn/thoi-su/feed.json',
    ]);
  });

  it('resolves against the page’s <base href>', () => {
    const html =
      '<html><head><base href="https://cdn.example.vn/trang/"><link rel="alternate" type="application/atom+xml" href="tin.atom"></head></html>';
    expect(discoverFeeds(html, 'https://tinnhanh.example.vn/')).toEqual(['https://cdn.example.vn/trang/tin.atom']);
  });

  it('finds nothing on a page without alternates', () => {
    expect(discoverFeeds(fixture('listing-page.html'), 'https://tinnhanh.example.vn/thoi-su')).toEqual([]);
  });
});

describe('detectKind', () => {
  it.each([
    ['rss2.xml', 'rss'],
    ['rss1.rdf', 'rss'],
    ['rss091.xml', 'rss'],
    ['atom.xml', 'atom'],
    ['feed.json', 'jsonfeed'],
    ['sitemap.xml', 'sitemap'],
    ['sitemap-index.xml', 'sitemap'],
    ['news-sitemap.xml', 'sitemap'],
    ['page-with-alternates.html', 'html'],
    ['billion-laughs.xml', 'rss'],
    ['xxe.xml', 'rss'],
  ])('recognises %s as %s by its content, whatever the server says', (name, kind) => {
    expect(detectKind('application/octet-stream', fixture(name))).toBe(kind);
  });

  it('trusts the content over a wrong Content-Type', () => {
    expect(detectKind('text/html; charset=utf-8', fixture('rss2.xml'))).toBe('rss');
    expect(detectKind('application/rss+xml', fixture('atom.xml'))).toBe('atom');
  });

  it('recognises namespaced roots and an HTML fragment served as text/html', () => {
    expect(detectKind(null, '<?xml version="1.0"?><!-- c --><atom:feed xmlns:atom="http://www.w3.org/2005/Atom"/>')).toBe('atom');
    expect(detectKind('text/html', '<div><a href="/x">x</a></div>')).toBe('html');
  });

  it('falls back to the Content-Type only when the content says nothing', () => {
    expect(detectKind('application/atom+xml', '')).toBe('atom');
    expect(detectKind('text/html', 'Xin chào')).toBe('html');
  });

  it('answers null for documents collection does not read', () => {
    expect(detectKind('application/json', '{"status":"ok"}')).toBeNull();
    expect(detectKind('text/xml', '<opml version="2.0"/>')).toBeNull();
    expect(detectKind(null, 'Xin chào')).toBeNull();
  });
});
