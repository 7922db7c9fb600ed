import type { ItemEnrichment } from '@vigil/persistence';
import { TEST_EPOCH } from '@vigil/testing';
import { after, MINUTE, newItem, newSource, openRepositories, type Repositories, type RepositoryDatabase } from './support/repository-database';

const NOW = TEST_EPOCH;

function enrichmentOf(title: string): ItemEnrichment {
  return {
    title,
    searchTitle: title.toLowerCase(),
    text: `${title}.`,
    searchText: `${title.toLowerCase()}.`,
    canonicalUrl: 'https://nguon.example.vn/bai',
    byline: null,
    imageUrls: [],
    language: 'vi',
    publishedAt: null,
    updatedAt: null,
    fingerprint: null,
    fingerprintBands: null,
    storyId: null,
  };
}

async function storeItems(repositories: Repositories, count: number, firstFetchedAt = NOW): Promise<{ sourceId: string; ids: string[] }> {
  const source = await repositories.sources.create(newSource(), NOW);
  // Stored newest first, so "oldest first" is the database's ordering and not the insertion order.
  const entries = Array.from({ length: count }, (_, n) => newItem(source.id, `${source.id}-${n}`, after(firstFetchedAt, n * MINUTE))).reverse();
  const stored = await repositories.items.upsert(entries);
  return { sourceId: source.id, ids: stored.map((item) => item.id).reverse() };
}

// The sweep reads the whole items table, so each test runs in a transaction rolled back after it: no test sees
// another's rows.
describe('Item outboxes (what the sweep finds still to enrich or to index)', () => {
  let database: RepositoryDatabase;

  beforeAll(async () => {
    database = await openRepositories();
  }, 120_000);

  afterAll(async () => {
    await database?.close();
  });

  it('finds every newly stored item not yet enriched, oldest first', () =>
    database.rolledBack(async (repositories) => {
      const { ids } = await storeItems(repositories, 4);
      await expect(repositories.items.findUnenrichedIds(10)).resolves.toEqual(ids);
    }));

  it('no longer finds an item once it is enriched, or once its enrichment failed', () =>
    database.rolledBack(async (repositories) => {
      const [enriched, failed, pending] = (await storeItems(repositories, 3)).ids;
      await repositories.items.enrich(enriched, enrichmentOf('Đã trích xuất'), after(NOW, MINUTE));
      await repositories.items.markEnrichmentFailed(failed, after(NOW, MINUTE));
      await expect(repositories.items.findUnenrichedIds(10)).resolves.toEqual([pending]);
    }));

  it('bounds one sweep to the batch it asks for, taking the oldest', () =>
    database.rolledBack(async (repositories) => {
      const { ids } = await storeItems(repositories, 7);
      await expect(repositories.items.findUnenrichedIds(3)).resolves.toEqual(ids.slice(0, 3));
    }));

  it('finds the sources of enriched items the search engine lacks, and not of items still to enrich', () =>
    database.rolledBack(async (repositories) => {
      const waiting = await storeItems(repositories, 2);
      const enriched = await storeItems(repositories, 2);
      await repositories.items.enrich(enriched.ids[0], enrichmentOf('Chờ lập chỉ mục'), after(NOW, MINUTE));
      await expect(repositories.items.findSourcesWithUnindexed(10)).resolves.toEqual([enriched.sourceId]);
      await expect(repositories.items.findUnindexed(waiting.sourceId, 10)).resolves.toEqual([]);
      await expect(repositories.items.findUnindexed(enriched.sourceId, 10)).resolves.toMatchObject([{ id: enriched.ids[0] }]);
    }));

  it('no longer finds an item once it is marked indexed, or when its enrichment already reached the index', () =>
    database.rolledBack(async (repositories) => {
      const { sourceId, ids } = await storeItems(repositories, 3);
      const [marked, indexedByEnrichment, pending] = ids;
      for (const id of [marked, pending]) await repositories.items.enrich(id, enrichmentOf('Đã trích xuất'), after(NOW, MINUTE));
      await repositories.items.enrich(indexedByEnrichment, enrichmentOf('Một lần ghi'), after(NOW, MINUTE), after(NOW, MINUTE));
      await repositories.items.markIndexed([marked], after(NOW, 2 * MINUTE));
      await expect(repositories.items.findUnindexed(sourceId, 10)).resolves.toMatchObject([{ id: pending }]);
      await repositories.items.markIndexed([pending], after(NOW, 2 * MINUTE));
      await expect(repositories.items.findUnindexed(sourceId, 10)).resolves.toEqual([]);
      await expect(repositories.items.findSourcesWithUnindexed(10)).resolves.toEqual([]);
    }));

  it('bounds the index outbox per source and in sources per sweep, oldest items first', () =>
    database.rolledBack(async (repositories) => {
      const stored = [await storeItems(repositories, 5), await storeItems(repositories, 1), await storeItems(repositories, 1)];
      for (const { ids } of stored) for (const id of ids) await repositories.items.enrich(id, enrichmentOf('Chờ'), after(NOW, MINUTE));
      const [first] = stored;
      const batch = await repositories.items.findUnindexed(first.sourceId, 2);
      expect(batch.map((item) => item.id)).toEqual(first.ids.slice(0, 2));
      const sources = await repositories.items.findSourcesWithUnindexed(2);
      expect(sources).toHaveLength(2);
      expect(stored.map(({ sourceId }) => sourceId)).toEqual(expect.arrayContaining(sources));
    }));

  it('puts a changed item back in the index outbox when its source gives it again', () =>
    database.rolledBack(async (repositories) => {
      const source = await repositories.sources.create(newSource(), NOW);
      const entry = newItem(source.id, 'doi-tieu-de', NOW);
      const [{ id }] = await repositories.items.upsert([entry]);
      await repositories.items.enrich(id, enrichmentOf('Tiêu đề cũ'), after(NOW, MINUTE), after(NOW, MINUTE));
      await expect(repositories.items.findUnindexed(source.id, 10)).resolves.toEqual([]);
      await repositories.items.upsert([{ ...entry, title: 'Tiêu đề đã sửa', entryHash: 'entry-doi-tieu-de-2' }]);
      await expect(repositories.items.findUnindexed(source.id, 10)).resolves.toMatchObject([{ id, title: 'Tiêu đề đã sửa' }]);
    }));
});
