import { Injectable } from '@nestjs/common';
import Parser from 'rss-parser';

export interface ParsedFeedItem {
  guid: string | null;
  link: string | null;
  title: string;
  /** Plain text of the item: its content or summary with markup removed. */
  text: string;
  publishedAt: Date | null;
}

export interface ParsedFeed {
  title: string | null;
  link: string | null;
  items: ParsedFeedItem[];
}

/** A feed that could not be read at all; its message goes on the source's health. */
export class FeedParseError extends Error {}

/** Parses RSS and Atom bytes that Vigil fetched itself (never rss-parser's own HTTP client). */
@Injectable()
export class FeedParser {
  private readonly parser = new Parser();

  async parse(body: Buffer): Promise<ParsedFeed> {
    let feed: Awaited<ReturnType<Parser['parseString']>>;
    try {
      feed = await this.parser.parseString(body.toString('utf8'));
    } catch (error) {
      throw new FeedParseError(`Unreadable feed: ${(error as Error).message.split('\n')[0]}`);
    }
    return {
      title: feed.title?.trim() || null,
      link: feed.link ?? null,
      items: feed.items.map((item) => ({
        guid: item.guid?.trim() || item.id?.trim() || null,
        link: item.link?.trim() || null,
        title: (item.title ?? '').trim(),
        text: (item.contentSnippet ?? item.summary ?? '').trim(),
        publishedAt: parseDate(item.isoDate ?? item.pubDate),
      })),
    };
  }
}

function parseDate(value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
