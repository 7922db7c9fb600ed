import { sniffRoot } from './document-kind';
import { DEFAULT_TIME_ZONE } from './feed-date';
import { FeedParseError } from './feed-parse.error';
import type { ParseFeedOptions, ParsedFeed } from './feed.types';
import { parseJsonFeed } from './json-feed.parser';
import { parseWithRssParser } from './rss-parser-sync';
import { type MappingContext, mapRssParserFeed } from './xml-feed.mapper';
import { repairXml } from './xml-repair';
import { FEED_LIMITS, assertSize, prepareXml } from './xml-safety';

/**
 * Parses RSS 0.9x/1.0/2.0, Atom and JSON Feed text that Vigil fetched itself.
 *
 * XML goes through rss-parser after the safety pass (size and reference caps, no DOCTYPE). When
 * the strict parse fails, one recovery pass repairs what feeds in the wild get wrong (HTML
 * entities, bare ampersands, undeclared prefixes, truncation) and the parse runs again; only when
 * that salvages no item does the feed count as unreadable, with the first error as the reason.
 *
 * @throws FeedParseError with a message fit for the source's health
 */
export function parseFeed(text: string, options: ParseFeedOptions = {}): ParsedFeed {
  const context: MappingContext = { baseUrl: options.baseUrl, timeZone: checkedTimeZone(options.defaultTimeZone) };
  assertSize(text, FEED_LIMITS, 'feed');
  const start = text.slice(0, 64 * 1024).replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return parseJsonFeed(text.replace(/^\uFEFF/, ''), context);
  if (start === '') throw new FeedParseError('Unreadable feed: the document is empty', { failureCode: 'feed_empty' });
  rejectNonFeeds(start);

  const xml = prepareXml(text, FEED_LIMITS, 'feed');
  try {
    return parseXmlFeed(xml, context);
  } catch (strictError) {
    let salvaged: ParsedFeed | null = null;
    try {
      salvaged = parseXmlFeed(repairXml(xml), context);
    } catch {
      // Reported below with the strict parser's reason, which describes the document as served.
    }
    if (salvaged && salvaged.items.length > 0) return salvaged;
    throw new FeedParseError(`Unreadable feed: ${describe(strictError)}`, { failureCode: 'feed_malformed' });
  }
}

function parseXmlFeed(xml: string, context: MappingContext): ParsedFeed {
  const { kind, feed } = parseWithRssParser(xml);
  return mapRssParserFeed(kind, feed, context);
}

const NOT_A_FEED = { failureCode: 'not_a_feed' } as const;

function rejectNonFeeds(start: string): void {
  const root = sniffRoot(start);
  if (root === '!doctype html' || root === 'html') {
    throw new FeedParseError('Unreadable feed: got an HTML page, not a feed', NOT_A_FEED);
  }
  if (root === 'urlset' || root === 'sitemapindex') {
    throw new FeedParseError('Unreadable feed: got a sitemap, not a feed', NOT_A_FEED);
  }
  if (!start.startsWith('<')) throw new FeedParseError('Unreadable feed: the document is not XML or JSON', NOT_A_FEED);
}

/** "Unexpected close tag\nLine: 3\nColumn: 9\nChar: >" (sax) → "Unexpected close tag (line 4, column 9)". */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const [first] = message.split('\n');
  const line = /Line: (\d+)/.exec(message);
  const column = /Column: (\d+)/.exec(message);
  const where = line && column ? ` (line ${Number(line[1]) + 1}, column ${column[1]})` : '';
  return `${first.trim().slice(0, 200)}${where}`;
}

// Zones already known to be valid: building an Intl.DateTimeFormat per feed cost more than mapping its items.
const CHECKED_ZONES = new Set<string>();

function checkedTimeZone(timeZone: string | undefined): string {
  const zone = timeZone ?? DEFAULT_TIME_ZONE;
  if (CHECKED_ZONES.has(zone)) return zone;
  // Throws RangeError for an unknown zone: a configuration mistake, not a property of the feed.
  new Intl.DateTimeFormat('en-US', { timeZone: zone });
  if (CHECKED_ZONES.size < 1000) CHECKED_ZONES.add(zone);
  return zone;
}
