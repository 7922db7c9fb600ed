import { Readability } from '@mozilla/readability';
import { extractArticle } from '@vigil/parsing/parsers';
import type { BenchContext } from '../lib/context';
import { figure, type Figure } from '../lib/report';
import { median, now, quantile } from '../lib/stats';
import { articlePage } from '../lib/synth';

export function benchPages(count: number, targetBytes = 100 * 1024): { url: string; html: string }[] {
  return Array.from({ length: count }, (_, index) => {
    const url = `https://tin.example.vn/thoi-su/bai-${index}.html`;
    return { url, html: articlePage({ seed: 7000 + index, language: index % 3 === 2 ? 'en' : 'vi', url, targetBytes }) };
  });
}

export async function extractionFigures(context: BenchContext): Promise<Figure[]> {
  const pages = benchPages(context.quick ? 6 : 30);
  const averageKiB = pages.reduce((sum, page) => sum + Buffer.byteLength(page.html), 0) / pages.length / 1024;
  let JSDOM: (typeof import('jsdom'))['JSDOM'] | null = null;
  try {
    ({ JSDOM } = await import('jsdom'));
  } catch {
    context.log('extraction: jsdom is not installed, no baseline');
  }
  const production = (page: { url: string; html: string }) => extractArticle(page.html, page.url).text.length;
  const readabilityJsdom = (page: { url: string; html: string }) => {
    const dom = new JSDOM!(page.html, { url: page.url });
    const text = new Readability(dom.window.document).parse()?.textContent?.length ?? 0;
    dom.window.close();
    return text;
  };
  const times: { production: number[]; jsdom: number[] } = { production: [], jsdom: [] };
  for (const page of pages.slice(0, 3)) {
    production(page);
    if (JSDOM) readabilityJsdom(page);
  }
  const roundCount = context.quick ? 2 : 4;
  for (let round = 0; round < roundCount; round += 1) {
    for (const [index, page] of pages.entries()) {
      // Alternate which goes first, so neither always runs on a warmer cache.
      const order = (round + index) % 2 === 0 ? (['production', 'jsdom'] as const) : (['jsdom', 'production'] as const);
      for (const who of order) {
        if (who === 'jsdom' && !JSDOM) continue;
        const start = now();
        if (who === 'production') production(page);
        else readabilityJsdom(page);
        times[who].push(now() - start);
      }
    }
  }
  const productionMedian = median(times.production);
  const jsdomMedian = JSDOM ? median(times.jsdom) : null;
  context.log(`extraction: ${averageKiB.toFixed(0)} KiB pages, production median ${productionMedian.toFixed(1)} ms, jsdom ${jsdomMedian?.toFixed(1)} ms`);
  return [
    figure({
      name: 'extraction vs Readability+jsdom',
      value: 1000 / productionMedian,
      unit: 'pages/s',
      baseline: jsdomMedian === null ? null : 1000 / jsdomMedian,
      target: { on: 'ratio', op: '>=', limit: 3 },
      note: `median ms per ${averageKiB.toFixed(0)} KiB page: production ${productionMedian.toFixed(1)}, Readability over jsdom ${jsdomMedian?.toFixed(1) ?? 'n/a'}`,
    }),
    figure({ name: 'extraction p95 per ~100 KB page', value: quantile(times.production, 0.95), unit: 'ms', target: { on: 'value', op: '<', limit: 100 } }),
  ];
}
