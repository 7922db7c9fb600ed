import { parseFeedDate } from './feed-date';
import { FeedParseError } from './feed-parse.error';
import type { ParsedEntry, ParsedFeed } from './feed.types';
import { type MappingContext, oneLine, text } from './xml-feed.mapper';
import { resolveHttpUrl } from './url-resolve';

const JSON_FEED_VERSION = 'https://jsonfeed.org/version/';

type JsonObject = Record<string, unknown>;

/** True when `value` is a JSON Feed document (any version: 1, 1.1). */
export function isJsonFeed(value: unknown): value is JsonObject {
  return isObject(value) && typeof value.version === 'string' && value.version.startsWith(JSON_FEED_VERSION);
}

/** Parses JSON Feed 1.0/1.1 text (https://www.jsonfeed.org/version/1.1/). */
export function parseJsonFeed(json: string, context: MappingContext): ParsedFeed {
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch (error) {
    throw new FeedParseError(`Unreadable feed: invalid JSON (${(error as Error).message})`, { failureCode: 'feed_malformed' });
  }
  if (!isJsonFeed(document)) {
    throw new FeedParseError('Unreadable feed: JSON document without a https://jsonfeed.org/version/ version', { failureCode: 'not_a_feed' });
  }
  const link = resolveHttpUrl(text(document.home_page_url), context.baseUrl);
  const base = link ?? context.baseUrl;
  const items = Array.isArray(document.items) ? document.items.filter(isObject) : [];
  return {
    kind: 'jsonfeed',
    title: oneLine(text(document.title)),
    link,
    items: items.map((item) => mapItem(item, base, context.timeZone)),
  };
}

function mapItem(item: JsonObject, base: string | undefined, timeZone: string): ParsedEntry {
  const contentText = text(item.content_text);
  const imageCandidates = [
    item.image,
    item.banner_image,
    ...arrayOf(item.attachments)
      .filter((attachment) => typeof attachment.mime_type === 'string' && attachment.mime_type.startsWith('image/'))
      .map((attachment) => attachment.url),
  ];
  const images = imageCandidates
    .map((url) => resolveHttpUrl(text(url), base))
    .filter((url): url is string => url !== null);
  return {
    id: text(item.id),
    link: resolveHttpUrl(text(item.url) ?? text(item.external_url), base),
    title: oneLine(text(item.title)) ?? '',
    summary: text(item.summary),
    // content is HTML throughout Vigil: plain content_text is escaped, never interpreted.
    content: text(item.content_html) ?? (contentText === null ? null : escapeHtml(contentText)),
    // date_modified alone still dates the entry: published then at the latest.
    published: parseFeedDate(text(item.date_published), timeZone) ?? parseFeedDate(text(item.date_modified), timeZone),
    updated: parseFeedDate(text(item.date_modified), timeZone),
    // 1.1 has `authors`; 1.0 had a single `author`.
    author: oneLine(text(arrayOf(item.authors)[0]?.name) ?? (isObject(item.author) ? text(item.author.name) : null)),
    imageUrls: [...new Set(images)],
  };
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function arrayOf(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
