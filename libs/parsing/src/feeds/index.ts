export type {
  DocumentKind,
  FeedKind,
  ListingRule,
  ParsedEntry,
  ParsedFeed,
  ParsedSitemap,
  ParseFeedOptions,
  SitemapEntry,
} from './feed.types';
export { FeedParseError } from './feed-parse.error';
export { parseFeed } from './feed.parser';
export { parseSitemap } from './sitemap.parser';
export { discoverFeeds } from './feed-discovery';
export { detectKind } from './document-kind';
export { extractListingLinks } from './listing-links';
export { compileLinkPattern, type LinkMatcher, linkPatternProblem } from './link-pattern';
export { DEFAULT_TIME_ZONE, parseFeedDate } from './feed-date';
export { FEED_LIMITS, SITEMAP_LIMITS } from './xml-safety';
export { runParseFeed, type CommandResult } from './parse-feed.command';
