import { Injectable } from '@nestjs/common';
import type { SourceEntity } from '@vigil/persistence';
import { type CollectedEntry, fromFeedEntry } from './collected-entry';
import { type FetchResult, PoliteFetcher } from './http';
import { FeedParseError } from '@vigil/parsing';
import { ParseTaskError, ParsingPool } from './parsing-pool';

// A sitemap index lists many sitemaps; the most recently modified few carry the new articles.
const CHILD_SITEMAPS_PER_POLL = 5;
const ENTRIES_PER_POLL = 200;

/** Turns what a source served into entries, by the source's kind; the parsing runs in the parsing pool. */
@Injectable()
export class SourceReader {
  constructor(
    private readonly fetcher: PoliteFetcher,
    private readonly parsing: ParsingPool,
  ) {}

  /** A document the pool gave up on is unreadable, like a malformed one: the source is failing (FeedParseError). */
  async read(source: SourceEntity, response: FetchResult): Promise<CollectedEntry[]> {
    try {
      return await this.readKind(source, response);
    } catch (error) {
      if (error instanceof ParseTaskError) throw new FeedParseError(error.message, { cause: error, failureCode: 'document_too_complex' });
      throw error;
    }
  }

  private async readKind(source: SourceEntity, response: FetchResult): Promise<CollectedEntry[]> {
    const text = response.text();
    switch (source.kind) {
      case 'rss':
      case 'atom':
      case 'jsonfeed':
        return (await this.parsing.parseFeed(text, { baseUrl: response.finalUrl })).items.map(fromFeedEntry);
      case 'sitemap':
        return (await this.readSitemap(text, response.finalUrl)).slice(0, ENTRIES_PER_POLL);
      case 'web':
        return (await this.parsing.extractListingLinks(text, response.finalUrl, source.listing ?? {}))
          .slice(0, ENTRIES_PER_POLL)
          .map((link) => ({ id: null, link, title: '', body: '', published: null, updated: null, author: null, imageUrls: [] }));
    }
  }

  private async readSitemap(text: string, url: string): Promise<CollectedEntry[]> {
    const sitemap = await this.parsing.parseSitemap(text, url);
    if (sitemap.type === 'urlset') return sitemap.entries.map(toEntry);
    const children = sitemap.sitemaps.slice(0, CHILD_SITEMAPS_PER_POLL);
    const entries: CollectedEntry[] = [];
    for (const child of children) {
      const response = await this.fetcher.fetch(child, { expect: 'feed' });
      const parsed = await this.parsing.parseSitemap(response.text(), response.finalUrl);
      entries.push(...parsed.entries.map(toEntry));
    }
    return entries;
  }
}

function toEntry(entry: { url: string; title: string | null; published: Date | null; lastModified: Date | null }): CollectedEntry {
  return {
    id: null,
    link: entry.url,
    title: entry.title ?? '',
    body: '',
    published: entry.published,
    updated: entry.lastModified,
    author: null,
    imageUrls: [],
  };
}
