import { Injectable } from '@nestjs/common';
import type { SourceEntity } from '@vigil/persistence';
import type { CollectedEntry } from './collected-entry';
import { type FetchResult, PoliteFetcher } from './http';
import { extractListingLinks, parseFeed, parseSitemap } from './parsing/feeds';

// A sitemap index lists many sitemaps; the most recently modified few carry the new articles.
const CHILD_SITEMAPS_PER_POLL = 5;
const ENTRIES_PER_POLL = 200;

/** Turns what a source served into entries, by the source's kind. */
@Injectable()
export class SourceReader {
  constructor(private readonly fetcher: PoliteFetcher) {}

  async read(source: SourceEntity, response: FetchResult): Promise<CollectedEntry[]> {
    const text = response.text();
    switch (source.kind) {
      case 'rss':
      case 'atom':
      case 'jsonfeed':
        return parseFeed(text, { baseUrl: response.finalUrl }).items.map((item) => ({
          id: item.id,
          link: item.link,
          title: item.title,
          body: item.content ?? item.summary ?? '',
          published: item.published,
          updated: item.updated,
          author: item.author,
          imageUrls: item.imageUrls,
        }));
      case 'sitemap':
        return (await this.readSitemap(text, response.finalUrl)).slice(0, ENTRIES_PER_POLL);
      case 'web':
        return extractListingLinks(text, response.finalUrl, source.listing ?? {})
          .slice(0, ENTRIES_PER_POLL)
          .map((link) => ({ id: null, link, title: '', body: '', published: null, updated: null, author: null, imageUrls: [] }));
    }
  }

  private async readSitemap(text: string, url: string): Promise<CollectedEntry[]> {
    const sitemap = parseSitemap(text, url);
    if (sitemap.type === 'urlset') return sitemap.entries.map(toEntry);
    const children = sitemap.sitemaps.slice(0, CHILD_SITEMAPS_PER_POLL);
    const entries: CollectedEntry[] = [];
    for (const child of children) {
      const response = await this.fetcher.fetch(child, { expect: 'feed' });
      const parsed = parseSitemap(response.text(), response.finalUrl);
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
