import { documentBaseUrl, parseHtmlDocument } from './html-document';
import { resolveHttpUrl } from './url-resolve';

const FEED_TYPES = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/feed+json',
  'application/json',
  'application/rdf+xml', // RSS 1.0 on older sites
]);

/**
 * Feed URLs a page advertises with `<link rel="alternate" type="…">`, resolved and in document
 * order, without duplicates. WordPress also advertises its REST API as `application/json`
 * alternates (`/wp-json/…`); those are not feeds and are skipped.
 */
export function discoverFeeds(html: string, pageUrl: string): string[] {
  const document = parseHtmlDocument(html);
  const base = documentBaseUrl(document, pageUrl);
  const found: string[] = [];
  for (const link of Array.from(document.querySelectorAll('link[rel][href]'))) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const type = (link.getAttribute('type') ?? '').split(';')[0].trim().toLowerCase();
    if (!rel.includes('alternate') || !FEED_TYPES.has(type)) continue;
    const url = resolveHttpUrl(link.getAttribute('href'), base);
    if (!url || (type === 'application/json' && new URL(url).pathname.includes('/wp-json/'))) continue;
    if (!found.includes(url)) found.push(url);
  }
  return found;
}
