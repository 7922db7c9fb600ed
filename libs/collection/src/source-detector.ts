import { Injectable } from '@nestjs/common';
import { type SourceKind, type SourceKindRequest, VigilError } from '@vigil/contracts';
import { FetchError, PoliteFetcher } from './http';
import { detectKind } from '@vigil/parsing';
import { ParseTaskError, ParsingPool, ParsingPoolBusyError } from './parsing-pool';

export interface DetectedSource {
  kind: SourceKind;
  /** The URL to poll: a discovered feed when the address given was a page that links one. */
  url: string;
}

/**
 * Resolves `auto` by looking at what the address serves: a feed or a sitemap as such, a page that
 * advertises a feed (`<link rel="alternate">`) as that feed, any other page as a listing of articles.
 */
@Injectable()
export class SourceDetector {
  constructor(
    private readonly fetcher: PoliteFetcher,
    private readonly parsing: ParsingPool,
  ) {}

  async detect(url: string, requested: SourceKindRequest): Promise<DetectedSource> {
    if (requested !== 'auto') return { kind: requested, url };
    const page = await this.fetchForDetection(url);
    const kind = detectKind(page.contentType, page.text());
    if (kind === 'html') {
      const [feedUrl] = await this.discoverFeeds(url, page.text(), page.finalUrl);
      if (!feedUrl) return { kind: 'web', url: page.finalUrl };
      const feed = await this.fetchForDetection(feedUrl);
      const feedKind = detectKind(feed.contentType, feed.text());
      if (feedKind === null || feedKind === 'html') {
        throw new VigilError('advertised_feed_invalid', `The feed ${feedUrl} advertised by ${url} is not a feed`, { field: 'url', details: { url: feedUrl } });
      }
      return { kind: feedKind, url: feedUrl };
    }
    if (kind === null) throw new VigilError('source_kind_unknown', `${url} serves neither a feed, a sitemap nor a web page`, { field: 'url', details: { url } });
    return { kind, url };
  }

  private async discoverFeeds(url: string, html: string, pageUrl: string): Promise<string[]> {
    try {
      return await this.parsing.discoverFeeds(html, pageUrl);
    } catch (error) {
      if (error instanceof ParseTaskError) {
        throw new VigilError('source_kind_unknown', `Could not detect the kind of ${url}: ${error.message}`, { field: 'url', details: { url }, cause: error });
      }
      if (error instanceof ParsingPoolBusyError) throw new VigilError('dependency_unavailable', error.message, { details: { dependency: 'parsing', retryAfterSec: 30 }, cause: error });
      throw error;
    }
  }

  private async fetchForDetection(url: string) {
    try {
      return await this.fetcher.fetch(url, { expect: 'any' });
    } catch (error) {
      if (error instanceof FetchError) {
        throw new VigilError('source_unreachable', `Could not detect the kind of ${url}: ${error.message}`, { field: 'url', details: { url }, cause: error });
      }
      throw error;
    }
  }
}
