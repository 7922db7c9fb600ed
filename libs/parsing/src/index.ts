// Pure parsing: documents in, data out. No network, no database, no files — fetching lives in @vigil/collection.
// This entry is what the event loop may use: errors, kinds, types, OPML and small text helpers. The CPU-heavy
// document parsers are `@vigil/parsing/parsers`, loaded only by the parsing pool's threads, the CLI and the bench,
// so the API process does not carry their DOM and XML libraries in its memory.
export type * from './feeds/feed.types';
export type { ExtractedArticle, ExtractOptions } from './article/extract-article';
export { FeedParseError } from './feeds/feed-parse.error';
export { detectKind } from './feeds/document-kind';
export { compileLinkPattern, type LinkMatcher, linkPatternProblem } from './feeds/link-pattern';
export { DEFAULT_TIME_ZONE, parseFeedDate } from './feeds/feed-date';
export { FEED_LIMITS, SITEMAP_LIMITS } from './feeds/xml-safety';
export { htmlToText } from './feeds/html-text';
export { resolveHttpUrl } from './feeds/url-resolve';
export * from './opml/opml';
