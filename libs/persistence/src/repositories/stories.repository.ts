import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { FlagStatus, Severity } from '@vigil/contracts';
import { type EntityManager, Repository } from 'typeorm';
import { StoryEntity } from '../entities/story.entity';
import { type Transaction, within } from './transactions';

export interface StoryRow {
  id: string;
  title: string;
  firstSeenAt: Date;
  firstSource: { id: string; name: string };
  itemCount: number;
  sourceCount: number;
}

export interface StoryItemRow {
  id: string;
  title: string;
  url: string;
  sourceId: string;
  sourceName: string;
  publishedAt: Date | null;
  fetchedAt: Date;
}

/** A centroid's heaviest terms (term → weight) and how many items it is the mean of. */
export interface CentroidTerms {
  terms: Map<string, number>;
  itemCount: number;
}

/** A story's centroid, or a lone item's that may found a story when a second item matches it. */
export interface CentroidCandidate extends CentroidTerms {
  id: string;
  storyId: string | null;
  itemId: string | null;
  lastItemAt: Date;
}

/** The centroid after one more item: given the current one (null when the story has none yet). */
export type CentroidMerge = (current: CentroidTerms | null) => CentroidTerms;

// The bucket that counts documents rather than a term (term buckets are 0 and up).
const DOCUMENTS_BUCKET = -1;
// Taken by every lone centroid's read and insert (the other keys: migration-runner, live-events.repository).
const LONE_CENTROID_LOCK_KEY = 7_316_003;

interface CentroidRecord {
  id: string;
  story_id: string | null;
  item_id: string | null;
  weights: Record<string, number>;
  item_count: number;
  last_item_at: Date;
}

/** A story as the story page shows it: its counts, its items (first seen first) and how it spread hour by hour. */
@Injectable()
export class StoriesRepository {
  constructor(@InjectRepository(StoryEntity) private readonly stories: Repository<StoryEntity>) {}

  async find(id: string): Promise<StoryRow | null> {
    const [row]: { id: string; title: string; first_seen_at: Date; first_source_id: string; first_source_name: string; item_count: number; source_count: number }[] =
      await this.stories.query(
        `SELECT st.id, st.title, st.first_seen_at, st.first_source_id, s.name AS first_source_name,
                (SELECT count(*)::int FROM items i WHERE i.story_id = st.id) AS item_count,
                (SELECT count(DISTINCT i.source_id)::int FROM items i WHERE i.story_id = st.id) AS source_count
           FROM stories st JOIN sources s ON s.id = st.first_source_id WHERE st.id = $1`,
        [id],
      );
    if (!row) return null;
    return {
      id: row.id,
      title: row.title,
      firstSeenAt: row.first_seen_at,
      firstSource: { id: row.first_source_id, name: row.first_source_name },
      itemCount: row.item_count,
      sourceCount: row.source_count,
    };
  }

  async items(id: string, limit: number): Promise<StoryItemRow[]> {
    const rows: { id: string; title: string; url: string; source_id: string; source_name: string; published_at: Date | null; fetched_at: Date }[] = await this.stories.query(
      `SELECT i.id, i.title, i.url, i.source_id, s.name AS source_name, i.published_at, i.fetched_at
         FROM items i JOIN sources s ON s.id = i.source_id WHERE i.story_id = $1 ORDER BY i.fetched_at, i.id LIMIT $2`,
      [id, limit],
    );
    return rows.map((row) => ({ id: row.id, title: row.title, url: row.url, sourceId: row.source_id, sourceName: row.source_name, publishedAt: row.published_at, fetchedAt: row.fetched_at }));
  }

  /** The flags raised on a story, oldest first. */
  async flags(storyId: string): Promise<{ id: string; status: FlagStatus; ruleId: string; ruleName: string; ruleSeverity: Severity }[]> {
    const rows: { id: string; status: FlagStatus; rule_id: string; name: string; severity: Severity }[] = await this.stories.query(
      `SELECT f.id, f.status, f.rule_id, r.name, r.severity FROM flags f JOIN watch_rules r ON r.id = f.rule_id
        WHERE f.story_key = $1 OR f.story_id = $1 ORDER BY f.created_at`,
      [storyId],
    );
    return rows.map((row) => ({ id: row.id, status: row.status, ruleId: row.rule_id, ruleName: row.name, ruleSeverity: row.severity }));
  }

  /** Items first seen in each of the `hours` hours up to `now`, oldest first (zero hours included). */
  async hourly(id: string, now: Date, hours: number): Promise<{ hour: Date; count: number }[]> {
    const hourMs = 3_600_000;
    const current = Math.floor(now.getTime() / hourMs);
    const rows: { hour: string; count: number }[] = await this.stories.query(
      `SELECT floor(extract(epoch FROM fetched_at) / 3600)::bigint AS hour, count(*)::int AS count
         FROM items WHERE story_id = $1 AND fetched_at >= $2 AND fetched_at <= $3 GROUP BY 1`,
      [id, new Date((current - hours + 1) * hourMs), now],
    );
    const byHour = new Map(rows.map((row) => [Number(row.hour), row.count]));
    return Array.from({ length: hours }, (_, index) => {
      const hour = current - hours + 1 + index;
      return { hour: new Date(hour * hourMs), count: byHour.get(hour) ?? 0 };
    });
  }

  /**
   * How many documents were counted, and in how many of them each bucket occurred: the IDF every process shares.
   * Counts only grow; a retried enrichment counts its item again, which shifts IDF by a negligible amount.
   */
  async documentFrequencies(buckets: number[]): Promise<{ documents: number; byBucket: Map<number, number> }> {
    const rows: { bucket: number; documents: string }[] = await this.stories.query(`SELECT bucket, documents FROM term_document_counts WHERE bucket = ANY($1::int[])`, [[DOCUMENTS_BUCKET, ...buckets]]);
    const byBucket = new Map(rows.map((row) => [row.bucket, Number(row.documents)]));
    return { documents: byBucket.get(DOCUMENTS_BUCKET) ?? 0, byBucket };
  }

  /** Counts one document with these (distinct) buckets. Rows are taken in bucket order, so concurrent counts cannot deadlock. */
  async countDocument(buckets: number[]): Promise<void> {
    const ordered = [...new Set([DOCUMENTS_BUCKET, ...buckets])].sort((a, b) => a - b);
    await this.stories.query(
      `INSERT INTO term_document_counts (bucket, documents) SELECT bucket, 1 FROM unnest($1::int[]) AS bucket ORDER BY bucket
       ON CONFLICT (bucket) DO UPDATE SET documents = term_document_counts.documents + 1`,
      [ordered],
    );
  }

  /** The centroids an item may join (readCandidates), read without the lone centroids' lock. */
  candidateCentroids(terms: string[], since: Date, exceptItemId: string, limit = 50): Promise<CentroidCandidate[]> {
    return readCandidates(this.stories.manager, terms, since, exceptItemId, limit);
  }

  /**
   * The candidate `choose` picks among the centroids sharing one of `terms` (as candidateCentroids reads them), or,
   * when it picks none, the item's lone centroid added until a story forms around it (idempotent). Every lone
   * centroid is added under one lock, read and insert together: of two similar items enriched at once, the second
   * sees the first's centroid. Apart, each could read before the other adds, and the two would never form a story.
   */
  addLoneCentroidUnlessMatched(
    itemId: string,
    centroid: CentroidTerms,
    at: Date,
    topic: { terms: string[]; since: Date },
    choose: (candidates: CentroidCandidate[]) => CentroidCandidate | null,
  ): Promise<CentroidCandidate | null> {
    return this.stories.manager.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [LONE_CENTROID_LOCK_KEY]);
      const chosen = choose(await readCandidates(manager, topic.terms, topic.since, itemId));
      if (chosen) return chosen;
      await manager.query(
        `INSERT INTO story_centroids (item_id, terms, weights, item_count, last_item_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (item_id) DO NOTHING`,
        [itemId, [...centroid.terms.keys()], JSON.stringify(Object.fromEntries(centroid.terms)), centroid.itemCount, at],
      );
      return null;
    });
  }

  /** One more item in a story's centroid (created if the story has none), under a row lock so concurrent joins each count. */
  joinStory(storyId: string, merge: CentroidMerge, at: Date): Promise<void> {
    return this.stories.manager.transaction((manager) => this.mergeIntoStory(manager, storyId, merge, at));
  }

  /**
   * Founds a story around a lone item that a new item matched (a near duplicate or a topical match): the story takes
   * the lone item's title, source and time, the lone item and its flags join it, and its centroid becomes the
   * story's with the new item merged in. The lone item's row is locked first, so when two processes found at once
   * the second joins the story the first founded. Returns the story's id and the flags that joined it (within the
   * caller's transaction, if given, which announces them).
   */
  foundStoryAround(loneItemId: string, merge: CentroidMerge, at: Date, tx?: Transaction): Promise<{ storyId: string; flagIds: string[] }> {
    return within(tx, this.stories.manager, async (manager) => {
      const [item]: { title: string; source_id: string; fetched_at: Date; story_id: string | null }[] = await manager.query(
        `SELECT title, source_id, fetched_at, story_id FROM items WHERE id = $1 FOR UPDATE`,
        [loneItemId],
      );
      if (!item) throw new Error(`Item ${loneItemId} to found a story around does not exist`);
      const [lone]: CentroidRecord[] = await manager.query(
        `SELECT id, story_id, item_id, weights, item_count, last_item_at FROM story_centroids WHERE item_id = $1 FOR UPDATE`,
        [loneItemId],
      );
      if (lone) await manager.query(`DELETE FROM story_centroids WHERE id = $1`, [lone.id]);
      if (item.story_id) {
        await this.mergeIntoStory(manager, item.story_id, merge, at);
        return { storyId: item.story_id, flagIds: [] };
      }
      const [story]: { id: string }[] = await manager.query(`INSERT INTO stories (title, first_source_id, first_seen_at) VALUES ($1, $2, $3) RETURNING id`, [
        item.title,
        item.source_id,
        item.fetched_at,
      ]);
      await manager.query(`UPDATE items SET story_id = $2 WHERE id = $1`, [loneItemId, story!.id]);
      // A flag raised on the lone item keys on the item; it now stands for the story, so the story's next items land in it.
      const flags: { id: string }[] = await manager.query(
        `WITH joined AS (UPDATE flags SET story_id = $2 WHERE story_key = $1 AND story_id IS NULL RETURNING id) SELECT id FROM joined`,
        [loneItemId, story!.id],
      );
      const centroid = merge(lone ? candidateOf(lone) : null);
      await insertCentroid(manager, story!.id, centroid, lone && lone.last_item_at > at ? lone.last_item_at : at);
      return { storyId: story!.id, flagIds: flags.map((flag) => flag.id) };
    });
  }

  private async mergeIntoStory(manager: EntityManager, storyId: string, merge: CentroidMerge, at: Date): Promise<void> {
    const [current]: CentroidRecord[] = await manager.query(
      `SELECT id, story_id, item_id, weights, item_count, last_item_at FROM story_centroids WHERE story_id = $1 FOR UPDATE`,
      [storyId],
    );
    if (!current) {
      // A story founded before centroids existed, or one whose first centroid another process is inserting now.
      if (await insertCentroid(manager, storyId, merge(null), at)) return;
      return this.mergeIntoStory(manager, storyId, merge, at);
    }
    const centroid = merge(candidateOf(current));
    await manager.query(`UPDATE story_centroids SET terms = $2, weights = $3, item_count = $4, last_item_at = GREATEST(last_item_at, $5) WHERE id = $1`, [
      current.id,
      [...centroid.terms.keys()],
      JSON.stringify(Object.fromEntries(centroid.terms)),
      centroid.itemCount,
      at,
    ]);
  }
}

/**
 * Centroids whose latest item is at or after `since` and that share at least one of `terms` (GIN index), latest
 * first: a bounded read per item however many stories there are.
 */
async function readCandidates(manager: EntityManager, terms: string[], since: Date, exceptItemId: string, limit = 50): Promise<CentroidCandidate[]> {
  const rows: CentroidRecord[] = await manager.query(
    `SELECT id, story_id, item_id, weights, item_count, last_item_at FROM story_centroids
      WHERE terms && $1::text[] AND last_item_at >= $2 AND item_id IS DISTINCT FROM $3
      ORDER BY last_item_at DESC LIMIT $4`,
    [terms, since, exceptItemId, limit],
  );
  return rows.map(candidateOf);
}

/** False when the story already has a centroid (inserted concurrently). */
async function insertCentroid(manager: EntityManager, storyId: string, centroid: CentroidTerms, at: Date): Promise<boolean> {
  const inserted: { id: string }[] = await manager.query(
    `INSERT INTO story_centroids (story_id, terms, weights, item_count, last_item_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (story_id) DO NOTHING RETURNING id`,
    [storyId, [...centroid.terms.keys()], JSON.stringify(Object.fromEntries(centroid.terms)), centroid.itemCount, at],
  );
  return inserted.length > 0;
}

function candidateOf(row: CentroidRecord): CentroidCandidate {
  return {
    id: row.id,
    storyId: row.story_id,
    itemId: row.item_id,
    terms: new Map(Object.entries(row.weights)),
    itemCount: row.item_count,
    lastItemAt: new Date(row.last_item_at),
  };
}
