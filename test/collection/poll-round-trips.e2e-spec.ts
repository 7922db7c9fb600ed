import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { CollectionWorkerModule } from '@vigil/collection';
import { ConfigModule, loadConfig } from '@vigil/config';
import { CLOCK, type Clock } from '@vigil/domain';
import { PersistenceModule, type SourceEntity, SourcesRepository } from '@vigil/persistence';
import { QueueModule } from '@vigil/queue';
import { SearchModule } from '@vigil/search';
import { prepareTestEnvironment, type TestEnvironment, waitFor } from '@vigil/testing';
import { DataSource } from 'typeorm';
import { articlePage, type FeedEntry, healthyBriefs, rss2 } from '../fixtures/collection';
import { CollectionFixtureServer } from './support/collection-fixture-server';
import { PIPELINE_TIMEOUT_MS } from './support/collection-harness';

/** Real time, plus whatever the spec skips ahead: a poll minutes away arrives at once. */
class ShiftableClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

// Test-only: a trigger in the spec's own database records every row version written to items. A write that only
// sets story_id is not the item's own: a later item found it similar and formed a story around the two (these briefs
// share a template, so they cluster).
const COUNT_ITEM_WRITES = [
  `CREATE TABLE spec_item_writes (item_id uuid NOT NULL, op text NOT NULL)`,
  `CREATE FUNCTION spec_record_item_write() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF TG_OP = 'UPDATE' AND to_jsonb(OLD) - 'story_id' = to_jsonb(NEW) - 'story_id' THEN RETURN NEW; END IF;
       INSERT INTO spec_item_writes VALUES (NEW.id, TG_OP); RETURN NEW;
     END $$`,
  `CREATE TRIGGER spec_item_writes AFTER INSERT OR UPDATE ON items FOR EACH ROW EXECUTE FUNCTION spec_record_item_write()`,
];

describe('Collection round trips: what a poll writes', () => {
  let site: CollectionFixtureServer;
  let environment: TestEnvironment;
  let app: INestApplicationContext;
  let database: DataSource;
  let sources: SourcesRepository;
  const clock = new ShiftableClock();

  beforeAll(async () => {
    site = new CollectionFixtureServer();
    await site.start();
    environment = await prepareTestEnvironment({ VIGIL_FETCH_ALLOWLIST: '127.0.0.1', VIGIL_SCHEDULER_TICK_SEC: '1', VIGIL_HOST_INTERVAL_MS: '0' });
    console.log(`Collection worker on ${environment.describe}`);
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(loadConfig(environment.env)), PersistenceModule.forRoot(), QueueModule, SearchModule, CollectionWorkerModule],
    })
      .overrideProvider(CLOCK)
      .useValue(clock)
      .compile();
    moduleRef.useLogger(false);
    await moduleRef.init();
    app = moduleRef;
    // After the migrations; before any source exists, so no item is written uncounted.
    database = moduleRef.get(DataSource);
    for (const statement of COUNT_ITEM_WRITES) await database.query(statement);
    sources = moduleRef.get(SourcesRepository);
  });

  afterAll(async () => {
    await app?.close();
    await environment?.cleanup();
    await site?.stop();
  });

  /** Row versions written per item of the source: INSERTs and UPDATEs. */
  async function writesPerItem(sourceId: string): Promise<Map<string, { inserts: number; updates: number }>> {
    const rows: { id: string; inserts: number; updates: number }[] = await database.query(
      `SELECT items.id, count(*) FILTER (WHERE op = 'INSERT')::int AS inserts, count(*) FILTER (WHERE op = 'UPDATE')::int AS updates
         FROM items JOIN spec_item_writes ON spec_item_writes.item_id = items.id
        WHERE items.source_id = $1 GROUP BY items.id`,
      [sourceId],
    );
    return new Map(rows.map((row) => [row.id, { inserts: row.inserts, updates: row.updates }]));
  }

  /** Makes the source due and waits until it has been polled again (its success recorded after everything it stored). */
  async function pollAgain(source: SourceEntity): Promise<void> {
    const before = (await sources.findById(source.id))!;
    clock.advance(before.nextFetchAt.getTime() - clock.now().getTime() + 1000);
    await waitFor('the source to be polled again', async () => {
      const seen = await sources.findById(source.id);
      return seen && seen.lastSuccessAt && seen.lastSuccessAt > before.lastSuccessAt! ? true : undefined;
    }, PIPELINE_TIMEOUT_MS);
  }

  it('writes each item twice on its way to searchable, nothing on an unchanged re-poll, and once per changed entry', async () => {
    const briefs = healthyBriefs('vòng lặp', 3);
    const entries: FeedEntry[] = briefs.map((brief, index) => ({
      title: brief.title,
      link: site.page(`/vong-lap/bai-${index + 1}.html`, articlePage(brief)),
      guid: `vong-lap-${index + 1}`,
      published: new Date(Date.UTC(2026, 10, 20, index)).toUTCString(),
      summary: brief.paragraphs[0],
    }));
    const feedPath = '/vong-lap/rss.xml';
    // Served without validators: every poll fetches and parses the whole feed, none is answered 304.
    site.feed(feedPath, rss2({ title: 'Vòng lặp', link: site.url('/') }, entries));
    const source = await sources.create(
      { name: 'Vòng lặp', url: site.url(feedPath), kind: 'rss', pollIntervalSec: 600, minPollIntervalSec: 60, maxPollIntervalSec: 2400, languageHint: 'vi', weight: 50, tags: [], paused: false, listing: null },
      clock.now(),
    );

    const enriched = await waitFor('3 items enriched from their pages', async () => {
      const rows: { id: string; dedupe_key: string }[] = await database.query('SELECT id, dedupe_key FROM items WHERE source_id = $1 AND enriched_at IS NOT NULL', [source.id]);
      return rows.length === 3 ? rows : undefined;
    }, PIPELINE_TIMEOUT_MS);
    await waitFor('the first poll to be recorded', async () => ((await sources.findById(source.id))?.lastSuccessAt ? true : undefined), PIPELINE_TIMEOUT_MS);
    const afterFirst = await writesPerItem(source.id);
    // Inserted by the poll, then enriched: no separate write marks an item indexed.
    expect([...afterFirst.values()]).toEqual([1, 2, 3].map(() => ({ inserts: 1, updates: 1 })));

    await pollAgain(source);
    expect(await writesPerItem(source.id)).toEqual(afterFirst);
    expect(site.requestsTo(feedPath).length).toBe(2);

    const edited = entries.map((entry, index) => (index === 1 ? { ...entry, summary: `${entry.summary} Cập nhật: thêm một buổi đối thoại.` } : entry));
    site.feed(feedPath, rss2({ title: 'Vòng lặp', link: site.url('/') }, edited));
    await pollAgain(source);
    const afterEdit = await writesPerItem(source.id);
    const editedId = enriched.find((row) => row.dedupe_key === 'vong-lap-2')!.id;
    for (const [id, writes] of afterEdit) {
      expect(writes).toEqual({ inserts: 1, updates: id === editedId ? 2 : 1 });
    }
    const [{ content }]: { content: string }[] = await database.query('SELECT content FROM items WHERE id = $1', [editedId]);
    expect(content).toContain('Cập nhật: thêm một buổi đối thoại.');
  });
});
