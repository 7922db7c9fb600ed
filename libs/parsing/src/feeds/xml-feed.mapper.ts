import { parseFeedDate } from './feed-date';
import type { FeedKind, ParsedEntry, ParsedFeed } from './feed.types';
import type { RssParserFeed, XmlNode } from './rss-parser-sync';
import { collapseWhitespace } from './html-text';
import { resolveHttpUrl } from './url-resolve';

export interface MappingContext {
  baseUrl?: string;
  timeZone: string;
}

const IMAGE_EXTENSION = /\.(?:jpe?g|png|gif|webp|avif|bmp)(?:[?#]|$)/i;
const INLINE_IMAGE = /<img\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']/gi;
const MAX_IMAGES = 20;

/** Turns rss-parser's output (with Vigil's custom fields) into a ParsedFeed. */
export function mapRssParserFeed(kind: Extract<FeedKind, 'rss' | 'atom'>, feed: RssParserFeed, context: MappingContext): ParsedFeed {
  const link = resolveHttpUrl(text(feed.link), context.baseUrl);
  // Article links are written relative to the site the feed describes, else to where it was fetched.
  const base = link ?? context.baseUrl;
  const items = feed.items.map((item) => mapItem(kind, item, base, context.timeZone)).filter(isNotEmpty);
  return { kind, title: oneLine(text(feed.title)), link, items };
}

function mapItem(kind: FeedKind, item: Record<string, unknown>, base: string | undefined, timeZone: string): ParsedEntry {
  const guid = firstNode(item.guidNodes);
  const id = text(item.id) ?? text(item.guid) ?? text(item['rdf:about']);
  const summary = kind === 'atom' ? text(item.summary) : (text(item.content) ?? text(item.summary));
  const content = kind === 'atom' ? text(item.content) : text(item['content:encoded']);
  const guidIsLink = guid?.$?.isPermaLink !== 'false' && /^https?:\/\//i.test(id ?? '');
  const link = resolveHttpUrl(text(item.link) ?? (guidIsLink ? id : null), base);
  const published = parseFeedDate(text(kind === 'atom' ? item.rawPublished : (item.pubDate ?? item.date)), timeZone);
  const updated = parseFeedDate(text(kind === 'atom' ? item.rawUpdated : (item.atomUpdated ?? item.dctermsModified)), timeZone);
  return {
    id,
    link,
    title: oneLine(text(item.title)) ?? '',
    summary,
    content,
    // An entry with only one date (Atom requires <updated>, <published> is optional) was published then at the latest.
    published: published ?? updated,
    updated,
    author: oneLine(text(item.creator) ?? text(item.author)),
    imageUrls: imageUrls(item, summary, base),
  };
}

function imageUrls(item: Record<string, unknown>, summary: string | null, base: string | undefined): string[] {
  const candidates: string[] = [];
  const groups = nodes(item.mediaGroup);
  for (const node of [...nodes(item.mediaContent), ...groups.flatMap((group) => nodes(group['media:content']))]) {
    const { url, medium, type } = node.$ ?? {};
    if (url && (medium === 'image' || type?.startsWith('image/') || (!medium && !type && IMAGE_EXTENSION.test(url)))) {
      candidates.push(url);
    }
  }
  for (const node of [...nodes(item.mediaThumbnail), ...groups.flatMap((group) => nodes(group['media:thumbnail']))]) {
    if (node.$?.url) candidates.push(node.$.url);
  }
  for (const node of [...nodes(item.enclosures), ...nodes(item.linkNodes).filter((l) => l.$?.rel === 'enclosure')]) {
    const url = node.$?.url ?? node.$?.href;
    const type = node.$?.type;
    if (url && (type ? type.startsWith('image/') : IMAGE_EXTENSION.test(url))) candidates.push(url);
  }
  // Many Vietnamese feeds carry their only picture as an <img> in the description.
  for (const match of (summary ?? '').matchAll(INLINE_IMAGE)) candidates.push(decodeAmpersands(match[1]));
  const resolved = candidates.map((url) => resolveHttpUrl(url, base)).filter((url): url is string => url !== null);
  return [...new Set(resolved)].slice(0, MAX_IMAGES);
}

function isNotEmpty(entry: ParsedEntry): boolean {
  return Boolean(entry.title || entry.link || entry.id || entry.summary || entry.content);
}

/** A trimmed string, or null for anything else (missing, empty, or an element with children). */
export function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && typeof (value as XmlNode)._ === 'string') return text((value as XmlNode)._);
  return null;
}

/** Titles and names are single lines; feeds wrap them freely. */
export function oneLine(value: string | null): string | null {
  return value === null ? null : collapseWhitespace(value) || null;
}

function nodes(value: unknown): XmlNode[] {
  return Array.isArray(value) ? value.filter((node): node is XmlNode => typeof node === 'object' && node !== null) : [];
}

function firstNode(value: unknown): XmlNode | undefined {
  return nodes(value)[0];
}

function decodeAmpersands(url: string): string {
  return url.replace(/&amp;/g, '&');
}
