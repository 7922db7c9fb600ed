import Parser from 'rss-parser';
import { CollectSourceProcessor } from '../../libs/collection/src/processors/collect-source.processor';
import type { BenchContext } from '../lib/context';
import { NewsSite } from '../lib/news-site';
import { figure, type Figure } from '../lib/report';
import { median, now, waitUntil } from '../lib/stats';
import { addSource, startVigil } from '../lib/vigil';
import { UNTHROTTLED } from './pipeline';

/**
 * One poll of a feed that has not changed and sends no validators (so no 304: Vigil fetches, parses and compares
 * every item), through the production collect job, against fetching it and parsing it with rss-parser alone.
 */
export async function repollFigures(context: BenchContext): Promise<Figure[]> {
  const site = await new NewsSite({ feeds: 1, itemsPerFeed: 50, pageBytes: 15 * 1024, seed: 31 }).start();
  const vigil = await startVigil(context.postgres ? 'postgres' : 'pglite', { ...UNTHROTTLED, VIGIL_SCHEDULER_TICK_SEC: '3600' });
  try {
    const [url] = site.feedUrls;
    const sourceId = await addSource(vigil, { name: 'Unchanged feed', url, kind: 'rss' });
    const settled = await waitUntil(async () => {
      const [row] = await vigil.dataSource.query(`SELECT count(*)::int AS n, count(enriched_at)::int AS enriched FROM items`);
      return row.n === site.itemCount && row.enriched === row.n;
    }, 60_000, 100);
    if (!settled) context.log('repoll: the first poll and its pages did not settle within 60 s');
    const collect = vigil.app.get(CollectSourceProcessor, { strict: false });
    const parser = new Parser();
    const baseline = async () => parser.parseString(await (await fetch(url)).text());
    const repoll = () => collect.handle({ sourceId });
    const times = { repoll: [] as number[], baseline: [] as number[] };
    await repoll();
    await baseline();
    const rounds = context.quick ? 10 : 40;
    for (let round = 0; round < rounds; round += 1) {
      for (const who of round % 2 === 0 ? (['repoll', 'baseline'] as const) : (['baseline', 'repoll'] as const)) {
        const start = now();
        await (who === 'repoll' ? repoll() : baseline());
        times[who].push(now() - start);
      }
    }
    const [row] = await vigil.dataSource.query(`SELECT count(*)::int AS n FROM items`);
    return [
      figure({
        name: 're-poll of an unchanged feed vs fetch + rss-parser',
        value: median(times.repoll),
        unit: 'ms',
        baseline: median(times.baseline),
        target: { on: 'ratio', op: '<=', limit: 1.5 },
        note: `${site.itemCount}-item feed without ETag/Last-Modified, median of ${rounds}; ${row.n} items stored after (nothing new)`,
      }),
    ];
  } finally {
    await vigil.close();
    await site.stop();
  }
}
