import { randomUUID } from 'node:crypto';
import { type CentroidCandidate, type CentroidMerge, type CentroidTerms, StoriesRepository, StoryEntity } from '@vigil/persistence';
import { TEST_EPOCH, waitFor } from '@vigil/testing';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { HOUR, newItem, newSource, openRepositories, type RepositoryDatabase } from './support/repository-database';

const NOW = TEST_EPOCH;

/** Terms no other test uses, so candidate reads see this test's centroids only. */
function terms(...words: string[]): Map<string, number> {
  const tag = randomUUID().slice(0, 8);
  return new Map(words.map((word, index) => [`${word}_${tag}`, 1 / (index + 1)]));
}

/** Adds one item of weight 1 per term to the mean, as the domain's withItem does without truncation. */
const addItem = (vector: Map<string, number>): CentroidMerge => (current: CentroidTerms | null) => {
  if (!current) return { terms: vector, itemCount: 1 };
  const sum = new Map([...current.terms].map(([term, weight]) => [term, weight * current.itemCount]));
  for (const [term, weight] of vector) sum.set(term, (sum.get(term) ?? 0) + weight);
  return { terms: new Map([...sum].map(([term, weight]) => [term, weight / (current.itemCount + 1)])), itemCount: current.itemCount + 1 };
};

describe('Story centroids on a real database', () => {
  let database: RepositoryDatabase;
  let stories: StoriesRepository;

  beforeAll(async () => {
    database = await openRepositories();
    stories = new StoriesRepository(database.db.manager.getRepository(StoryEntity));
  }, 120_000);

  afterAll(async () => {
    await database?.close();
  });

  async function lonelyItem(key: string, fetchedAt = NOW): Promise<{ id: string; sourceId: string }> {
    const source = await database.sources.create(newSource(), NOW);
    const [stored] = await database.items.upsert([newItem(source.id, key, fetchedAt, { title: `Tin ${key}` })]);
    return { id: stored!.id, sourceId: source.id };
  }

  /** A lone centroid for an item no other centroid matches. */
  async function addLone(itemId: string, vector: Map<string, number>, at: Date): Promise<void> {
    expect(await stories.addLoneCentroidUnlessMatched(itemId, { terms: vector, itemCount: 1 }, at, { terms: [...vector.keys()], since: at }, () => null)).toBeNull();
  }

  it('counts document frequencies per bucket and in all', async () => {
    const before = await stories.documentFrequencies([900_001, 900_002]);
    await stories.countDocument([900_001, 900_002]);
    await stories.countDocument([900_002]);
    const after = await stories.documentFrequencies([900_001, 900_002, 900_003]);
    expect(after.documents - before.documents).toBe(2);
    expect(after.byBucket.get(900_001)).toBe((before.byBucket.get(900_001) ?? 0) + 1);
    expect(after.byBucket.get(900_002)).toBe((before.byBucket.get(900_002) ?? 0) + 2);
    expect(after.byBucket.has(900_003)).toBe(false);
  });

  it('finds a lone item’s centroid by a shared term within the window, never the item’s own', async () => {
    const item = await lonelyItem('lone-1');
    const vector = terms('lu', 'song_lam');
    const topic = { terms: [...vector.keys()], since: new Date(NOW.getTime() - HOUR) };
    expect(await stories.addLoneCentroidUnlessMatched(item.id, { terms: vector, itemCount: 1 }, NOW, topic, () => null)).toBeNull();
    expect(await stories.addLoneCentroidUnlessMatched(item.id, { terms: vector, itemCount: 1 }, NOW, topic, () => null)).toBeNull();
    const [shared] = [...vector.keys()];
    const found = await stories.candidateCentroids([shared!], new Date(NOW.getTime() - HOUR), randomUUID());
    expect(found).toEqual([expect.objectContaining({ itemId: item.id, storyId: null, itemCount: 1, terms: vector })]);
    expect(await stories.candidateCentroids([shared!], new Date(NOW.getTime() + HOUR), randomUUID())).toEqual([]);
    expect(await stories.candidateCentroids([shared!], new Date(NOW.getTime() - HOUR), item.id)).toEqual([]);
    expect(await stories.candidateCentroids(['khong_co'], new Date(NOW.getTime() - HOUR), randomUUID())).toEqual([]);
  });

  it('founds one story around a lone item however many items match it at once, each counted in its centroid', async () => {
    const lone = await lonelyItem('lone-2', new Date(NOW.getTime() - 2 * HOUR));
    const vector = terms('cat_nuoc', 'ha_dong');
    await addLone(lone.id, vector, new Date(NOW.getTime() - 2 * HOUR));
    const founded = (await Promise.all([stories.foundStoryAround(lone.id, addItem(vector), NOW), stories.foundStoryAround(lone.id, addItem(vector), NOW)])).map((found) => found.storyId);
    expect(founded[0]).toBe(founded[1]);
    const story = await stories.find(founded[0]!);
    expect(story).toMatchObject({ title: 'Tin lone-2', firstSource: { id: lone.sourceId }, itemCount: 1 });
    expect(story!.firstSeenAt.getTime()).toBe(NOW.getTime() - 2 * HOUR);
    const [centroid] = await stories.candidateCentroids([...vector.keys()], new Date(NOW.getTime() - HOUR), randomUUID());
    expect(centroid).toMatchObject({ storyId: founded[0], itemId: null, itemCount: 3 });
    expect(centroid!.lastItemAt.getTime()).toBe(NOW.getTime());

    await stories.joinStory(founded[0]!, addItem(terms('khac')), new Date(NOW.getTime() + HOUR));
    const [joined] = await stories.candidateCentroids([...vector.keys()], NOW, randomUUID());
    expect(joined).toMatchObject({ storyId: founded[0], itemCount: 4 });
    expect(joined!.terms.get([...vector.keys()][0]!)).toBeCloseTo(0.75);
  });

  it('makes the second of two similar items enriched at once wait for the first’s lone centroid, never both staying lone', async () => {
    if (!process.env.TEST_DATABASE_URL) {
      console.log('Staged on a PostgreSQL server only: embedded PGlite runs one session at a time, so two enrichments cannot interleave there.');
      return;
    }
    const [first, second] = [await lonelyItem('lone-3'), await lonelyItem('lone-4')];
    const vector = terms('sat_lo', 'hoa_son');
    const topic = { terms: [...vector.keys()], since: new Date(NOW.getTime() - HOUR) };
    const pickAny = (candidates: CentroidCandidate[]) => candidates[0] ?? null;
    // Sessions of their own, as two enrichment workers have.
    const pool = await new DataSource({ ...database.db.options, extra: { max: 4 } } as DataSourceOptions).initialize();
    const poolStories = new StoriesRepository(pool.manager.getRepository(StoryEntity));
    const blocker = pool.createQueryRunner();
    try {
      // Holds the first item's insert between its read and its commit: the moment the two used to miss each other.
      await blocker.startTransaction();
      await blocker.query(`INSERT INTO story_centroids (item_id, terms, weights, item_count, last_item_at) VALUES ($1, '{}', '{}', 1, $2)`, [first.id, NOW]);
      const firstCall = poolStories.addLoneCentroidUnlessMatched(first.id, { terms: vector, itemCount: 1 }, NOW, topic, pickAny);
      const sessionWaitingOn = async (event: string) => {
        // Not the blocker's session: inside its transaction, it sees one snapshot of the activity.
        const rows: unknown[] = await database.db.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event = $1`, [event]);
        return rows.length > 0 || undefined;
      };
      await waitFor('the first item’s insert to wait', () => sessionWaitingOn('transactionid'));
      let secondSettled = false;
      const secondCall = poolStories.addLoneCentroidUnlessMatched(second.id, { terms: vector, itemCount: 1 }, NOW, topic, pickAny).finally(() => (secondSettled = true));
      // The second waits for the first's lock; without it, it would read nothing and add a lone centroid of its own.
      await waitFor('the second item to wait or finish', async () => (secondSettled ? true : sessionWaitingOn('advisory')));
      expect(secondSettled).toBe(false);
      await blocker.rollbackTransaction();
      expect(await firstCall).toBeNull();
      expect(await secondCall).toMatchObject({ itemId: first.id, storyId: null });
      const lone = await stories.candidateCentroids(topic.terms, topic.since, randomUUID());
      expect(lone.map((candidate) => candidate.itemId)).toEqual([first.id]);
    } finally {
      if (blocker.isTransactionActive) await blocker.rollbackTransaction();
      await blocker.release();
      await pool.destroy();
    }
  });
});
