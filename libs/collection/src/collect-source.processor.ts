import { Inject, Injectable, Logger } from '@nestjs/common';
import { VIGIL_CONFIG, type VigilConfig } from '@vigil/config';
import { CLOCK, type Clock, failureBackoffSec, nextPollInterval } from '@vigil/domain';
import { EvidenceRepository, ItemsRepository, type NewItem, type SourceEntity, SourcesRepository } from '@vigil/persistence';
import { type JobContext, JobQueue } from '@vigil/queue';
import { type CollectedEntry, toNewItem } from './collected-entry';
import { FetchError, isHalfFailure, PoliteFetcher } from './http';
import { FeedParseError } from './parsing/feeds';
import { enrichJobId } from './enrich-item.processor';
import { SearchIndexer } from './search-indexer';
import { SourceReader } from './source-reader';

interface StoreResult {
  newItems: number;
  /** More new items were listed than one poll stores (VIGIL_POLL_MAX_NEW_ITEMS): the next poll takes the rest. */
  capped: boolean;
}

/** A run that is not told otherwise is its only attempt. */
const ONLY_ATTEMPT: JobContext = { attempt: 1, finalAttempt: true };

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
    @Inject(VIGIL_CONFIG) private readonly config: VigilConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle({ sourceId }: { sourceId: string }, context: JobContext = ONLY_ATTEMPT): Promise<void> {
    const source = await this.sources.findById(sourceId);
    if (!source || source.paused) return;
    const fetchedAt = this.clock.now();
    try {
      await this.poll(source, fetchedAt);
    } catch (error) {
      if (error instanceof FetchError || error instanceof FeedParseError) {
        await this.recordFailure(source, fetchedAt, error);
      } else {
        // Not the source's fault (a bug, the database): retried by the queue. On the last attempt the failure is
        // recorded with its backoff, so the source is polled again at its next due time under a new job id.
        if (context.finalAttempt) await this.recordUnexpectedFailure(source, fetchedAt, error);
        throw error;
      }
    }
    await this.indexer.indexPending(source.id);
  }

  private async poll(source: SourceEntity, fetchedAt: Date): Promise<void> {
    const response = await this.fetcher.fetch(source.url, {
      etag: source.etag,
      lastModified: source.lastModified,
      expect: source.kind === 'web' ? 'html' : 'feed',
    });
    const { newItems, capped } = response.notModified ? { newItems: 0, capped: false } : await this.store(source, await this.reader.read(source, response), fetchedAt);
    const pollIntervalSec = nextPollInterval(source.pollIntervalSec, newItems, source);
    // A capped poll comes back soon, and unconditionally: a 304 would hide the entries it left for later.
    const nextInSec = capped ? source.minPollIntervalSec : pollIntervalSec;
    await this.sources.recordSuccess(source.id, {
      fetchedAt,
      pollIntervalSec,
      nextFetchAt: new Date(fetchedAt.getTime() + nextInSec * 1000),
      etag: capped ? null : response.etag,
      lastModified: capped ? null : response.lastModified,
    });
  }

  /** Stores the entries: at most VIGIL_POLL_MAX_NEW_ITEMS new ones (newest first), and every changed one. */
  private async store(source: SourceEntity, entries: CollectedEntry[], fetchedAt: Date): Promise<StoreResult> {
    const listed = uniqueByKey(entries.flatMap((entry) => toNewItem(entry, source.id, source.url, fetchedAt, source.languageHint) ?? []));
    const knownKeys = await this.items.existingDedupeKeys(source.id, listed.map((item) => item.dedupeKey));
    // Sitemaps and listing pages announce little more than a URL: a known one has nothing new to say (its page said it already).
    const candidates = source.kind === 'sitemap' || source.kind === 'web' ? listed.filter((item) => !knownKeys.has(item.dedupeKey)) : listed;
    const { accepted, capped } = capNewItems(candidates, knownKeys, this.config.collection.maxNewItemsPerPoll);
    // Exact copies of an item Vigil already has (same title and text elsewhere) are not stored twice.
    const known = await this.items.existingContentHashes(accepted.flatMap((item) => item.contentHash ?? []));
    const fresh = accepted.filter((item) => !item.contentHash || !known.has(item.contentHash));
    const stored = await this.items.upsert(fresh);
    const inserted = stored.filter((row) => row.inserted).map((row) => row.item);
    await this.queue.enqueueMany('enrich-item', inserted.map((item) => ({ payload: { itemId: item.id }, jobId: enrichJobId(item.id) })));
    await this.noticeDroppedWatchedItems(source, listed, fetchedAt);
    if (stored.length) this.logger.log(`${source.name}: ${inserted.length} new, ${stored.length - inserted.length} changed${capped ? ' (more next poll)' : ''}`);
    return { newItems: inserted.length, capped };
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

  private async recordUnexpectedFailure(source: SourceEntity, fetchedAt: Date, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    const delaySec = failureBackoffSec(source.pollIntervalSec, source.failureScore + 1, source, null);
    try {
      await this.sources.recordFailure(source.id, { fetchedAt, error: `Internal error: ${message}`, weight: 1, nextFetchAt: new Date(fetchedAt.getTime() + delaySec * 1000) });
    } catch (recordError) {
      // The source stays due: the next scheduler tick queues the same poll again (a failed job id can be added again).
      this.logger.error(`${source.name}: could not record the failure: ${(recordError as Error).message}`);
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

/**
 * Keeps every already-known entry (it may have changed) and at most `limit` new ones, newest first: a feed that
 * lists thousands of new entries at once is taken in slices, one per poll.
 */
function capNewItems(candidates: NewItem[], knownKeys: Set<string>, limit: number): { accepted: NewItem[]; capped: boolean } {
  const fresh = candidates.filter((item) => !knownKeys.has(item.dedupeKey));
  if (fresh.length <= limit) return { accepted: candidates, capped: false };
  const newest = fresh.sort((a, b) => (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0)).slice(0, limit);
  return { accepted: [...candidates.filter((item) => knownKeys.has(item.dedupeKey)), ...newest], capped: true };
}

/** A source may list one entry twice; one INSERT cannot touch the same row twice. */
function uniqueByKey(items: NewItem[]): NewItem[] {
  const firstByKey = new Map<string, NewItem>();
  for (const item of items) if (!firstByKey.has(item.dedupeKey)) firstByKey.set(item.dedupeKey, item);
  return [...firstByKey.values()];
}
