import { minhash64 } from '@vigil/domain';
import Parser from 'rss-parser';
import { fromFeedEntry, toNewItem } from '../../libs/collection/src/collected-entry';
import { parseFeed } from '@vigil/parsing/parsers';
import type { BenchContext } from '../lib/context';
import { figure, type Figure } from '../lib/report';
import { median, now } from '../lib/stats';
import { newsFeed } from '../lib/synth';

const FETCHED_AT = new Date(Date.UTC(2025, 10, 20, 4, 0, 0));

/** Seeded feeds: three Vietnamese RSS feeds to two English Atom feeds, 50 items each. */
export function benchFeeds(count: number, seed = 1): { url: string; xml: string; items: number }[] {
  return Array.from({ length: count }, (_, index) => {
    const language = index % 5 < 3 ? 'vi' : 'en';
    const feedId = `f${index}`;
    const pageBase = 'https://tin.example.vn';
    return { url: `${pageBase}/${feedId}.xml`, xml: newsFeed({ feedId, language, items: 50, pageBase, seed: seed * 1000 + index }), items: 50 };
  });
}

/** The per-item CPU chain of collection: parse → clean → fold → tokens (search fields) → content hash → fingerprint. */
export function collectChain(feed: { url: string; xml: string }): number {
  let count = 0;
  for (const item of parseFeed(feed.xml, { baseUrl: feed.url }).items) {
    const stored = toNewItem(
      fromFeedEntry(item),
      '00000000-0000-4000-8000-000000000000',
      feed.url,
      FETCHED_AT,
      null,
    );
    if (stored) {
      minhash64(stored.text);
      count += 1;
    }
  }
  return count;
}

/**
 * Items per second of each contender over the same feeds, in alternating rounds so both see the same machine
 * state; the median round counts.
 */
async function rounds(contenders: Record<string, () => Promise<number> | number>, roundCount: number): Promise<Record<string, number>> {
  const names = Object.keys(contenders);
  const rates: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (const name of names) await contenders[name](); // warm-up
  for (let round = 0; round < roundCount; round += 1) {
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const name of order) {
      const start = now();
      const items = await contenders[name]();
      rates[name].push(items / ((now() - start) / 1000));
    }
  }
  return Object.fromEntries(names.map((name) => [name, median(rates[name])]));
}

export async function parsingFigures(context: BenchContext): Promise<Figure[]> {
  const feeds = benchFeeds(context.quick ? 10 : 40);
  const parser = new Parser();
  const rssParserAlone = async () => {
    let items = 0;
    for (const feed of feeds) items += (await parser.parseString(feed.xml)).items.length;
    return items;
  };
  const production = () => {
    let items = 0;
    for (const feed of feeds) items += parseFeed(feed.xml, { baseUrl: feed.url }).items.length;
    return items;
  };
  const chain = () => feeds.reduce((sum, feed) => sum + collectChain(feed), 0);
  const rates = await rounds({ rssParserAlone, production, chain }, context.quick ? 3 : 9);
  context.log(`parsing: rss-parser ${rates.rssParserAlone.toFixed(0)}/s, parseFeed ${rates.production.toFixed(0)}/s, chain ${rates.chain.toFixed(0)}/s`);
  return [
    figure({
      name: 'feed parsing (parseFeed vs rss-parser)',
      value: rates.production,
      unit: 'items/s',
      baseline: rates.rssParserAlone,
      target: { on: 'ratio', op: '>=', limit: 0.8 },
    }),
    figure({
      name: 'per-item CPU chain vs rss-parser',
      value: rates.chain,
      unit: 'items/s',
      baseline: rates.rssParserAlone,
      target: { on: 'ratio', op: '>=', limit: 0.6 },
      note: 'parse → clean → fold → tokens → content hash → MinHash fingerprint (toNewItem + minhash64)',
    }),
  ];
}
