import { TEST_EPOCH } from '@vigil/testing';
import { after, MINUTE, newItem, newSource, openRepositories, type RepositoryDatabase } from './support/repository-database';

const NOW = TEST_EPOCH;

/** Search reads item_search, a narrow copy of each item's searched columns: it must follow every write of the item. */
describe('Item search rows on a real database', () => {
  let database: RepositoryDatabase;

  beforeAll(async () => {
    database = await openRepositories();
    console.log(`Repositories on ${database.describe}`);
  }, 120_000);

  afterAll(async () => {
    await database?.close();
  });

  async function searchRow(id: string): Promise<{ search_title: string; matches: boolean; published_at: Date | null; xmin: string } | undefined> {
    const [row] = await database.db.query(
      `SELECT search_title, search_vector @@ to_tsquery('simple', 'cap & nhat') AS matches, published_at, xmin::text AS xmin FROM item_search WHERE id = $1`,
      [id],
    );
    return row;
  }

  it('stores an item\'s search row with the item, follows its edits and enrichment, and goes with it', async () => {
    const source = await database.sources.create(newSource(), NOW);
    const [stored] = await database.items.upsert([newItem(source.id, 'tim-kiem', NOW)]);
    await expect(searchRow(stored!.id)).resolves.toMatchObject({ search_title: 'bác bỏ thông tin sai lệch tim-kiem', matches: false, published_at: NOW });

    const edited = newItem(source.id, 'tim-kiem', NOW, { title: 'Cap nhat: bac bo thong tin', searchTitle: 'cap nhat bac bo thong tin', publishedAt: after(NOW, MINUTE), entryHash: 'entry-sua' });
    await database.items.upsert([edited]);
    await expect(searchRow(stored!.id)).resolves.toMatchObject({ search_title: 'cap nhat bac bo thong tin', matches: true, published_at: after(NOW, MINUTE) });

    await database.items.enrich(stored!.id, {
      title: 'Bộ Y tế bác bỏ tin đồn', searchTitle: 'bo y te bac bo tin don', text: 'Bộ Y tế bác bỏ tin đồn.', searchText: 'bo y te bac bo tin don',
      canonicalUrl: edited.url, byline: null, imageUrls: [], language: 'vi', publishedAt: null, updatedAt: null, fingerprint: null, fingerprintBands: null, storyId: null,
    }, after(NOW, 2 * MINUTE));
    await expect(searchRow(stored!.id)).resolves.toMatchObject({ search_title: 'bo y te bac bo tin don', matches: false });

    await database.db.query('DELETE FROM items WHERE id = $1', [stored!.id]);
    await expect(searchRow(stored!.id)).resolves.toBeUndefined();
  });

  it('gives every new item of a batch its search row in the same statement, and a mixed batch only its new ones', async () => {
    const source = await database.sources.create(newSource(), NOW);
    const known = newItem(source.id, 'da-co', NOW);
    const [first] = await database.items.upsert([known]);
    const before = await searchRow(first!.id);
    const batch = [known, ...['moi-1', 'moi-2', 'moi-3'].map((key) => newItem(source.id, key, NOW, { language: 'en', searchText: `noi dung bai ${key} qxnoi` }))];
    const stored = await database.items.upsert(batch);
    expect(stored).toHaveLength(3);
    // The known item's row is not written again; each new one holds the vector of its folded title (A) and text (B).
    await expect(searchRow(first!.id)).resolves.toEqual(before);
    const rows: { id: string; language: string; same: boolean }[] = await database.db.query(
      `SELECT s.id, s.language,
              s.search_vector = setweight(to_tsvector('simple', i.search_title), 'A') || setweight(to_tsvector('simple', i.search_text), 'B') AS same
         FROM item_search s JOIN items i USING (id) WHERE s.id = ANY($1)`,
      [stored.map((row) => row.id)],
    );
    expect(rows).toHaveLength(3);
    expect(rows.every((row) => row.same && row.language === 'en')).toBe(true);
  });

  it('leaves the search row alone when a write changes nothing searched (an outbox mark)', async () => {
    const source = await database.sources.create(newSource(), NOW);
    const [stored] = await database.items.upsert([newItem(source.id, 'khong-doi', NOW)]);
    const before = await searchRow(stored!.id);
    await database.items.markIndexed([stored!.id], after(NOW, MINUTE));
    await expect(searchRow(stored!.id)).resolves.toEqual(before);
  });
});
