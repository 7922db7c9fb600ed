import { Inject, Injectable, Logger } from '@nestjs/common';
import { CLOCK, type Clock } from '@vigil/domain';
import { ItemsRepository, SourcesRepository, type ItemEntity, type NewItem, type SourceEntity } from '@vigil/persistence';
import { SEARCH_ENGINE, type SearchDocument, type SearchEngine } from '@vigil/search';
import { FeedFetcher, FetchError } from './feed-fetcher';
import { toNewItem } from './feed-item.mapper';
import { FeedParseError, FeedParser } from './feed-parser';

const INDEX_BATCH = 500;
// A failing source is retried later and later, up to this many poll intervals apart.
const MAX_BACKOFF_FACTOR = 16;

/**
 * Fetches one source, stores its new and changed items, and brings the search index up to date.
 * Idempotent: re-running it for the same feed stores nothing twice and re-indexes only what is not indexed.
 */
@Injectable()
export class CollectSourceProcessor {
  private readonly logger = new Logger(CollectSourceProcessor.name);

  constructor(
    private readonly sources: SourcesRepository,
    private readonly items: ItemsRepository,
    private readonly fetcher: FeedFetcher,
    private readonly parser: FeedParser,
    @Inject(SEARCH_ENGINE) private readonly search: SearchEngine,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle({ sourceId }: { sourceId: string }): Promise<void> {
    const source = await this.sources.findById(sourceId);
    if (!source) return; // deleted since the job was queued
    const fetchedAt = this.clock.now();
    try {
      const outcome = await this.fetcher.fetch(source.url, { etag: source.etag, lastModified: source.lastModified });
      if (outcome.status === 'fetched') {
        const feed = await this.parser.parse(outcome.body);
        const stored = await this.items.upsert(uniqueByKey(feed.items.flatMap((entry) => toNewItem(entry, source.id, source.url, fetchedAt) ?? [])));
        if (stored.length) this.logger.log(`${source.name}: ${stored.length} new or changed items`);
      }
      await this.sources.recordSuccess(source.id, {
        fetchedAt,
        nextFetchAt: this.after(fetchedAt, source.pollIntervalSec),
        etag: outcome.status === 'fetched' ? outcome.etag : source.etag,
        lastModified: outcome.status === 'fetched' ? outcome.lastModified : source.lastModified,
      });
    } catch (error) {
      if (!(error instanceof FetchError || error instanceof FeedParseError)) throw error;
      await this.recordFailure(source, fetchedAt, error.message);
    }
    await this.indexPending(source.id);
  }

  private async recordFailure(source: SourceEntity, fetchedAt: Date, reason: string): Promise<void> {
    this.logger.warn(`${source.name} failing: ${reason}`);
    const factor = Math.min(2 ** source.consecutiveFailures, MAX_BACKOFF_FACTOR);
    await this.sources.recordFailure(source.id, { fetchedAt, error: reason, nextFetchAt: this.after(fetchedAt, source.pollIntervalSec * factor) });
  }

  private async indexPending(sourceId: string): Promise<void> {
    for (;;) {
      const pending = await this.items.findUnindexed(sourceId, INDEX_BATCH);
      if (pending.length === 0) return;
      await this.search.index(pending.map(toSearchDocument));
      await this.items.markIndexed(pending.map((item) => item.id), this.clock.now());
    }
  }

  private after(from: Date, seconds: number): Date {
    return new Date(from.getTime() + seconds * 1000);
  }
}

/** A feed may list one entry twice; one INSERT cannot touch the same row twice. */
function uniqueByKey(items: NewItem[]): NewItem[] {
  const firstByKey = new Map<string, NewItem>();
  for (const item of items) if (!firstByKey.has(item.dedupeKey)) firstByKey.set(item.dedupeKey, item);
  return [...firstByKey.values()];
}

function toSearchDocument(item: ItemEntity): SearchDocument {
  return {
    id: item.id,
    sourceId: item.sourceId,
    title: item.title,
    text: item.content,
    url: item.url,
    language: item.language,
    publishedAt: item.publishedAt,
  };
}
