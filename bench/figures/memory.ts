import pg from 'pg';
import type { BenchContext } from '../lib/context';
import { NewsSite } from '../lib/news-site';
import { figure, type Figure } from '../lib/report';
import { median, now, sleep } from '../lib/stats';
import { addSource, startChildVigil } from '../lib/vigil';
import { UNTHROTTLED } from './pipeline';

/**
 * Resident memory of a Vigil process (its own, not the bench's) while it collects `items` items from 100-item
 * feeds. Item pages answer 404, so the run measures collection rather than archiving 100k pages.
 */
export async function memoryFigures(context: BenchContext): Promise<Figure[]> {
  const feeds = context.quick ? 50 : 1000;
  const site = await new NewsSite({ feeds, itemsPerFeed: 100, pageBytes: 0, seed: 51, pages: false }).start();
  const vigil = await startChildVigil(context.postgres ? 'postgres' : 'pglite', UNTHROTTLED);
  const db = vigil.databaseUrl ? new pg.Client({ connectionString: vigil.databaseUrl }) : null;
  await db?.connect();
  const limitMs = context.quick ? 60_000 : 240_000;
  try {
    const expected = site.itemCount;
    const stored = async () => {
      if (db) return (await db.query('SELECT count(*)::int AS n FROM items')).rows[0].n as number;
      return site.server.firstRequestAt.size * 100; // PGlite: one connection, held by Vigil; count fetched feeds instead
    };
    const samples: { at: number; items: number; rss: number }[] = [];
    const start = now();
    let adding = true;
    const adder = (async () => {
      for (const [index, url] of site.feedUrls.entries()) await addSource(vigil, { name: `Feed ${index}`, url, kind: 'rss' });
      adding = false;
    })();
    let items = 0;
    while (now() - start < limitMs) {
      items = await stored();
      samples.push({ at: now() - start, items, rss: vigil.rssMiB() });
      if (!adding && items >= expected) break;
      await sleep(500);
    }
    await adder.catch(() => undefined);
    const max = Math.max(...samples.map((s) => s.rss));
    // Warm-up: until a quarter of the items are in. Flat: the last quarter of the run's median RSS stays within 10% of
    // the median between warm-up and half-way.
    const warm = samples.filter((s) => s.items >= items * 0.25 && s.items < items * 0.5).map((s) => s.rss);
    const late = samples.filter((s) => s.items >= items * 0.75).map((s) => s.rss);
    const growth = warm.length && late.length ? (median(late) / median(warm) - 1) * 100 : null;
    const complete = items >= expected;
    const seconds = (now() - start) / 1000;
    context.log(`memory: ${items}/${expected} items in ${seconds.toFixed(0)} s, max RSS ${max.toFixed(0)} MiB, growth after warm-up ${growth?.toFixed(1)}%`);
    const incomplete = complete ? '' : ` — INCOMPLETE: only ${items} of ${expected} items collected within ${limitMs / 1000} s, so the target is not shown to hold`;
    return [
      figure({
        name: `memory while collecting ${expected / 1000}k items (max RSS)`,
        value: complete ? max : Number.NaN,
        unit: 'MiB',
        target: { on: 'value', op: '<', limit: 300 },
        note: `max ${max.toFixed(0)} MiB over ${samples.length} samples, ${items} items in ${seconds.toFixed(0)} s (${(items / seconds).toFixed(0)} items/s)${incomplete}`,
      }),
      figure({
        name: 'memory growth after warm-up',
        value: complete ? growth : Number.NaN,
        unit: '%',
        target: { on: 'value', op: '<=', limit: 10 },
        note: `median RSS of the last quarter of items vs the second quarter${incomplete}`,
      }),
    ];
  } finally {
    await db?.end();
    await vigil.close();
    await site.stop();
  }
}
