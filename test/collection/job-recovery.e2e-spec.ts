import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { jest } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { CollectionWorkerModule } from '@vigil/collection';
import { ConfigModule, loadConfig } from '@vigil/config';
import { DetectionModule } from '@vigil/detection';
import { CLOCK, type Clock } from '@vigil/domain';
import { EvidenceRepository, ItemsRepository, type NewItem, PersistenceModule, type SourceEntity, SourcesRepository } from '@vigil/persistence';
import { QueueModule } from '@vigil/queue';
import { SearchModule } from '@vigil/search';
import { prepareTestEnvironment, type TestEnvironment, waitFor } from '@vigil/testing';
import { articlePage, healthyBriefs, rss2 } from '../fixtures/collection';
import { CollectionFixtureServer } from './support/collection-fixture-server';
import { PIPELINE_TIMEOUT_MS } from './support/collection-harness';

/** Real time, plus whatever the spec skips ahead: due times minutes away arrive at once. */
class ShiftableClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

/** The collection worker alone (no HTTP), on the mode's database and queue, with its repositories at hand. */
interface Worker {
  app: INestApplicationContext;
  clock: ShiftableClock;
  sources: SourcesRepository;
  items: ItemsRepository;
  evidence: EvidenceRepository;
  close(): Promise<void>;
}

async function startWorker(extraEnv: Record<string, string> = {}, beforeStart: (app: INestApplicationContext) => void = () => {}): Promise<Worker> {
  const environment: TestEnvironment = await prepareTestEnvironment({
    VIGIL_FETCH_ALLOWLIST: '127.0.0.1',
    VIGIL_SCHEDULER_TICK_SEC: '1',
    VIGIL_HOST_INTERVAL_MS: '0',
    ...extraEnv,
  });
  console.log(`Collection worker on ${environment.describe}`);
  const clock = new ShiftableClock();
  const moduleRef = await Test.createTestingModule({
    imports: [ConfigModule.forRoot(loadConfig(environment.env)), PersistenceModule.forRoot(), QueueModule, SearchModule, DetectionModule, CollectionWorkerModule],
  })
    .overrideProvider(CLOCK)
    .useValue(clock)
    .compile();
  moduleRef.useLogger(false);
  beforeStart(moduleRef);
  await moduleRef.init();
  return {
    app: moduleRef,
    clock,
    sources: moduleRef.get(SourcesRepository),
    items: moduleRef.get(ItemsRepository),
    evidence: moduleRef.get(EvidenceRepository),
    close: async () => {
      await moduleRef.close();
      await environment.cleanup();
    },
  };
}

function addSource(worker: Worker, url: string, changes: Partial<SourceEntity> = {}): Promise<SourceEntity> {
  return worker.sources.create(
    {
      name: 'Nguồn thử',
      url,
      kind: 'rss',
      pollIntervalSec: 600,
      minPollIntervalSec: 60,
      maxPollIntervalSec: 2400,
      languageHint: 'vi',
      weight: 50,
      tags: [],
      paused: false,
      listing: null,
      ...changes,
    },
    worker.clock.now(),
  );
}

describe('Collection jobs: failures, caps and recovery', () => {
  let site: CollectionFixtureServer;
  let worker: Worker | undefined;

  beforeAll(async () => {
    site = new CollectionFixtureServer();
    await site.start();
  });

  afterEach(async () => {
    await worker?.close();
    worker = undefined;
  });

  afterAll(() => site?.stop());

  it('polls a source whose collect job failed for good again at its next due time', async () => {
    const briefs = healthyBriefs('lỗi ghi', 2);
    const feedPath = '/loi-ghi/rss.xml';
    const entries = briefs.map((brief, index) => ({ title: brief.title, link: site.page(`/loi-ghi/bai-${index + 1}.html`, articlePage(brief)), summary: brief.paragraphs[0] }));
    site.feed(feedPath, rss2({ title: 'Lỗi ghi', link: site.url('/') }, entries));
    const feedFetches = () => site.requests.filter((request) => request.path === feedPath).length;
    // The database refuses to record the poll's success on every attempt of the first job (3 attempts).
    worker = await startWorker({}, (app) => {
      jest
        .spyOn(app.get(SourcesRepository), 'recordSuccess')
        .mockRejectedValueOnce(new Error('could not write the poll result'))
        .mockRejectedValueOnce(new Error('could not write the poll result'))
        .mockRejectedValueOnce(new Error('could not write the poll result'));
    });
    const source = await addSource(worker, site.url(feedPath));
    const w = worker;

    const failed = await waitFor('the poll to fail for good', async () => {
      const seen = await w.sources.findById(source.id);
      return seen?.lastError ? seen : undefined;
    }, PIPELINE_TIMEOUT_MS);
    expect(failed.lastError).toContain('could not write the poll result');
    expect(feedFetches()).toBe(3);
    // Backed off, not due at every tick: nothing is fetched while the next due time is ahead.
    expect(failed.nextFetchAt.getTime()).toBeGreaterThan(w.clock.now().getTime() + 10 * 60_000);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(feedFetches()).toBe(3);

    w.clock.advance(failed.nextFetchAt.getTime() - w.clock.now().getTime() + 1000);
    const recovered = await waitFor('the source to be polled again at its next due time', async () => {
      const seen = await w.sources.findById(source.id);
      return seen?.lastSuccessAt ? seen : undefined;
    }, PIPELINE_TIMEOUT_MS);
    expect(feedFetches()).toBe(4);
    expect(recovered.lastError).toBeNull();
    const keys = await w.items.existingDedupeKeys(source.id, entries.map((entry) => entry.link));
    expect(keys.size).toBe(2);
  });

  it('stores at most VIGIL_POLL_MAX_NEW_ITEMS new items per poll, newest first, and the rest at the next polls', async () => {
    const feedPath = '/nhieu-tin/rss.xml';
    const start = Date.parse('2026-11-20T00:00:00Z');
    const entries = Array.from({ length: 7 }, (_, index) => ({
      title: `Tin số ${index + 1} về mùa nước nổi`,
      link: site.url(`/nhieu-tin/tin-${index + 1}.html`),
      guid: `nhieu-tin-${index + 1}`,
      published: new Date(start + index * 3_600_000).toUTCString(),
      summary: `Tóm tắt tin số ${index + 1} về mùa nước nổi ở đồng bằng.`,
    }));
    site.feed(feedPath, rss2({ title: 'Nhiều tin', link: site.url('/') }, entries));
    worker = await startWorker({ VIGIL_POLL_MAX_NEW_ITEMS: '3' });
    const w = worker;
    const source = await addSource(w, site.url(feedPath));
    const stored = async () => w.items.existingDedupeKeys(source.id, entries.map((entry) => entry.guid));

    const afterPoll = async (count: number) => {
      const keys = await waitFor(`${count} stored items`, async () => ((await stored()).size >= count ? stored() : undefined), PIPELINE_TIMEOUT_MS);
      // The poll records its outcome (the next due time) after storing and matching its items.
      const seen = await waitFor('the poll to be recorded', async () => {
        const current = (await w.sources.findById(source.id))!;
        return current.lastFetchedAt && current.nextFetchAt ? current : undefined;
      });
      return { keys, seen };
    };
    const first = await afterPoll(3);
    expect([...first.keys].sort()).toEqual(['nhieu-tin-5', 'nhieu-tin-6', 'nhieu-tin-7']);
    // The rest are due at the source's shortest interval, fetched unconditionally (a 304 would hide them).
    expect(first.seen.nextFetchAt.getTime() - first.seen.lastFetchedAt!.getTime()).toBe(60_000);
    expect(first.seen.etag).toBeNull();

    w.clock.advance(61_000);
    expect((await afterPoll(6)).keys.size).toBe(6);
    w.clock.advance(61_000);
    const last = await afterPoll(7);
    expect(last.keys.size).toBe(7);
  });

  it('enriches items whose jobs were lost (a crash after storing them), found by the outbox sweep', async () => {
    worker = await startWorker({ VIGIL_OUTBOX_SWEEP_SEC: '1' });
    const w = worker;
    // Paused: no poll runs, so only the sweep can find these items.
    const source = await addSource(w, site.url('/mat-viec/rss.xml'), { paused: true });
    const briefs = healthyBriefs('mất việc', 3);
    const stored = await w.items.upsert(
      briefs.map((brief, index) => newItem(source.id, site.page(`/mat-viec/bai-${index + 1}.html`, articlePage(brief)), brief.title, w.clock.now())),
    );
    expect(stored).toHaveLength(3);
    for (const { id } of stored) {
      await waitFor(`item ${id} to be enriched by the sweep`, async () => ((await w.items.findById(id))?.enrichedAt ? true : undefined), PIPELINE_TIMEOUT_MS);
      expect(await w.evidence.latestSnapshot(id)).not.toBeNull();
    }
  });

  it('finishes an item whose page a crashed attempt archived from the archived bytes, without fetching the page again', async () => {
    worker = await startWorker({ VIGIL_OUTBOX_SWEEP_SEC: '1' });
    const w = worker;
    const source = await addSource(w, site.url('/da-luu/rss.xml'), { paused: true });
    const [brief] = healthyBriefs('đã lưu', 1);
    const html = articlePage(brief!);
    const pagePath = '/da-luu/bai-1.html';
    const [item] = await w.items.upsert([newItem(source.id, site.page(pagePath, html), brief!.title, w.clock.now())]);
    // What the killed attempt left behind: the snapshot committed, the extraction not yet stored.
    await w.evidence.addSnapshot({
      itemId: item!.id,
      fetchedAt: w.clock.now(),
      httpStatus: 200,
      finalUrl: site.url(pagePath),
      contentType: 'text/html; charset=utf-8',
      contentHash: createHash('sha256').update(html).digest('hex'),
      textHash: 'left-by-the-crashed-attempt',
      bodyGzip: gzipSync(html),
    });

    const enriched = await waitFor('the item to be enriched by the sweep', async () => {
      const seen = await w.items.findById(item!.id);
      return seen?.enrichedAt ? seen : undefined;
    }, PIPELINE_TIMEOUT_MS);
    expect(enriched.text).toContain(brief!.paragraphs[1]);
    expect(site.requestsTo(pagePath)).toHaveLength(0);
    expect(await w.evidence.listSnapshots(item!.id)).toHaveLength(1);
  });
});

/** An item as a poll stores it, before its page is fetched. */
function newItem(sourceId: string, url: string, title: string, fetchedAt: Date): NewItem {
  return {
    sourceId,
    dedupeKey: url,
    guid: null,
    url,
    title,
    content: '',
    snippet: '',
    publishedAt: null,
    updatedAt: null,
    searchTitle: title.toLowerCase(),
    text: '',
    canonicalUrl: url,
    byline: null,
    imageUrls: [],
    language: 'vi',
    contentHash: null,
    entryHash: null,
    fetchedAt,
    searchText: '',
  };
}
