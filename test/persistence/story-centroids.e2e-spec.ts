import { randomUUID } from 'node:crypto';
import { type CentroidMerge, type CentroidTerms, StoriesRepository, StoryEntity } from '@vigil/persistence';
import { TEST_EPOCH } from '@vigil/testing';
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
    await stories.addLoneCentroid(item.id, { terms: vector, itemCount: 1 }, NOW);
    await stories.addLoneCentroid(item.id, { terms: vector, itemCount: 1 }, NOW);
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
    await stories.addLoneCentroid(lone.id, { terms: vector, itemCount: 1 }, new Date(NOW.getTime() - 2 * HOUR));
    const founded = await Promise.all([stories.foundStoryAround(lone.id, addItem(vector), NOW), stories.foundStoryAround(lone.id, addItem(vector), NOW)]);
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
});
