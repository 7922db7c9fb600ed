import { TEST_EPOCH } from '@vigil/testing';
import { after, DAY, HOUR, MINUTE, newItem, newSource, openRepositories, type RepositoryDatabase } from './support/repository-database';

// 2026-11-27 10:00 in Hà Nội (UTC+7): the sparkline's days are Asia/Ho_Chi_Minh calendar days.
const NOW = TEST_EPOCH;
const DAYS = 14;

describe('Source health queries on a real database', () => {
  let database: RepositoryDatabase;

  beforeAll(async () => {
    database = await openRepositories();
  }, 120_000);

  afterAll(async () => {
    await database?.close();
  });

  /** A new source with items first seen at these instants (published when seen unless `published` says otherwise). */
  async function sourceWithItems(seen: Date[], published: (Date | null)[] = seen): Promise<string> {
    const source = await database.sources.create(newSource(), NOW);
    const entries = seen.map((fetchedAt, n) => newItem(source.id, `${source.id}-${n}`, fetchedAt, { publishedAt: published[n] }));
    if (entries.length) await database.items.upsert(entries);
    return source.id;
  }

  describe('dailyCounts', () => {
    it('counts items per Hà Nội calendar day over the 14 days up to the given instant, oldest first', async () => {
      const id = await sourceWithItems([
        after(NOW, -1 * HOUR), // today, 09:00
        new Date('2026-11-26T17:00:00Z'), // today, 00:00
        new Date('2026-11-26T16:59:00Z'), // yesterday, 23:59
        after(NOW, -13 * DAY), // the first day of the series
      ]);
      const series = (await database.activity.dailyCounts([id], NOW, DAYS)).get(id);
      expect(series).toHaveLength(DAYS);
      expect(series).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2]);
    });

    it('leaves out items from before the series and after the given instant’s day', async () => {
      const id = await sourceWithItems([after(NOW, -14 * DAY), after(NOW, -20 * DAY), new Date('2026-11-27T17:00:00Z'), after(NOW, 30 * DAY)]);
      await expect(database.activity.dailyCounts([id], NOW, DAYS)).resolves.toEqual(new Map([[id, new Array(DAYS).fill(0)]]));
    });

    it('follows the instant it is given, not the wall clock', async () => {
      const id = await sourceWithItems([after(NOW, -2 * DAY)]);
      const aYearLater = after(NOW, 365 * DAY);
      await expect(database.activity.dailyCounts([id], aYearLater, DAYS)).resolves.toEqual(new Map([[id, new Array(DAYS).fill(0)]]));
      const series = (await database.activity.dailyCounts([id], after(NOW, 5 * DAY), DAYS)).get(id);
      expect(series?.indexOf(1)).toBe(DAYS - 1 - 7);
    });

    it('answers a zero series for a source without items and keeps sources apart', async () => {
      const busy = await sourceWithItems([after(NOW, -1 * HOUR), after(NOW, -2 * HOUR)]);
      const quiet = await sourceWithItems([]);
      const counts = await database.activity.dailyCounts([busy, quiet], NOW, DAYS);
      expect(counts.get(busy)?.[DAYS - 1]).toBe(2);
      expect(counts.get(quiet)).toEqual(new Array(DAYS).fill(0));
      await expect(database.activity.dailyCounts([], NOW, DAYS)).resolves.toEqual(new Map());
    });
  });

  describe('publishingRhythm', () => {
    it('answers when a source last published and its typical gap over the last 30 days', async () => {
      const seen = [0, 6, 12, 18, 24].map((hours) => after(NOW, -hours * HOUR - MINUTE));
      const id = await sourceWithItems(seen);
      await expect(database.activity.publishingRhythm([id], NOW)).resolves.toEqual(new Map([[id, { lastItemAt: seen[0], typicalGapMs: 6 * HOUR }]]));
    });

    it('takes the publication date, but never one later than when Vigil saw the item', async () => {
      const seen = [after(NOW, -3 * HOUR), after(NOW, -2 * HOUR), after(NOW, -1 * HOUR)];
      // Published 30 minutes before being seen; the last claims to be published tomorrow.
      const id = await sourceWithItems(seen, [after(seen[0], -30 * MINUTE), after(seen[1], -30 * MINUTE), after(NOW, DAY)]);
      const rhythm = (await database.activity.publishingRhythm([id], NOW)).get(id);
      expect(rhythm).toEqual({ lastItemAt: seen[2], typicalGapMs: (seen[2].getTime() - after(seen[0], -30 * MINUTE).getTime()) / 2 });
    });

    it('looks only at the last 30 days, by when items were published', async () => {
      const id = await sourceWithItems(
        [after(NOW, -40 * DAY), after(NOW, -2 * DAY), after(NOW, -1 * DAY), after(NOW, -1 * HOUR)],
        [after(NOW, -40 * DAY), after(NOW, -35 * DAY), after(NOW, -1 * DAY), after(NOW, -1 * HOUR)],
      );
      // Two items in the window: a last item, but too few for a typical gap.
      await expect(database.activity.publishingRhythm([id], NOW)).resolves.toEqual(new Map([[id, { lastItemAt: after(NOW, -1 * HOUR), typicalGapMs: null }]]));
      const idle = await sourceWithItems([after(NOW, -31 * DAY)]);
      await expect(database.activity.publishingRhythm([idle], NOW)).resolves.toEqual(new Map());
    });
  });

  describe('due sources', () => {
    it('finds sources due at the given instant, soonest first, bounded, leaving out paused ones', () =>
      // Due sources are read across the whole table: in a rolled-back transaction without other tests' sources.
      database.rolledBack(async ({ sources }) => {
        const overdue = await sources.create(newSource({ name: 'Quá hạn' }), after(NOW, -2 * HOUR));
        const dueNow = await sources.create(newSource({ name: 'Đúng hạn' }), NOW);
        const earlier = await sources.create(newSource({ name: 'Sớm hơn' }), after(NOW, -1 * HOUR));
        await sources.create(newSource({ name: 'Chưa đến' }), after(NOW, MINUTE));
        await sources.create(newSource({ name: 'Tạm dừng', paused: true }), after(NOW, -3 * HOUR));
        const due = await sources.findDue(NOW, 10);
        expect(due.map((source) => source.id)).toEqual([overdue.id, earlier.id, dueNow.id]);
        await expect(sources.findDue(NOW, 2)).resolves.toMatchObject([{ id: overdue.id }, { id: earlier.id }]);
        await expect(sources.findDue(after(NOW, -3 * HOUR), 10)).resolves.toEqual([]);
      }));

    it('finds a source again once it is resumed, and after a manual fetch forgives its backoff', () =>
      database.rolledBack(async ({ sources }) => {
        const source = await sources.create(newSource({ paused: true }), after(NOW, -1 * HOUR));
        await expect(sources.findDue(NOW, 10)).resolves.toEqual([]);
        await sources.update(source.id, { paused: false });
        await expect(sources.findDue(NOW, 10)).resolves.toMatchObject([{ id: source.id }]);
        await sources.recordFailure(source.id, { fetchedAt: NOW, nextFetchAt: after(NOW, HOUR), error: 'HTTP 503', code: 'server_error', params: { httpStatus: 503 }, weight: 0.5 });
        await expect(sources.findDue(NOW, 10)).resolves.toEqual([]);
        await sources.resetBackoff(source.id, NOW);
        await expect(sources.findDue(NOW, 10)).resolves.toMatchObject([{ id: source.id, failureScore: 0 }]);
      }));
  });

  describe('recordSuccess and recordFailure', () => {
    it('counts failures, weighting half failures, and keeps the last one’s code and parameters', async () => {
      const source = await database.sources.create(newSource(), NOW);
      await database.sources.recordFailure(source.id, { fetchedAt: NOW, nextFetchAt: after(NOW, 10 * MINUTE), error: 'HTTP 503', code: 'server_error', params: { httpStatus: 503 }, weight: 0.5 });
      await database.sources.recordFailure(source.id, {
        fetchedAt: after(NOW, 10 * MINUTE),
        nextFetchAt: after(NOW, 40 * MINUTE),
        error: 'Not a feed',
        code: 'not_a_feed',
        params: {},
        weight: 1,
      });
      await expect(database.sources.findById(source.id)).resolves.toMatchObject({
        consecutiveFailures: 2,
        failureScore: 1.5,
        lastFetchedAt: after(NOW, 10 * MINUTE),
        nextFetchAt: after(NOW, 40 * MINUTE),
        lastError: 'Not a feed',
        lastErrorCode: 'not_a_feed',
        lastErrorParams: {},
        lastSuccessAt: null,
      });
    });

    it('clears the failures on success and keeps the validators and the adapted interval', async () => {
      const source = await database.sources.create(newSource(), NOW);
      await database.sources.recordFailure(source.id, { fetchedAt: NOW, nextFetchAt: after(NOW, MINUTE), error: 'HTTP 404', code: 'not_found', params: { httpStatus: 404 }, weight: 0.5 });
      const success = { fetchedAt: after(NOW, MINUTE), nextFetchAt: after(NOW, 21 * MINUTE), pollIntervalSec: 1200, etag: '"v2"', lastModified: 'Fri, 27 Nov 2026 02:00:00 GMT', bodyHash: 'digest-v2' };
      await database.sources.recordSuccess(source.id, success);
      await expect(database.sources.findById(source.id)).resolves.toMatchObject({
        consecutiveFailures: 0,
        failureScore: 0,
        lastError: null,
        lastErrorCode: null,
        lastErrorParams: null,
        lastFetchedAt: success.fetchedAt,
        lastSuccessAt: success.fetchedAt,
        nextFetchAt: success.nextFetchAt,
        pollIntervalSec: 1200,
        etag: '"v2"',
        lastModified: success.lastModified,
        bodyHash: success.bodyHash,
      });
    });
  });
});
