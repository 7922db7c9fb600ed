import { type ItemEnrichment, ItemEntity, ItemsRepository } from '@vigil/persistence';
import { TEST_EPOCH } from '@vigil/testing';
import { after, DAY, HOUR, MINUTE, newItem, newSource, openRepositories, type RepositoryDatabase } from './support/repository-database';

const NOW = TEST_EPOCH;

let nextBand = 1;
/** Fingerprint bands no other test uses, so story candidates are found among this test's items only. */
function freshBands(): number[] {
  const bands = [nextBand, nextBand + 1, nextBand + 2, nextBand + 3];
  nextBand += 4;
  return bands;
}

function enrichment(bands: number[] | null, storyId: string | null = null): ItemEnrichment {
  return {
    title: 'Bộ Y tế bác bỏ tin đồn',
    searchTitle: 'bo y te bac bo tin don',
    text: 'Bộ Y tế bác bỏ tin đồn về nước sạch.',
    searchText: 'bo y te bac bo tin don ve nuoc sach',
    canonicalUrl: 'https://nguon.example.vn/bai',
    byline: null,
    imageUrls: [],
    language: 'vi',
    publishedAt: null,
    updatedAt: null,
    fingerprint: bands ? bands.map((band) => band.toString(16).padStart(4, '0')).join('') : null,
    fingerprintBands: bands,
    storyId,
  };
}

describe('ItemsRepository on a real database', () => {
  let database: RepositoryDatabase;

  beforeAll(async () => {
    database = await openRepositories();
    console.log(`Repositories on ${database.describe}`);
  }, 120_000);

  afterAll(async () => {
    await database?.close();
  });

  async function storedRows(sourceId: string): Promise<{ id: string; dedupe_key: string; title: string; url: string; entry_hash: string; xmin: string }[]> {
    return database.db.query('SELECT id, dedupe_key, title, url, entry_hash, xmin::text AS xmin FROM items WHERE source_id = $1 ORDER BY dedupe_key', [sourceId]);
  }

  describe('upsert', () => {
    it('stores each entry of a batch once and says they are new', async () => {
      const source = await database.sources.create(newSource(), NOW);
      const batch = ['a', 'b', 'c'].map((key) => newItem(source.id, key, NOW));
      const stored = await database.items.upsert(batch);
      expect(stored).toHaveLength(3);
      expect(stored.every((item) => item.inserted)).toBe(true);
      expect(new Set(stored.map((item) => item.id)).size).toBe(3);
      expect((await storedRows(source.id)).map((row) => row.id).sort()).toEqual(stored.map((item) => item.id).sort());
    });

    it('stores nothing twice and writes nothing when the same batch comes again', async () => {
      const source = await database.sources.create(newSource(), NOW);
      const batch = ['a', 'b', 'c'].map((key) => newItem(source.id, key, NOW));
      await database.items.upsert(batch);
      const before = await storedRows(source.id);
      await expect(database.items.upsert(batch)).resolves.toEqual([]);
      // xmin changes with every write of a row: unchanged entries (same entry hash) are not even rewritten.
      await expect(storedRows(source.id)).resolves.toEqual(before);
    });

    it('updates a changed entry in place: the same id, not new, with the new title', async () => {
      const source = await database.sources.create(newSource(), NOW);
      const original = newItem(source.id, 'sua', NOW);
      const [first] = await database.items.upsert([original]);
      const changed = await database.items.upsert([{ ...original, title: 'Tiêu đề đã sửa', searchTitle: 'tieu de da sua', entryHash: 'entry-sua-2' }]);
      expect(changed).toEqual([{ id: first.id, inserted: false }]);
      await expect(storedRows(source.id)).resolves.toMatchObject([{ id: first.id, title: 'Tiêu đề đã sửa', entry_hash: 'entry-sua-2' }]);
    });

    it('answers only the new and the changed entries of a mixed batch', async () => {
      const source = await database.sources.create(newSource(), NOW);
      const [kept, edited] = ['giu', 'sua'].map((key) => newItem(source.id, key, NOW));
      const [keptRow, editedRow] = await database.items.upsert([kept, edited]);
      const added = newItem(source.id, 'moi', after(NOW, HOUR));
      const answer = await database.items.upsert([kept, { ...edited, title: 'Đã sửa', entryHash: 'entry-sua-2' }, added]);
      expect(answer).toHaveLength(2);
      expect(answer).toContainEqual({ id: editedRow.id, inserted: false });
      expect(answer).toContainEqual({ id: expect.any(String), inserted: true });
      expect(answer.map((item) => item.id)).not.toContain(keptRow.id);
    });

    it('records a new entry hash alone without taking the item out of the search index', async () => {
      const source = await database.sources.create(newSource(), NOW);
      const entry = newItem(source.id, 'hash', NOW);
      const [{ id }] = await database.items.upsert([entry]);
      // A dated feed item keeps its feed title and dates through enrichment (as EnrichItemProcessor does).
      const kept = { ...enrichment(null), title: entry.title, searchTitle: entry.searchTitle, publishedAt: entry.publishedAt, updatedAt: entry.updatedAt };
      await database.items.enrich(id, kept, after(NOW, MINUTE), after(NOW, MINUTE));
      await expect(database.items.upsert([{ ...entry, entryHash: 'entry-hash-2' }])).resolves.toEqual([{ id, inserted: false }]);
      await expect(database.items.findById(id)).resolves.toMatchObject({ entryHash: 'entry-hash-2', indexedAt: after(NOW, MINUTE) });
    });

    it('keeps what the article page gave when the feed gives the entry again', async () => {
      const source = await database.sources.create(newSource(), NOW);
      const entry = newItem(source.id, 'trang', NOW);
      const [{ id }] = await database.items.upsert([entry]);
      await database.items.enrich(id, { ...enrichment(null), byline: 'Phóng viên', canonicalUrl: 'https://nguon.example.vn/bai-goc' }, after(NOW, MINUTE));
      await database.items.upsert([{ ...entry, title: 'Tiêu đề mới', entryHash: 'entry-trang-2' }]);
      await expect(database.items.findById(id)).resolves.toMatchObject({
        title: 'Tiêu đề mới',
        byline: 'Phóng viên',
        canonicalUrl: 'https://nguon.example.vn/bai-goc',
        enrichedAt: after(NOW, MINUTE),
      });
    });

    it("keeps the page's dates when the feed gives the entry again without any", async () => {
      const source = await database.sources.create(newSource(), NOW);
      const entry = newItem(source.id, 'khong-ngay', NOW, { publishedAt: null, updatedAt: null });
      const [{ id }] = await database.items.upsert([entry]);
      const fromPage = { ...enrichment(null), publishedAt: after(NOW, -3 * HOUR), updatedAt: after(NOW, -HOUR) };
      await database.items.enrich(id, fromPage, after(NOW, MINUTE));
      await database.items.upsert([{ ...entry, title: 'Tiêu đề đã sửa', entryHash: 'entry-khong-ngay-2' }]);
      await expect(database.items.findById(id)).resolves.toMatchObject({ title: 'Tiêu đề đã sửa', publishedAt: after(NOW, -3 * HOUR), updatedAt: after(NOW, -HOUR) });
      // A date the feed does give still wins.
      await database.items.upsert([{ ...entry, publishedAt: after(NOW, -2 * HOUR), entryHash: 'entry-khong-ngay-3' }]);
      await expect(database.items.findById(id)).resolves.toMatchObject({ publishedAt: after(NOW, -2 * HOUR), updatedAt: after(NOW, -HOUR) });
    });

    it('dedupes on the guid when the entry has one, whatever its URL becomes', async () => {
      const source = await database.sources.create(newSource(), NOW);
      const entry = newItem(source.id, 'guid', NOW, { guid: 'urn:bai:42', url: 'https://nguon.example.vn/bai-42' });
      const [{ id }] = await database.items.upsert([entry]);
      const moved = { ...entry, url: 'https://nguon.example.vn/2026/11/bai-42', canonicalUrl: 'https://nguon.example.vn/2026/11/bai-42', entryHash: 'entry-guid-2' };
      await expect(database.items.upsert([moved])).resolves.toEqual([{ id, inserted: false }]);
      await expect(storedRows(source.id)).resolves.toMatchObject([{ id, dedupe_key: 'urn:bai:42', url: 'https://nguon.example.vn/2026/11/bai-42' }]);
    });

    it('dedupes on the URL when the entry has no guid', async () => {
      const source = await database.sources.create(newSource(), NOW);
      const url = 'https://nguon.example.vn/khong-guid';
      const entry = newItem(source.id, 'url', NOW, { guid: null, url });
      const [{ id }] = await database.items.upsert([entry]);
      await database.items.upsert([{ ...entry, title: 'Sửa tiêu đề', entryHash: 'entry-url-2' }]);
      await expect(storedRows(source.id)).resolves.toMatchObject([{ id, dedupe_key: url, title: 'Sửa tiêu đề' }]);
      // The same URL under a guid is another entry.
      await database.items.upsert([newItem(source.id, 'url-guid', NOW, { guid: 'urn:co-guid', url })]);
      await expect(storedRows(source.id)).resolves.toHaveLength(2);
    });

    it('dedupes per source: the same entry from two sources is two items', async () => {
      const [first, second] = [await database.sources.create(newSource(), NOW), await database.sources.create(newSource(), NOW)];
      const [a] = await database.items.upsert([newItem(first.id, 'chung', NOW)]);
      const [b] = await database.items.upsert([newItem(second.id, 'chung', NOW)]);
      expect(a.id).not.toBe(b.id);
      expect(b.inserted).toBe(true);
    });

    it('stores batches larger than one statement takes (1,500 entries) once each', async () => {
      const source = await database.sources.create(newSource(), NOW);
      const batch = Array.from({ length: 1_500 }, (_, n) => newItem(source.id, `lon-${n}`, after(NOW, -n * MINUTE)));
      const stored = await database.items.upsert(batch);
      expect(stored).toHaveLength(1_500);
      expect(new Set(stored.map((item) => item.id)).size).toBe(1_500);
      await expect(database.items.upsert(batch)).resolves.toEqual([]);
      const [{ count }]: { count: number }[] = await database.db.query('SELECT count(*)::int AS count FROM items WHERE source_id = $1', [source.id]);
      expect(count).toBe(1_500);
    });
  });

  describe('what a poll looks up before converting', () => {
    it('answers the stored entry hash of each known key, and nothing for unknown ones', async () => {
      const source = await database.sources.create(newSource(), NOW);
      await database.items.upsert([newItem(source.id, 'a', NOW), newItem(source.id, 'b', NOW, { entryHash: null })]);
      const hashes = await database.items.entryHashes(source.id, ['urn:vigil-test:a', 'urn:vigil-test:b', 'urn:vigil-test:c']);
      expect(hashes).toEqual(new Map([['urn:vigil-test:a', 'entry-a'], ['urn:vigil-test:b', null]]));
      await expect(database.items.existingDedupeKeys(source.id, ['urn:vigil-test:a', 'urn:vigil-test:c'])).resolves.toEqual(new Set(['urn:vigil-test:a']));
    });

    it('tells exact copies of another item apart from an item re-polled unchanged', async () => {
      const [origin, copier] = [await database.sources.create(newSource(), NOW), await database.sources.create(newSource(), NOW)];
      const contentHash = `copy-${origin.id}`;
      await database.items.upsert([newItem(origin.id, 'goc', NOW, { contentHash })]);
      const copies = await database.items.exactCopies(copier.id, [
        { dedupeKey: 'urn:vigil-test:chep', contentHash },
        { dedupeKey: 'urn:vigil-test:rieng', contentHash: `own-${copier.id}` },
      ]);
      expect(copies).toEqual(new Set(['urn:vigil-test:chep']));
      // Its own stored row is not a copy of itself.
      await expect(database.items.exactCopies(origin.id, [{ dedupeKey: 'urn:vigil-test:goc', contentHash }])).resolves.toEqual(new Set());
    });

    it('looks copies up through the content hash index, not by reading every item, even before any statistics', async () => {
      const source = await database.sources.create(newSource(), NOW);
      // Enough never-analysed rows that the planner used to hash the whole table for every poll's lookup.
      await database.items.upsert(Array.from({ length: 2000 }, (_, index) => newItem(source.id, `bang-${index}`, NOW, { contentHash: `bang-${source.id}-${index}` })));
      const sent: { sql: string; parameters: unknown[] }[] = [];
      const table = database.db.getRepository(ItemEntity);
      const recorded = Object.assign(Object.create(table) as typeof table, {
        query: (sql: string, parameters: unknown[]) => {
          sent.push({ sql, parameters });
          return table.query(sql, parameters);
        },
      });
      const copier = await database.sources.create(newSource(), NOW);
      const candidates = Array.from({ length: 50 }, (_, index) => ({ dedupeKey: `urn:vigil-test:chep-${index}`, contentHash: `bang-${source.id}-${index * 7}` }));
      await expect(new ItemsRepository(recorded).exactCopies(copier.id, candidates)).resolves.toEqual(new Set(candidates.map((candidate) => candidate.dedupeKey)));
      const [lookup] = sent;
      const plan: { 'QUERY PLAN': string }[] = await database.db.query(`EXPLAIN ${lookup!.sql}`, lookup!.parameters);
      const steps = plan.map((row) => row['QUERY PLAN']).join('\n');
      expect(steps).toContain('items_content_hash_idx');
      expect(steps).not.toMatch(/Seq Scan on items|Hash/);
    });
  });

  describe('story linking', () => {
    async function enrichedItem(sourceId: string, key: string, fetchedAt: Date, bands: number[] | null): Promise<string> {
      const [{ id }] = await database.items.upsert([newItem(sourceId, key, fetchedAt)]);
      await database.items.enrich(id, enrichment(bands), fetchedAt);
      return id;
    }

    it('finds recent items sharing a fingerprint band, oldest first, not the item itself', async () => {
      const source = await database.sources.create(newSource(), NOW);
      const [a, b, c, d] = freshBands();
      const newer = await enrichedItem(source.id, 'moi', after(NOW, -1 * HOUR), [a, 9000 + a, 9000 + b, 9000 + c]);
      const older = await enrichedItem(source.id, 'cu', after(NOW, -5 * HOUR), [9100 + a, b, 9100 + c, 9100 + d]);
      const me = await enrichedItem(source.id, 'toi', NOW, [a, b, c, d]);
      await enrichedItem(source.id, 'khac', after(NOW, -2 * HOUR), [9200 + a, 9200 + b, 9200 + c, 9200 + d]);
      const candidates = await database.items.findStoryCandidates([a, b, c, d], after(NOW, -DAY), me);
      expect(candidates.map((item) => item.id)).toEqual([older, newer]);
    });

    it('leaves out items fetched before the window', async () => {
      const source = await database.sources.create(newSource(), NOW);
      const bands = freshBands();
      await enrichedItem(source.id, 'xua', after(NOW, -3 * DAY), bands);
      const recent = await enrichedItem(source.id, 'gan', after(NOW, -2 * HOUR), bands);
      const me = await enrichedItem(source.id, 'toi', NOW, bands);
      const candidates = await database.items.findStoryCandidates(bands, after(NOW, -2 * DAY), me);
      expect(candidates.map((item) => item.id)).toEqual([recent]);
    });

    it('creates a story, assigns items to it and lists them oldest first', async () => {
      const [first, second] = [await database.sources.create(newSource(), NOW), await database.sources.create(newSource(), NOW)];
      const earliest = await enrichedItem(first.id, 'dau', after(NOW, -3 * HOUR), freshBands());
      const copy = await enrichedItem(second.id, 'sau', after(NOW, -1 * HOUR), freshBands());
      const story = await database.evidence.createStory({ title: 'Tin đồn nước nhiễm bẩn', firstSourceId: first.id, firstSeenAt: after(NOW, -3 * HOUR) });
      expect(story).toMatchObject({ id: expect.any(String), title: 'Tin đồn nước nhiễm bẩn', firstSourceId: first.id });
      await database.items.assignStory([copy, earliest], story.id);
      const members = await database.items.findStoryItems(story.id);
      expect(members.map((item) => [item.id, item.storyId])).toEqual([
        [earliest, story.id],
        [copy, story.id],
      ]);
    });

    it('links a new item to an existing story through its enrichment', async () => {
      const source = await database.sources.create(newSource(), NOW);
      const first = await enrichedItem(source.id, 'goc', after(NOW, -1 * HOUR), freshBands());
      const story = await database.evidence.createStory({ title: 'Một câu chuyện', firstSourceId: source.id, firstSeenAt: after(NOW, -1 * HOUR) });
      await database.items.assignStory([first], story.id);
      const [{ id }] = await database.items.upsert([newItem(source.id, 'lien', NOW)]);
      await database.items.enrich(id, enrichment(freshBands(), story.id), NOW);
      await expect(database.items.findStoryItems(story.id)).resolves.toMatchObject([{ id: first }, { id }]);
      // Assigning nothing is allowed and changes nothing.
      await database.items.assignStory([], story.id);
      await expect(database.items.findStoryItems(story.id)).resolves.toHaveLength(2);
    });
  });

  describe('a rebuild of the search index', () => {
    it('marks the rows it copied indexed, but not a row written after it was read', async () => {
      const source = await database.sources.create(newSource(), NOW);
      const stored = await database.items.upsert([newItem(source.id, 'sao-chep-1', NOW), newItem(source.id, 'sao-chep-2', NOW)]);
      for (const { id } of stored) await database.items.enrich(id, enrichment(null), after(NOW, MINUTE));
      const ids = new Set(stored.map((row) => row.id));
      const page = (await database.items.indexableAfter(null, 100_000)).filter(({ item }) => ids.has(item.id));
      expect(page).toHaveLength(2);
      const rewritten = page.find(({ item }) => item.dedupeKey.endsWith('sao-chep-2'));
      const copied = page.find(({ item }) => item.dedupeKey.endsWith('sao-chep-1'));
      // A poll stores a new version of the second item after the copy read it: it is back in the outbox.
      await database.items.upsert([newItem(source.id, 'sao-chep-2', NOW, { title: 'Tiêu đề đã sửa', entryHash: 'entry-sao-chep-2-v2' })]);
      await database.items.markCopied(page.map(({ item, rowVersion }) => ({ id: item.id, rowVersion })), after(NOW, 2 * MINUTE));
      const unindexed = await database.items.findUnindexed(source.id, 10);
      expect(unindexed.map((item) => item.id)).toEqual([rewritten!.item.id]);
      expect((await database.items.findById(copied!.item.id))?.indexedAt).toEqual(after(NOW, 2 * MINUTE));
    });
  });
});
