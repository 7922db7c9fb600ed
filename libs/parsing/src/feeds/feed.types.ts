/** The dialect a feed document was written in. */
export type FeedKind = 'rss' | 'atom' | 'jsonfeed';

/** What a fetched document looks like, as far as collection cares. */
export type DocumentKind = FeedKind | 'sitemap' | 'html';

export interface ParsedEntry {
  id: string | null;
  link: string | null;
  title: string;
  summary: string | null;
  /** Full content as HTML, exactly as the feed gave it (never rendered raw: sanitise first). */
  content: string | null;
  published: Date | null;
  updated: Date | null;
  author: string | null;
  imageUrls: string[];
}

export interface ParsedFeed {
  kind: FeedKind;
  title: string | null;
  link: string | null;
  items: ParsedEntry[];
}

export interface ParseFeedOptions {
  /** The URL the document was fetched from; relative links resolve against it when the feed has no link of its own. */
  baseUrl?: string;
  /** IANA zone for dates written without an offset. Default Asia/Ho_Chi_Minh. */
  defaultTimeZone?: string;
}

export interface SitemapEntry {
  url: string;
  lastModified: Date | null;
  /** Google News sitemaps only. */
  title: string | null;
  published: Date | null;
  language: string | null;
}

export interface ParsedSitemap {
  type: 'urlset' | 'index';
  entries: SitemapEntry[];
  /** Child sitemap URLs of a sitemap index. */
  sitemaps: string[];
}

export interface ListingRule {
  /** Regular expression tested against each absolute link URL. */
  linkPattern?: string;
  /** CSS selector for the links (or for elements containing them). */
  linkSelector?: string;
  /** Follow links to other registrable domains too (off by default). */
  allowOtherDomains?: boolean;
}
