import { Inject, Injectable, Logger } from '@nestjs/common';
import { CLOCK, type Clock, failureBackoffSec, nextPollInterval } from '@vigil/domain';
import { EvidenceRepository, ItemsRepository, type NewItem, type SourceEntity, SourcesRepository } from '@vigil/persistence';
import { JobQueue } from '@vigil/queue';
import { type CollectedEntry, toNewItem } from './collected-entry';
import { FetchError, isHalfFailure, PoliteFetcher } from './http';
import { FeedParseError } from './parsing/feeds';
import { SearchIndexer } from './search-indexer';
import { SourceReader } from './source-reader';

/**
 * Fetches one source, stores its new and changed items, queues each new item's page for archiving, and brings
 * the search index up to date. Idempotent: re-running it stores nothing twice and re-indexes only what is not indexed.
 */
@Injectable()
export class CollectSourceProcessor {
  private readonly logger = new Logger(CollectSourceProcessor.name);

  constructor(
    private readonly sources: SourcesRepository,
    private readonly items: ItemsRepository,
    private readonly evidence: EvidenceRepository,
    private readonly fetcher: PoliteFetcher,
    private readonly reader: SourceReader,
    private readonly indexer: SearchIndexer,
    @Inject(JobQueue) private readonly queue: JobQueue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle({ sourceId }: { sourceId: string }): Promise<void> {
    const source = await this.sources.findById(sourceId);
    if (!source || source.paused) return;
    const fetchedAt = this.clock.now();
    try {
      const response = await this.fetcher.fetch(source.url, {
        etag: source.etag,
        lastModified: source.lastModified,
        expect: source.kind === 'web' ? 'html' : 'feed',
      });
      const newItems = response.notModified ? 0 : await this.store(source, await this.reader.read(source, response), fetchedAt);
      const pollIntervalSec = nextPollInterval(source.pollIntervalSec, newItems, source);
      await this.sources.recordSuccess(source.id, {
        fetchedAt,
        pollIntervalSec,
        nextFetchAt: new Date(fetchedAt.getTime() + pollIntervalSec * 1000),
        etag: response.etag,
        lastModified: response.lastModified,
      });
    } catch (error) {
      if (!(error instanceof FetchError || error instanceof FeedParseError)) throw error;
      await this.recordFailure(source, fetchedAt, error);
    }
    await this.indexer.indexPending(source.id);
  }

  /** Stores the entries and returns how many were new. */
  private async store(source: SourceEntity, entries: CollectedEntry[], fetchedAt: Date): Promise<number> {
    let candidates = uniqueByKey(entries.flatMap((entry) => toNewItem(entry, source.id, source.url, fetchedAt, source.languageHint) ?? []));
    if (source.kind === 'sitemap' || source.kind === 'web') {
      // These announce little more than a URL: a known one has nothing new to say (its page said it already).
      const known = await this.items.existingDedupeKeys(source.id, candidates.map((item) => item.dedupeKey));
      candidates = candidates.filter((item) => !known.has(item.dedupeKey));
    }
    // Exact copies of an item Vigil already has (same title and text elsewhere) are not stored twice.
    const known = await this.items.existingContentHashes(candidates.flatMap((item) => item.contentHash ?? []));
    const fresh = candidates.filter((item) => !item.contentHash || !known.has(item.contentHash));
    const stored = await this.items.upsert(fresh);
    const inserted = stored.filter((row) => row.inserted).map((row) => row.item);
    for (const item of inserted) await this.queue.enqueue('enrich-item', { itemId: item.id }, { jobId: `enrich-${item.id}` });
    await this.noticeDroppedWatchedItems(source, candidates, fetchedAt);
    if (stored.length) this.logger.log(`${source.name}: ${inserted.length} new, ${stored.length - inserted.length} changed`);
    return inserted.length;
  }

  /**
   * A watched item that disappears from its feed while older entries are still listed was taken down
   * (not merely pushed out by newer ones): record it once.
   */
  private async noticeDroppedWatchedItems(source: SourceEntity, listed: NewItem[], at: Date): Promise<void> {
    if (source.kind === 'web' || source.kind === 'sitemap' || listed.length === 0) return;
    const keys = new Set(listed.map((item) => item.dedupeKey));
    const oldestListed = Math.min(...listed.map((item) => (item.publishedAt ?? at).getTime()));
    for (const item of await this.items.findWatchedBySource(source.id)) {
      if (keys.has(item.dedupeKey) || (item.publishedAt?.getTime() ?? 0) < oldestListed) continue;
      if (await this.evidence.hasEvent(item.id, 'item.removed')) continue;
      await this.evidence.addEvent({
        itemId: item.id,
        kind: 'item.removed',
        at,
        reason: 'dropped_from_feed',
        params: { feedUrl: source.url },
        detail: `No longer listed in the feed ${source.url}`,
        snapshotId: null,
      });
    }
  }

  private async recordFailure(source: SourceEntity, fetchedAt: Date, error: FetchError | FeedParseError): Promise<void> {
    this.logger.warn(`${source.name} failing: ${error.message}`);
    const weight = error instanceof FetchError && isHalfFailure(error) ? 0.5 : 1;
    const retryAfterSec = error instanceof FetchError && error.retryAfterMs ? Math.ceil(error.retryAfterMs / 1000) : null;
    const delaySec = failureBackoffSec(source.pollIntervalSec, source.failureScore + weight, source, retryAfterSec);
    await this.sources.recordFailure(source.id, { fetchedAt, error: error.message, weight, nextFetchAt: new Date(fetchedAt.getTime() + delaySec * 1000) });
  }
}

/** A source may list one entry twice; one INSERT cannot touch the same row twice. */
function uniqueByKey(items: NewItem[]): NewItem[] {
  const firstByKey = new Map<string, NewItem>();
  for (const item of items) if (!firstByKey.has(item.dedupeKey)) firstByKey.set(item.dedupeKey, item);
  return [...firstByKey.values()];
}
