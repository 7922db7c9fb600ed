import { Inject, Injectable, Logger } from '@nestjs/common';
import { VIGIL_CONFIG, type VigilConfig } from '@vigil/config';
import { ItemFlagger } from '@vigil/detection';
import { CLOCK, type Clock, failureBackoffSec, nextPollInterval } from '@vigil/domain';
import { EvidenceRepository, ItemsRepository, type SourceEntity, SourcesRepository } from '@vigil/persistence';
import { VigilMetrics } from '@vigil/metrics';
import { type JobContext, JobDeferral, JobQueue } from '@vigil/queue';
import { type CollectedEntry, toNewItem } from '../collected-entry';
import { type ListedEntry, listEntries, planPoll } from '../poll-plan';
import { FetchError, isHalfFailure, PoliteFetcher } from '../http';
import { FeedParseError } from '@vigil/parsing';
import { enrichJobId } from './enrich-item.processor';
import { documentDigest } from '../document-digest';
import { SearchIndexer } from '../search-indexer';
import { SourceReader } from '../source-reader';
import { ItemEventRecorder } from './item-event-recorder';

interface StoreResult {
  newItems: number;
  /** More new items were listed than one poll stores (VIGIL_POLL_MAX_NEW_ITEMS): the next poll takes the rest. */
  capped: boolean;
}

const NOTHING_NEW: StoreResult = { newItems: 0, capped: false };

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
    private readonly itemEvents: ItemEventRecorder,
    private readonly fetcher: PoliteFetcher,
    private readonly reader: SourceReader,
    private readonly indexer: SearchIndexer,
    private readonly flagger: ItemFlagger,
    private readonly metrics: VigilMetrics,
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
        // A deferral (the site's turn is later) is neither: the job comes back as this attempt.
        if (context.finalAttempt && !(error instanceof JobDeferral)) await this.recordUnexpectedFailure(source, fetchedAt, error);
        throw error;
      }
    }
    await this.indexer.indexPending(source.id);
  }

  /**
   * Only the poll's first fetch defers while its site is busy: nothing is done yet, so the job can come back later. It
   * comes back for the site's next turn, ahead of the site's deferred page fetches, so a backlog of pages never holds
   * up the site's own polls. Later fetches of the same poll (a sitemap index's children) wait for their turn, since a
   * re-run starts over.
   */
  private async poll(source: SourceEntity, fetchedAt: Date): Promise<void> {
    const response = await this.fetcher.fetch(source.url, {
      etag: source.etag,
      lastModified: source.lastModified,
      expect: source.kind === 'web' ? 'html' : 'feed',
      whenHostBusy: 'defer',
      claimsNextTurn: true,
    });
    // A 304, or the very document the last complete poll read (a server that sends or honours no validators): the
    // same entries as last time, all stored then, so nothing is parsed.
    const digest = response.notModified ? source.bodyHash : documentDigest(source, response);
    const unchanged = response.notModified || (digest !== null && digest === source.bodyHash);
    const { newItems, capped } = unchanged ? NOTHING_NEW : await this.store(source, await this.reader.read(source, response), fetchedAt);
    const pollIntervalSec = nextPollInterval(source.pollIntervalSec, newItems, source);
    // A capped poll comes back soon, and in full: a 304 or an equal digest would hide the entries it left for later.
    const nextInSec = capped ? source.minPollIntervalSec : pollIntervalSec;
    await this.sources.recordSuccess(source.id, {
      fetchedAt,
      pollIntervalSec,
      nextFetchAt: new Date(fetchedAt.getTime() + nextInSec * 1000),
      etag: capped ? null : response.etag,
      lastModified: capped ? null : response.lastModified,
      bodyHash: capped ? null : digest,
    });
  }

  /**
   * Stores the entries: at most VIGIL_POLL_MAX_NEW_ITEMS new ones (newest first), and every changed one. One query
   * tells new, changed and unchanged entries apart by dedupe key and entry hash; only new and changed ones are
   * converted (HTML to text, normalising, language, folding, hashing), so a changed feed costs its parse and one lookup.
   */
  private async store(source: SourceEntity, entries: CollectedEntry[], fetchedAt: Date): Promise<StoreResult> {
    const listed = listEntries(entries, source.url);
    const storedHashes = await this.items.entryHashes(source.id, listed.map(({ key }) => key.dedupeKey));
    const { convert, capped } = planPoll(listed, storedHashes, {
      announcesOnly: source.kind === 'sitemap' || source.kind === 'web',
      maxNew: this.config.collection.maxNewItemsPerPoll,
    });
    const converted = convert.flatMap(({ entry, key }) => toNewItem(entry, source.id, source.url, fetchedAt, source.languageHint, key) ?? []);
    // Exact copies of an item Vigil already has (same title and text elsewhere) are not stored twice.
    const copies = await this.items.exactCopies(source.id, converted.flatMap((item) => (item.contentHash ? [{ dedupeKey: item.dedupeKey, contentHash: item.contentHash }] : [])));
    const stored = await this.items.upsert(converted.filter((item) => !copies.has(item.dedupeKey)));
    const inserted = stored.filter((row) => row.inserted);
    this.metrics.itemsCollected.inc({ source_id: source.id, kind: 'new' }, inserted.length);
    this.metrics.itemsCollected.inc({ source_id: source.id, kind: 'changed' }, stored.length - inserted.length);
    await this.flagFromFeed(source, stored.map(({ id }) => id));
    await this.queue.enqueueMany('enrich-item', inserted.map(({ id }) => ({ payload: { itemId: id }, jobId: enrichJobId(id) })));
    await this.noticeDroppedWatchedItems(source, listed, fetchedAt);
    if (stored.length) this.logger.log(`${source.name}: ${inserted.length} new, ${stored.length - inserted.length} changed${capped ? ' (more next poll)' : ''}`);
    return { newItems: inserted.length, capped };
  }

  /**
   * Seconds matter: items are matched as the feed gives them, before their pages are fetched. A failure here does not
   * fail the poll (its items are stored; a retry would find nothing new): new items are matched again when enriched.
   */
  private async flagFromFeed(source: SourceEntity, itemIds: string[]): Promise<void> {
    try {
      await this.flagger.flagItems(itemIds);
    } catch (error) {
      this.logger.error(`${source.name}: ${itemIds.length} items not matched against the watch rules yet: ${(error as Error).message}`);
    }
  }

  /**
   * A watched item that disappears from its feed while older entries are still listed was taken down
   * (not merely pushed out by newer ones): record it once.
   */
  private async noticeDroppedWatchedItems(source: SourceEntity, listed: ListedEntry[], at: Date): Promise<void> {
    if (source.kind === 'web' || source.kind === 'sitemap' || listed.length === 0) return;
    const keys = new Set(listed.map(({ key }) => key.dedupeKey));
    const oldestListed = Math.min(...listed.map(({ entry }) => (entry.published ?? at).getTime()));
    const dropped = (await this.items.findWatchedBySource(source.id)).filter(
      (item) => !keys.has(item.dedupeKey) && (item.publishedAt?.getTime() ?? 0) >= oldestListed,
    );
    const recorded = await this.evidence.itemsWithEvent(dropped.map((item) => item.id), 'item.removed');
    for (const item of dropped) {
      if (recorded.has(item.id)) continue;
      await this.itemEvents.record(item, {
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
      await this.sources.recordFailure(source.id, { fetchedAt, error: `Internal error: ${message}`, code: 'internal', params: {}, weight: 1, nextFetchAt: new Date(fetchedAt.getTime() + delaySec * 1000) });
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
    await this.sources.recordFailure(source.id, {
      fetchedAt,
      error: error.message,
      code: error.failureCode,
      params: error.failureParams,
      weight,
      nextFetchAt: new Date(fetchedAt.getTime() + delaySec * 1000),
    });
  }
}
