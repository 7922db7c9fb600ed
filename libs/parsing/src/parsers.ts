// The CPU-heavy document parsers (see index.ts): feeds, sitemaps, listing pages, feed discovery and articles.
export { parseFeed, parseSitemap, discoverFeeds, extractListingLinks, runParseFeed, type CommandResult } from './feeds';
export { extractArticle, canonicalizeUrl, canonicalCandidate, parsePublishedDate, runExtract } from './article';
