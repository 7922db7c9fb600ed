import { ENTITIES, ItemEntity, ItemsRepository, MIGRATIONS, SourceActivityRepository } from '@vigil/persistence';
import { PostgresSearchEngine } from '@vigil/search';
import { openTestDatabase, seedSyntheticItems, type TestDatabase } from '@vigil/testing';
import { DataSource, type Logger } from 'typeorm';

const ROWS = 100_000;
const NOW = new Date('2026-11-26T12:00:00Z');
const WEEK_AGO = new Date(NOW.getTime() - 7 * 86_400_000);
const SEQUENTIAL_SCAN = /Seq Scan on (items|item_search)\b/;

interface RecordedQuery {
  sql: string;
  parameters: unknown[];
}

/** Records the statements the repository sends, so each can be EXPLAINed exactly as it ran. */
class QueryRecorder implements Logger {
  private recorded: RecordedQuery[] | null = null;

  async during(work: () => Promise<unknown>): Promise<RecordedQuery[]> {
    this.recorded = [];
    try {
      await work();
      return this.recorded;
    } finally {
      this.recorded = null;
    }
  }

  logQuery(sql: string, parameters?: unknown[]): void {
    // TypeORM also sends transaction control and the like; only reads are planned.
    if (this.recorded && /^\s*(SELECT|WITH)\b/i.test(sql)) this.recorded.push({ sql, parameters: parameters ?? [] });
  }

  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

describe(`Item queries at ${ROWS.toLocaleString('en')} items`, () => {
  const recorder = new QueryRecorder();
  let database: TestDatabase;
  let db: DataSource;
  let items: ItemsRepository;
  let activity: SourceActivityRepository;
  let engine: PostgresSearchEngine;
  let sourceIds: string[];

  beforeAll(async () => {
    database = await openTestDatabase();
    console.log(`Query plans on ${database.describe}`);
    db = new DataSource({ type: 'postgres', ...database.connection, entities: ENTITIES, migrations: MIGRATIONS, logger: recorder, extra: { max: 1 } });
    await db.initialize();
    await db.runMigrations({ transaction: 'each' });
    ({ sourceIds } = await seedSyntheticItems(db, ROWS, { now: NOW }));
    // Plans depend on statistics; autovacuum would gather them soon after a real bulk load too.
    await db.query('ANALYZE items, item_search');
    items = new ItemsRepository(db.getRepository(ItemEntity));
    activity = new SourceActivityRepository(db.getRepository(ItemEntity));
    engine = new PostgresSearchEngine(items);
  }, 600_000);

  afterAll(async () => {
    await db?.destroy();
    await database?.close();
  });

  async function plansOf(work: () => Promise<unknown>): Promise<string[]> {
    const queries = await recorder.during(work);
    expect(queries.length).toBeGreaterThan(0);
    const plans: string[] = [];
    for (const query of queries) {
      const rows: { 'QUERY PLAN': string }[] = await db.query(`EXPLAIN ${query.sql}`, query.parameters);
      plans.push([query.sql.replace(/\s+/g, ' ').trim(), ...rows.map((row) => row['QUERY PLAN'])].join('\n'));
    }
    return plans;
  }

  const hotQueries: [string, () => Promise<unknown>][] = [
    ['a one-word folded search by relevance', () => engine.search({ q: 'thong', limit: 20, offset: 0 })],
    ['a two-word accented search by relevance', () => engine.search({ q: 'Thông tin', limit: 20, offset: 0 })],
    ['a three-word search by relevance', () => engine.search({ q: 'thong tin sai', limit: 20, offset: 0 })],
    ['a rare three-word search', () => engine.search({ q: 'khẩu cảng container', limit: 20, offset: 0 })],
    ['an English search matching stems', () => engine.search({ q: 'rejecting claims', limit: 20, offset: 0 })],
    ['a two-word search newest first', () => engine.search({ q: 'hoà giải', sort: 'newest', limit: 20, offset: 0 })],
    ['a search within one source by relevance', () => engine.search({ q: 'tin', sourceId: sourceIds[3], limit: 20, offset: 0 })],
    ['a search within one source newest first', () => engine.search({ q: 'lũ lụt', sourceId: sourceIds[3], sort: 'newest', limit: 20, offset: 0 })],
    ['a deep page of a search', () => engine.search({ q: 'nước', limit: 20, offset: 2_000 })],
    ['an accented search in one language within a week', () => engine.search({ q: 'vỡ đê', language: 'vi', from: WEEK_AGO, to: NOW, limit: 20, offset: 0 })],
    ['a search with its facets', () => engine.search({ q: 'thong tin', limit: 20, offset: 0, facets: true })],
    ['a phrase, an OR and an exclusion', () => engine.search({ q: '"thông tin" OR "hoà giải" -lũ', limit: 20, offset: 0 })],
    ['a relevance page after a cursor', async () => engine.search({ q: 'nước', limit: 20, offset: 20, after: (await engine.search({ q: 'nước', limit: 20, offset: 0 })).next! })],
    ['a newest-first page after a cursor', async () => engine.search({ q: 'nước', sort: 'newest', limit: 20, offset: 20, after: (await engine.search({ q: 'nước', sort: 'newest', limit: 20, offset: 0 })).next! })],
    ['the newest items with their facets', () => items.listRecent({ limit: 20, offset: 0, facets: true })],
    ['the newest items after a cursor', async () => items.listRecent({ limit: 20, offset: 20, after: (await items.listRecent({ limit: 20, offset: 0 })).next! })],
    ['the newest items', () => items.listRecent({ limit: 20, offset: 0 })],
    ['the newest English items of a week', () => items.listRecent({ language: 'en', from: WEEK_AGO, to: NOW, limit: 20, offset: 0 })],
    ['the newest items of one source', () => items.listRecent({ sourceId: sourceIds[5], limit: 20, offset: 0 })],
    ['a deep page of the newest items', () => items.listRecent({ limit: 20, offset: 5_000 })],
    ['the sources health sparkline', () => activity.dailyCounts(sourceIds, NOW, 14)],
    ['the sources publishing rhythm', () => activity.publishingRhythm(sourceIds, NOW)],
  ];

  it.each(hotQueries)('plans %s without a sequential scan over items or their search rows', async (_name, run) => {
    for (const plan of await plansOf(run)) expect(plan).not.toMatch(SEQUENTIAL_SCAN);
  });

  it('reads candidates from the narrow search rows, and item rows only for the ranked few', async () => {
    for (const plan of await plansOf(() => engine.search({ q: 'Thông tin', limit: 20, offset: 0 }))) {
      const [sql] = plan.split('\n');
      expect(sql).toMatch(/candidate AS MATERIALIZED \( SELECT id, source_id, language, published_at, fetched_at, ctid AS search_row FROM item_search WHERE search_vector @@/);
      expect(sql).toMatch(/\) AS newest JOIN item_search search ON search\.ctid = newest\.search_row JOIN items ON items\.id = newest\.id\)/);
    }
  });

  it('bounds the trigram near-miss fallback, which may scan only until it has its candidates', async () => {
    // Synthetic titles share most trigrams, so the planner may rightly read ~1% of the table rather than the
    // trigram index; a Limit directly above the scan keeps that bounded.
    for (const plan of await plansOf(() => engine.search({ q: 'thongtin sailech', limit: 20, offset: 0 }))) {
      const lines = plan.split('\n');
      lines.forEach((line, index) => {
        if (SEQUENTIAL_SCAN.test(line)) expect(lines[index - 1]).toMatch(/->\s+Limit\b/);
      });
    }
  });

  it('answers a misspelt query the same way every time, so its pages follow on from each other', async () => {
    // The near-miss scan stops at its candidates: were it to start where the last scan of the table stopped
    // (PostgreSQL's synchronized scans), each call would find other candidates.
    const first = await engine.search({ q: 'thongtin sailech', limit: 20, offset: 0 });
    expect(first.ids.length).toBeGreaterThan(0);
    for (let call = 0; call < 4; call += 1) await expect(engine.search({ q: 'thongtin sailech', limit: 20, offset: 0 })).resolves.toEqual(first);
    const all = await engine.search({ q: 'thongtin sailech', limit: 40, offset: 0 });
    const second = await engine.search({ q: 'thongtin sailech', limit: 20, offset: 20 });
    expect([...first.ids, ...second.ids]).toEqual(all.ids.slice(0, first.ids.length + second.ids.length));
  });

  it('counts exactly up to 1,000 matches and says "at least" beyond', async () => {
    await expect(engine.search({ q: 'tin', limit: 20, offset: 0 })).resolves.toMatchObject({ total: 1_000, totalIsEstimate: true });
    await expect(items.listRecent({ limit: 20, offset: 0 })).resolves.toMatchObject({ total: 1_000, totalIsEstimate: true });
    const rare = await engine.search({ q: 'khẩu cảng container', limit: 100, offset: 0 });
    expect(rare).toMatchObject({ totalIsEstimate: false });
    expect(rare.total).toBeGreaterThan(0);
    expect(rare.total).toBeLessThan(1_000);
  });

  it('asks for trigram near-misses only when full text finds almost nothing', async () => {
    const common = await recorder.during(() => engine.search({ q: 'thong tin', limit: 20, offset: 0 }));
    expect(common.map((query) => query.sql)).not.toContainEqual(expect.stringContaining('search_title %'));
    const misspelt = await recorder.during(() => engine.search({ q: 'thongtin sailech', limit: 20, offset: 0 }));
    expect(misspelt.map((query) => query.sql)).toContainEqual(expect.stringContaining('search_title %'));
  });

  it('finds the same items whatever diacritics or tone-mark placement is typed', async () => {
    const oldStyle = await engine.search({ q: 'hoà giải', sort: 'newest', limit: 50, offset: 0 });
    expect(oldStyle.ids.length).toBe(50);
    await expect(engine.search({ q: 'hòa giải', sort: 'newest', limit: 50, offset: 0 })).resolves.toEqual(oldStyle);
    await expect(engine.search({ q: 'hoa giai', sort: 'newest', limit: 50, offset: 0 })).resolves.toEqual(oldStyle);
  });

  it('lists newest first and ranks only among matches', async () => {
    const newest = await engine.search({ q: 'lũ lụt', sort: 'newest', limit: 20, offset: 0 });
    const summaries = await items.findSummariesInOrder(newest.ids);
    const dates = summaries.map((item) => item.publishedAt?.getTime() ?? 0);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    const ranked = await engine.search({ q: 'lũ lụt', limit: 20, offset: 0 });
    const rows: { id: string }[] = await db.query(
      `SELECT id FROM item_search WHERE id = ANY($1) AND search_vector @@ to_tsquery('simple', 'lu & lut:*')`,
      [ranked.ids],
    );
    expect(rows).toHaveLength(ranked.ids.length);
  });
});
