import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  candidateTerms,
  centroidOf,
  chooseStory,
  CLOCK,
  type Clock,
  fingerprintBands,
  fingerprintToHex,
  hammingDistance,
  minhash64,
  STORY_TOPIC_WINDOW_MS,
  storyTermCounts,
  type DocumentFrequencies,
  type TermVector,
  termBucket,
  tfidfVector,
  toSearchFields,
  toSearchText,
  withItem,
} from '@vigil/domain';
import { ItemFlagger } from '@vigil/detection';
import { type CentroidCandidate, type CentroidMerge, EvidenceRepository, type ItemEnrichment, type ItemEntity, ItemsRepository, type SnapshotEntity, StoriesRepository } from '@vigil/persistence';
import { type JobContext, JobDeferral } from '@vigil/queue';
import { FetchError, type FetchResult, PoliteFetcher } from '../http';
import { buildFetchResult } from '../http/fetch-result';
import type { ExtractedArticle } from '@vigil/parsing';
import { ParseTaskError, ParsingPool } from '../parsing-pool';
import { SearchIndexer } from '../search-indexer';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);
// Near duplicates are looked for among items first seen in the last week.
const STORY_WINDOW_MS = 7 * 24 * 3600_000;
const NEAR_DUPLICATE_DISTANCE = 3;

/** One id per item: the poll that found it and the outbox sweep queue the same job, so it waits once. */
export function enrichJobId(itemId: string): string {
  return `enrich-${itemId}`;
}

/**
 * A new item's page: archived as first published, its article extracted (richer than most feeds' summaries),
 * and the item linked to the story it retells. Idempotent: an item is enriched once. The enriched version goes
 * to a separate search engine first, so the one write that stores it also marks it indexed: an item row is
 * written twice on its way to searchable (inserted by its poll, enriched here).
 */
@Injectable()
export class EnrichItemProcessor {
  private readonly logger = new Logger(EnrichItemProcessor.name);

  constructor(
    private readonly items: ItemsRepository,
    private readonly evidence: EvidenceRepository,
    private readonly stories: StoriesRepository,
    private readonly fetcher: PoliteFetcher,
    private readonly parsing: ParsingPool,
    private readonly indexer: SearchIndexer,
    private readonly flagger: ItemFlagger,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle({ itemId }: { itemId: string }, context: JobContext = { attempt: 1, finalAttempt: true }): Promise<void> {
    const item = await this.items.findById(itemId);
    if (!item || item.enrichedAt) return;
    try {
      await this.enrichFromPage(item);
    } catch (error) {
      // A page that breaks extraction on every attempt is given up like an unreachable one, keeping the feed's
      // text; if even that cannot be recorded the item stays in the outbox and the sweep queues it again.
      // A deferral (the site's turn is later) is not an attempt: the job comes back as this one.
      if (context.finalAttempt && !(error instanceof JobDeferral)) {
        this.logger.error(`Page of item ${item.id} not enriched after ${context.attempt} attempts: ${(error as Error).message}`);
        await this.giveUp(item);
      }
      throw error;
    }
  }

  /** The feed's version stays, and is what search gets. */
  private async giveUp(item: ItemEntity): Promise<void> {
    await this.items.markEnrichmentFailed(item.id, this.clock.now(), await this.indexer.indexBeforeWrite(item));
  }

  private async enrichFromPage(item: ItemEntity): Promise<void> {
    // A retry after a crash between archiving and storing the extraction neither fetches nor archives the page
    // again: it reads the bytes the first attempt archived.
    const archived = await this.evidence.findSnapshotWithBody(item.id, null);
    let page: FetchResult;
    try {
      page = archived ? await archivedPage(archived) : await this.fetcher.fetch(item.url, { expect: 'html', whenHostBusy: 'defer' });
    } catch (error) {
      if (!(error instanceof FetchError)) throw error;
      // The feed's text stays; a page that cannot be fetched must not hold up the item.
      this.logger.warn(`Page of item ${item.id} not archived: ${error.message}`);
      await this.giveUp(item);
      return;
    }
    const article = await this.extract(item, page);
    if (!article) return;
    if (!archived) await archiveSnapshot(this.evidence, item.id, page, article.text);
    // Keep whichever text is fuller: some feeds carry the whole article, some pages are mostly furniture.
    const text = article.text.length >= item.text.length ? article.text : item.text;
    const fingerprint = minhash64(text);
    // Sitemaps and listing pages announce a URL only: the page supplies the title.
    const title = item.title === item.url && article.title ? article.title : item.title;
    const language = article.language ?? item.language;
    const search = toSearchFields({ title, text, language });
    const enrichment: ItemEnrichment = {
      title,
      searchTitle: search.title,
      text,
      searchText: search.text,
      canonicalUrl: article.canonicalUrl,
      byline: item.byline ?? article.byline,
      imageUrls: [...new Set([...item.imageUrls, ...article.imageUrls])],
      language,
      publishedAt: item.publishedAt ?? article.publishedAt,
      updatedAt: article.updatedAt ?? item.updatedAt,
      fingerprint: fingerprintToHex(fingerprint),
      fingerprintBands: fingerprintBands(fingerprint),
      ...(await this.storyFor(item, fingerprint, { title, text, language }, search.text)),
    };
    // The whole article may match a rule the feed's summary did not; matched before the write, so a retry matches too.
    await this.flagger.flag([{ id: item.id, title, text, language, sourceId: item.sourceId, storyId: enrichment.storyId }]);
    const indexedAt = await this.indexer.indexBeforeWrite(item, enrichment);
    await this.items.enrich(item.id, enrichment, this.clock.now(), indexedAt);
  }

  /**
   * In the parsing pool, off the event loop. A page the pool gives up on (too big or too slow) is given up at
   * once, like an unreachable one: a retry would only hold a thread as long again.
   */
  private async extract(item: ItemEntity, page: FetchResult): Promise<ExtractedArticle | null> {
    try {
      return await this.parsing.extractArticle(page.text(), page.finalUrl);
    } catch (error) {
      if (!(error instanceof ParseTaskError)) throw error;
      this.logger.warn(`Page of item ${item.id} not archived: ${error.message}`);
      await this.giveUp(item);
      return null;
    }
  }

  /**
   * The item's story: that of its nearest recent near duplicate (founding one around the pair if needed); else the
   * most similar story (TF-IDF centroid, cosine) whose latest item is within STORY_TOPIC_WINDOW_MS, or a lone item
   * it matches as well, founding a story around the two. An item matching nothing stays storyless (a story of one,
   * as the item list shows it) and keeps a lone centroid a later item can match. Costs a few bounded queries: the
   * item's term buckets, its candidates (sharing one of its top terms, latest 50), one locked centroid update.
   * An item whose text is word for word an earlier item's of another source (a listing page republishing a feed's
   * article) is that item's copy too: it joins its story and lists show the original alone.
   */
  private async storyFor(
    item: ItemEntity,
    fingerprint: bigint,
    content: { title: string; text: string; language: string | null },
    searchText: string,
  ): Promise<Pick<ItemEnrichment, 'storyId' | 'copyOf'>> {
    const { vector, frequencies } = await this.termVector(content);
    const merge: CentroidMerge = (current) => (current ? withItem(current, vector) : centroidOf(vector));
    const since = new Date(item.fetchedAt.getTime() - STORY_WINDOW_MS);
    // Oldest first: the first exact copy found is the original (or a copy pointing to it).
    const duplicates = await this.items.findStoryCandidates(fingerprintBands(fingerprint), since, item.id);
    const original = duplicates.find((candidate) => candidate.enrichedAt && candidate.sourceId !== item.sourceId && candidate.searchText === searchText);
    const duplicate = original ?? duplicates.find((candidate) => candidate.fingerprint && hammingDistance(candidate.fingerprint, fingerprint) <= NEAR_DUPLICATE_DISTANCE);
    const copyOf = original ? (original.copyOf ?? original.id) : null;
    if (duplicate) return { storyId: await this.join(duplicate.storyId, duplicate.id, merge, item.fetchedAt), copyOf };
    if (vector.size === 0) return { storyId: null, copyOf };
    const topic = { terms: candidateTerms(vector, frequencies), since: new Date(item.fetchedAt.getTime() - STORY_TOPIC_WINDOW_MS) };
    const choose = (candidates: CentroidCandidate[]) =>
      chooseStory(vector, candidates.map((candidate) => ({ key: candidate, centroid: candidate.terms, lastItemAt: candidate.lastItemAt })), item.fetchedAt)?.key ?? null;
    // A match joins at once; an item matching nothing reads again under the lock that lets similar items meet.
    const match =
      choose(await this.stories.candidateCentroids(topic.terms, topic.since, item.id)) ??
      (await this.stories.addLoneCentroidUnlessMatched(item.id, centroidOf(vector), item.fetchedAt, topic, choose));
    return { storyId: match ? await this.join(match.storyId, match.itemId!, merge, item.fetchedAt) : null, copyOf };
  }

  /** Joins a story, or founds one around the lone item matched. */
  private async join(storyId: string | null, loneItemId: string, merge: CentroidMerge, at: Date): Promise<string> {
    if (!storyId) return this.flagger.foundStory((tx) => this.stories.foundStoryAround(loneItemId, merge, at, tx));
    await this.stories.joinStory(storyId, merge, at);
    return storyId;
  }

  /** TF-IDF over the document frequencies every process shares; the item is counted after it is weighed. */
  private async termVector(content: { title: string; text: string; language: string | null }): Promise<{ vector: TermVector; frequencies: DocumentFrequencies }> {
    const counts = storyTermCounts(content);
    const buckets = [...new Set([...counts.keys()].map(termBucket))];
    const { documents, byBucket } = await this.stories.documentFrequencies(buckets);
    const frequencies: DocumentFrequencies = { documents, of: (term) => byBucket.get(termBucket(term)) ?? 0 };
    const vector = tfidfVector(counts, frequencies);
    await this.stories.countDocument(buckets);
    return { vector, frequencies };
  }
}

/** Stores the raw bytes (gzip) with their hash and the hash of the text a reader sees. */
export async function archiveSnapshot(evidence: EvidenceRepository, itemId: string, page: FetchResult, articleText: string) {
  return evidence.addSnapshot({
    itemId,
    fetchedAt: page.fetchedAt,
    httpStatus: page.status,
    finalUrl: page.finalUrl,
    contentType: page.contentType,
    contentHash: sha256(page.body),
    textHash: textHash(articleText),
    bodyGzip: await gzipAsync(page.body),
  });
}

/** The page as an earlier attempt fetched and archived it. */
async function archivedPage(snapshot: SnapshotEntity): Promise<FetchResult> {
  return buildFetchResult({
    status: snapshot.httpStatus,
    finalUrl: snapshot.finalUrl,
    headers: snapshot.contentType ? { 'content-type': snapshot.contentType } : {},
    body: await gunzipAsync(snapshot.bodyGzip),
    fetchedAt: snapshot.fetchedAt,
    previous: { etag: null, lastModified: null },
  });
}

/** What decides whether an article was edited: its words, not its markup, ads or timestamps. */
export function textHash(articleText: string): string {
  return sha256(Buffer.from(toSearchText(articleText)));
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
