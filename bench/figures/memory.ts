import pg from 'pg';
import type { BenchContext } from '../lib/context';
import { NewsSite } from '../lib/news-site';
import { figure, type Figure } from '../lib/report';
import { median, now, sleep } from '../lib/stats';
import { addSource, type DatabaseKind, startChildVigil } from '../lib/vigil';
import { UNTHROTTLED } from './pipeline';

interface MemoryRun {
  expected: number;
  items: number;
  seconds: number;
  samples: { at: number; items: number; rss: number }[];
}

/**
 * Resident memory of a Vigil process (its own, not the bench's) while it collects `feeds` 100-item feeds. Item pages
 * answer 404, so the run measures collection rather than archiving the pages.
 */
async function collect(kind: DatabaseKind, feeds: number, limitMs: number, seed: number): Promise<MemoryRun> {
  const site = await new NewsSite({ feeds, itemsPerFeed: 100, pageBytes: 0, seed, pages: false }).start();
  const vigil = await startChildVigil(kind, UNTHROTTLED);
  const db = vigil.databaseUrl ? new pg.Client({ connectionString: vigil.databaseUrl }) : null;
  await db?.connect();
  try {
    const expected = site.itemCount;
    const stored = async () => {
      if (db) return (await db.query('SELECT count(*)::int AS n FROM items')).rows[0].n as number;
      // PGlite: one connection, held by Vigil; count the fetched feeds instead (pages answer 404 and are not counted).
      return [...site.server.firstRequestAt.keys()].filter((path) => site.feeds.has(path)).length * 100;
    };
    const samples: MemoryRun['samples'] = [];
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
    return { expected, items, seconds: (now() - start) / 1000, samples };
  } finally {
    await db?.end();
    await vigil.close();
    await site.stop();
  }
}

/** Max RSS and growth after warm-up of one run, as figures named for what ran. */
function memoryRunFigures(run: MemoryRun, label: string, context: BenchContext, withGrowth: boolean): Figure[] {
  const { expected, items, seconds, samples } = run;
  const max = Math.max(...samples.map((s) => s.rss));
  // Warm-up: until a quarter of the items are in. Flat: the last quarter of the run's median RSS stays within 10% of
  // the median between warm-up and half-way.
  const warm = samples.filter((s) => s.items >= items * 0.25 && s.items < items * 0.5).map((s) => s.rss);
  const late = samples.filter((s) => s.items >= items * 0.75).map((s) => s.rss);
  const growth = warm.length && late.length ? (median(late) / median(warm) - 1) * 100 : null;
  const complete = items >= expected;
  context.log(`memory (${label}): ${items}/${expected} items in ${seconds.toFixed(0)} s, max RSS ${max.toFixed(0)} MiB, growth after warm-up ${growth?.toFixed(1)}%`);
  const incomplete = complete ? '' : ` — INCOMPLETE: only ${items} of ${expected} items collected within the limit, so the target is not shown to hold`;
  const figures = [
    figure({
      name: `memory while collecting ${expected / 1000}k items, ${label} (max RSS)`,
      value: complete ? max : Number.NaN,
      unit: 'MiB',
      target: { on: 'value', op: '<', limit: 300 },
      note: `max ${max.toFixed(0)} MiB over ${samples.length} samples, ${items} items in ${seconds.toFixed(0)} s (${(items / seconds).toFixed(0)} items/s)${incomplete}`,
    }),
  ];
  if (withGrowth) {
    figures.push(
      figure({
        name: `memory growth after warm-up, ${label}`,
        value: complete ? growth : Number.NaN,
        unit: '%',
        target: { on: 'value', op: '<=', limit: 10 },
        note: `median RSS of the last quarter of items vs the second quarter${incomplete}`,
      }),
    );
  }
  return figures;
}

/**
 * The Vigil process with a PostgreSQL server collects 100k items; the embedded one (PGlite persisted to disk, as
 * `npm start` runs it) holds the database in its own memory and collects a quarter as many, to keep the run short.
 */
export async function memoryFigures(context: BenchContext): Promise<Figure[]> {
  const figures: Figure[] = [];
  if (context.postgres) {
    const server = await collect('postgres', context.quick ? 50 : 1000, context.quick ? 60_000 : 240_000, 51);
    figures.push(...memoryRunFigures(server, 'with a PostgreSQL server', context, true));
  }
  const embedded = await collect('pglite-on-disk', context.quick ? 20 : 250, context.quick ? 60_000 : 120_000, 52);
  figures.push(...memoryRunFigures(embedded, 'embedded PGlite on disk', context, !context.postgres));
  return figures;
}
