import { XMLParser } from 'fast-xml-parser';
import { DEFAULT_TIME_ZONE, parseFeedDate } from './feed-date';
import { FeedParseError } from './feed-parse.error';
import type { ParsedSitemap, SitemapEntry } from './feed.types';
import { resolveHttpUrl } from './url-resolve';
import { repairXml } from './xml-repair';
import { SITEMAP_LIMITS, prepareXml } from './xml-safety';
import { decodeXmlText } from './xml-text';

/** The sitemap protocol's own ceiling per file. */
const MAX_ENTRIES = 50_000;

type Node = Record<string, unknown>;

/**
 * Reads a sitemap (`<urlset>`, with Google News `news:` fields) or a sitemap index. Entity
 * processing is off in fast-xml-parser and DOCTYPEs are stripped beforehand, so text arrives with
 * its references as written and is decoded here (XML, numeric and HTML named references only).
 *
 * @throws FeedParseError ("Unreadable sitemap: …") when the document is not a sitemap at all
 */
export function parseSitemap(text: string, baseUrl: string, options: { defaultTimeZone?: string } = {}): ParsedSitemap {
  const timeZone = options.defaultTimeZone ?? DEFAULT_TIME_ZONE;
  const xml = prepareXml(text, SITEMAP_LIMITS, 'sitemap');
  // fast-xml-parser keeps going on a cut-off document; cut it after the last complete <url> instead.
  const complete = /<\/(?:[\w.-]+:)?(?:urlset|sitemapindex)>\s*$/.test(xml);
  const document = parseXml(complete ? xml : repairXml(xml));
  const urlset = document.urlset;
  const index = document.sitemapindex;

  if (urlset !== undefined) {
    // An empty <urlset/> arrives as an empty string.
    const seen = new Set<string>();
    const entries: SitemapEntry[] = [];
    for (const url of isNode(urlset) ? nodes(urlset.url) : []) {
      const entry = toEntry(url, baseUrl, timeZone);
      if (!entry || seen.has(entry.url)) continue;
      seen.add(entry.url);
      entries.push(entry);
      if (entries.length === MAX_ENTRIES) break;
    }
    return { type: 'urlset', entries, sitemaps: [] };
  }
  if (index !== undefined) {
    const sitemaps = (isNode(index) ? nodes(index.sitemap) : [])
      .map((sitemap) => resolveHttpUrl(value(sitemap.loc), baseUrl))
      .filter((url): url is string => url !== null);
    return { type: 'index', entries: [], sitemaps: [...new Set(sitemaps)].slice(0, MAX_ENTRIES) };
  }
  const root = Object.keys(document).find((key) => !key.startsWith('?')) ?? 'nothing';
  throw new FeedParseError(`Unreadable sitemap: the root element is <${root}>, not <urlset> or <sitemapindex>`, { failureCode: 'not_a_sitemap' });
}

function parseXml(xml: string): Node {
  const parser = new XMLParser({
    processEntities: false,
    htmlEntities: false,
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: true,
    // news:title and friends are matched by local name: publishers spell the prefix many ways.
    removeNSPrefix: true,
    isArray: (name) => name === 'url' || name === 'sitemap',
  });
  try {
    return parser.parse(xml) as Node;
  } catch (error) {
    try {
      return parser.parse(repairXml(xml)) as Node;
    } catch {
      throw new FeedParseError(`Unreadable sitemap: ${(error as Error).message.split('\n')[0].slice(0, 200)}`, { failureCode: 'sitemap_malformed' });
    }
  }
}

function toEntry(url: Node, baseUrl: string, timeZone: string): SitemapEntry | null {
  const location = resolveHttpUrl(value(url.loc), baseUrl);
  if (!location) return null;
  const news = nodes(url.news)[0] ?? {};
  const publication = nodes(news.publication)[0] ?? {};
  return {
    url: location,
    lastModified: parseFeedDate(value(url.lastmod), timeZone),
    title: value(news.title)?.replace(/\s+/g, ' ') ?? null,
    published: parseFeedDate(value(news.publication_date), timeZone),
    language: value(publication.language),
  };
}

function value(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  return decodeXmlText(raw).trim() || null;
}

function isNode(raw: unknown): raw is Node {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

function nodes(raw: unknown): Node[] {
  return (Array.isArray(raw) ? raw : [raw]).filter(isNode);
}
