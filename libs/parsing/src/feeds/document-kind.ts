import type { DocumentKind } from './feed.types';
import { isJsonFeed } from './json-feed.parser';
import { declarationEnd } from './xml-safety';

const SNIFF_LENGTH = 64 * 1024;
const MAX_JSON_SNIFF = 20 * 1024 * 1024;

const ROOT_KINDS: ReadonlyMap<string, DocumentKind> = new Map([
  ['rss', 'rss'],
  ['rdf', 'rss'],
  ['feed', 'atom'],
  ['urlset', 'sitemap'],
  ['sitemapindex', 'sitemap'],
  ['html', 'html'],
  ['head', 'html'],
  ['body', 'html'],
]);

const CONTENT_TYPE_KINDS: ReadonlyMap<string, DocumentKind> = new Map([
  ['application/rss+xml', 'rss'],
  ['application/rdf+xml', 'rss'],
  ['application/atom+xml', 'atom'],
  ['application/feed+json', 'jsonfeed'],
  ['text/html', 'html'],
  ['application/xhtml+xml', 'html'],
]);

/**
 * What a fetched document is, judged by its content first: servers label feeds text/html,
 * text/xml or application/octet-stream all the time, so the Content-Type only decides when the
 * text itself says nothing (no recognisable root element). Null: not something collection reads.
 */
export function detectKind(contentType: string | null | undefined, text: string): DocumentKind | null {
  const head = text.slice(0, SNIFF_LENGTH).replace(/^\uFEFF/, '').trimStart();
  const declared = CONTENT_TYPE_KINDS.get((contentType ?? '').split(';')[0].trim().toLowerCase()) ?? null;
  if (head.startsWith('{')) return jsonKind(text, head);
  const root = sniffRoot(head);
  if (root === null) return declared;
  if (root === '!doctype html') return 'html';
  return ROOT_KINDS.get(root) ?? (declared === 'html' ? 'html' : null);
}

function jsonKind(text: string, head: string): DocumentKind | null {
  if (text.length <= MAX_JSON_SNIFF) {
    try {
      return isJsonFeed(JSON.parse(text)) ? 'jsonfeed' : null;
    } catch {
      return null;
    }
  }
  return /"version"\s*:\s*"https:\/\/jsonfeed\.org\/version\//.test(head) ? 'jsonfeed' : null;
}

/**
 * The local name of the first element, lowercased ("rdf" for `<rdf:RDF>`), after the XML
 * declaration, comments, processing instructions and DOCTYPE; "!doctype html" for an HTML
 * DOCTYPE; null when the text does not start like markup.
 */
export function sniffRoot(head: string): string | null {
  let i = 0;
  for (;;) {
    while (i < head.length && /\s/.test(head[i])) i++;
    if (head[i] !== '<') return null;
    if (head.startsWith('<?', i)) {
      i = skipTo(head, '?>', i);
    } else if (head.startsWith('<!--', i)) {
      i = skipTo(head, '-->', i);
    } else if (/^<!doctype\s+html[\s>]/i.test(head.slice(i, i + 20))) {
      return '!doctype html';
    } else if (head.startsWith('<!', i)) {
      i = declarationEnd(head, i + 2);
    } else {
      const name = /^<([A-Za-z_][\w:.-]*)/.exec(head.slice(i, i + 200));
      if (!name) return null;
      const local = name[1].toLowerCase();
      return local.slice(local.indexOf(':') + 1);
    }
    if (i === -1) return null;
  }
}

function skipTo(text: string, end: string, from: number): number {
  const at = text.indexOf(end, from);
  return at === -1 ? -1 : at + end.length;
}
