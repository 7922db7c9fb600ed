import type { BenchContext } from '../lib/context';
import { NewsSite } from '../lib/news-site';
import { figure, type Figure } from '../lib/report';
import { median, now, quantile, sleep, waitUntil } from '../lib/stats';
import { addSource, startChildVigil } from '../lib/vigil';
import { UNTHROTTLED } from './pipeline';

/** GET /health latency, seen from outside the Vigil process, while it archives and extracts ~100 KB pages. */
export async function healthFigures(context: BenchContext): Promise<Figure[]> {
  const site = await new NewsSite({ feeds: 4, itemsPerFeed: 50, pageBytes: 100 * 1024, seed: 21 }).start();
  const vigil = await startChildVigil(context.postgres ? 'postgres' : 'pglite', UNTHROTTLED);
  try {
    const pageRequests = () => site.server.requestCount - site.feeds.size;
    const idle: number[] = [];
    for (let i = 0; i < 40; i += 1) idle.push(await timedHealth(vigil.baseUrl));
    for (const [index, url] of site.feedUrls.entries()) await addSource(vigil, { name: `Heavy pages ${index}`, url, kind: 'rss' });
    await waitUntil(() => pageRequests() > 2, 30_000, 20);
    const startPages = pageRequests();
    const loaded: number[] = [];
    const until = now() + (context.quick ? 8_000 : 25_000);
    while (now() < until && pageRequests() < site.itemCount) {
      loaded.push(await timedHealth(vigil.baseUrl));
      await sleep(20);
    }
    const pages = pageRequests() - startPages;
    context.log(`health: idle p50 ${median(idle).toFixed(1)} ms, under load p50 ${median(loaded).toFixed(1)} ms p99 ${quantile(loaded, 0.99).toFixed(1)} ms, ${pages} pages fetched meanwhile`);
    return [
      figure({
        name: 'health p99 under extraction load',
        value: quantile(loaded, 0.99),
        unit: 'ms',
        baseline: quantile(idle, 0.99),
        target: { on: 'value', op: '<', limit: 100 },
        note: `${loaded.length} GET /health while ${pages} pages of ~100 KB were archived and extracted (Vigil in its own process; baseline = idle p99); p50 ${median(loaded).toFixed(1)} ms`,
      }),
    ];
  } finally {
    await vigil.close();
    await site.stop();
  }
}

async function timedHealth(baseUrl: string): Promise<number> {
  const start = now();
  const response = await fetch(`${baseUrl}/health`);
  await response.arrayBuffer();
  return now() - start;
}
