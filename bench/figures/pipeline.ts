import type { BenchContext } from '../lib/context';
import { NewsSite, rssParserRate } from '../lib/news-site';
import { figure, type Figure } from '../lib/report';
import { now, waitUntil } from '../lib/stats';
import { addSource, type DatabaseKind, type InProcessVigil, searchTotal, startVigil } from '../lib/vigil';

/** One loopback host serves every feed: per-site spacing would measure waiting, not work, so it is off here. */
export const UNTHROTTLED = { VIGIL_HOST_INTERVAL_MS: '0', VIGIL_HOST_CONCURRENCY: '4' };

interface PipelineRun {
  rate: number;
  stored: number;
  expected: number;
  seconds: number;
  /** From un-pausing the sources to the first feed request: the scheduler's tick, not the pipeline's work. */
  schedulingMs: number;
  timedOut: boolean;
}

/**
 * Adds every feed as a paused source (creating sources one by one through the API is the admin API's pace, not the
 * pipeline's), un-pauses them all at once, and times from the first feed request until all their items are stored
 * and the last feed's last item is found by the search API (PostgreSQL search reads the stored rows; Elasticsearch
 * would need the index outbox drained).
 */
async function runPipeline(kind: DatabaseKind, site: NewsSite, timeoutMs: number): Promise<PipelineRun> {
  const vigil: InProcessVigil = await startVigil(kind, UNTHROTTLED);
  try {
    const expected = site.itemCount;
    const counted = async () => {
      const [row] = await vigil.dataSource.query(`SELECT count(*)::int AS n FROM items`);
      return row.n as number;
    };
    for (const [index, url] of site.feedUrls.entries()) await addSource(vigil, { name: `Bench feed ${index}`, url, kind: 'rss', paused: true });
    const unpausedAt = now();
    await vigil.dataSource.query(`UPDATE sources SET paused = false, next_fetch_at = now()`);
    let stored = 0;
    const done = await waitUntil(async () => (stored = await counted()) >= expected, timeoutMs, 50);
    const lastFeed = site.feedUrls.length - 1;
    const lastToken = `zq${lastFeed}x${site.itemCount / site.feedUrls.length - 1}`;
    const found = done && (await waitUntil(async () => (await searchTotal(vigil, lastToken)) > 0, 10_000, 20));
    const firstRequestAt = Math.min(...site.feedUrls.map((url) => site.server.firstRequestAt.get(new URL(url).pathname) ?? Number.POSITIVE_INFINITY));
    const seconds = (now() - firstRequestAt) / 1000;
    site.server.firstRequestAt.clear();
    return { rate: stored / seconds, stored, expected, seconds, schedulingMs: firstRequestAt - unpausedAt, timedOut: !found };
  } finally {
    await vigil.close();
  }
}

export async function pipelineFigures(context: BenchContext): Promise<Figure[]> {
  const site = await new NewsSite({ feeds: context.quick ? 20 : 200, itemsPerFeed: 50, pageBytes: 15 * 1024, seed: 11 }).start();
  const timeoutMs = context.quick ? 60_000 : 150_000;
  try {
    const figures: Figure[] = [];
    const before = await rssParserRate(site.feeds.values());
    let postgres: PipelineRun | null = null;
    if (context.postgres) {
      postgres = await runPipeline('postgres', site, timeoutMs);
      context.log(`pipeline postgres: ${postgres.stored}/${postgres.expected} items in ${postgres.seconds.toFixed(1)} s`);
    }
    const pglite = await runPipeline('pglite', site, timeoutMs);
    context.log(`pipeline pglite: ${pglite.stored}/${pglite.expected} items in ${pglite.seconds.toFixed(1)} s`);
    const after = await rssParserRate(site.feeds.values());
    const baseline = (before + after) / 2;
    const describe = (run: PipelineRun) =>
      `${run.stored}/${run.expected} items from ${site.feedUrls.length} feeds in ${run.seconds.toFixed(1)} s from the first feed request (the scheduler's tick came ${run.schedulingMs.toFixed(0)} ms after un-pausing)${run.timedOut ? ' (TIMED OUT before all were searchable)' : ''}; item pages (15 KB) served, per-site spacing off`;
    if (postgres) {
      figures.push(
        figure({
          name: 'full pipeline on PostgreSQL vs rss-parser',
          value: postgres.timedOut ? 0 : postgres.rate,
          unit: 'items/s',
          baseline,
          target: { on: 'ratio', op: '>=', limit: 0.25 },
          note: describe(postgres),
        }),
      );
    }
    figures.push(
      figure({
        name: postgres ? 'full pipeline on PGlite vs PostgreSQL' : 'full pipeline on PGlite vs rss-parser',
        value: pglite.timedOut ? 0 : pglite.rate,
        unit: 'items/s',
        baseline: postgres ? postgres.rate : baseline,
        target: postgres ? { on: 'ratio', op: '>=', limit: 0.5 } : null,
        note: describe(pglite),
      }),
    );
    return figures;
  } finally {
    await site.stop();
  }
}
