import Parser from 'rss-parser';
import { BenchServer, HTML } from './fixture-server';
import { median, now } from './stats';
import { articlePage, newsFeed } from './synth';

const PAGE_POOL = 40;

/**
 * A fictional news site on a loopback address: `feeds` feeds of `itemsPerFeed` items (3 in 5 Vietnamese RSS,
 * the rest English Atom) and a page behind every item link.
 */
export class NewsSite {
  readonly server: BenchServer;
  readonly feeds = new Map<string, string>();
  private readonly pages: string[] = [];
  /** How many times each feed path was fetched. */
  readonly feedFetches = new Map<string, number>();

  constructor(
    private readonly options: { feeds: number; itemsPerFeed: number; pageBytes: number; seed: number; host?: string; prefix?: string; validators?: boolean; pages?: boolean },
  ) {
    this.server = new BenchServer((path) => this.route(path), options.host ?? '127.0.0.1');
  }

  async start(): Promise<this> {
    const base = await this.server.start();
    const prefix = this.options.prefix ?? 'zq';
    for (let index = 0; index < this.options.feeds; index += 1) {
      const language = index % 5 < 3 ? 'vi' : 'en';
      this.feeds.set(
        `/feeds/${prefix}${index}.xml`,
        newsFeed({ feedId: `${prefix}${index}`, language, items: this.options.itemsPerFeed, pageBase: base, seed: this.options.seed * 10_000 + index }),
      );
    }
    for (let index = 0; index < PAGE_POOL; index += 1) {
      this.pages.push(articlePage({ seed: this.options.seed * 100 + index, language: index % 5 < 3 ? 'vi' : 'en', url: `${base}/p/${index}`, targetBytes: this.options.pageBytes }));
    }
    return this;
  }

  get baseUrl(): string {
    return this.server.baseUrl;
  }

  get feedUrls(): string[] {
    return [...this.feeds.keys()].map((path) => `${this.baseUrl}${path}`);
  }

  get itemCount(): number {
    return this.options.feeds * this.options.itemsPerFeed;
  }

  async stop(): Promise<void> {
    await this.server.stop();
  }

  private route(path: string) {
    const feed = this.feeds.get(path);
    if (feed !== undefined) {
      this.feedFetches.set(path, (this.feedFetches.get(path) ?? 0) + 1);
      const headers: Record<string, string> = this.options.validators ? { 'last-modified': 'Thu, 20 Nov 2025 03:00:00 GMT' } : {};
      return { body: feed, contentType: feed.includes('<feed') ? 'application/atom+xml; charset=utf-8' : 'application/rss+xml; charset=utf-8', headers };
    }
    const item = /\/bai-(\d+)\.html$/.exec(path);
    if (item && this.options.pages !== false) {
      // Each item's page differs from its pool page by its own lead paragraph, so no two pages are exact copies.
      const page = this.pages[Number(item[1]) % PAGE_POOL];
      return { body: page.replace('<div class="content">', `<div class="content"><p>Bài ${path} — ${path.length} ký tự trong đường dẫn.</p>`), contentType: HTML };
    }
    return undefined;
  }
}

/** rss-parser alone over the same feed texts, in items per second (median of a few passes). */
export async function rssParserRate(feeds: Iterable<string>, passes = 3): Promise<number> {
  const parser = new Parser();
  const texts = [...feeds];
  const rates: number[] = [];
  for (let pass = 0; pass <= passes; pass += 1) {
    const start = now();
    let items = 0;
    for (const text of texts) items += (await parser.parseString(text)).items.length;
    if (pass > 0) rates.push(items / ((now() - start) / 1000)); // pass 0 warms up
  }
  return median(rates);
}
