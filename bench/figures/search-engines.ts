import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { SearchIndexer, SearchReindexer } from '@vigil/collection';
import { CLOCK, type Clock } from '@vigil/domain';
import { ItemsRepository } from '@vigil/persistence';
import { type ElasticsearchSearchEngine, loadElasticsearch, PostgresSearchEngine, SEARCH_ENGINE, type SearchEngine } from '@vigil/search';
import { seedSyntheticItems } from '@vigil/testing';
import type { BenchContext } from '../lib/context';
import { figure, type Figure } from '../lib/report';
import { median, now, quantile } from '../lib/stats';
import { startVigil } from '../lib/vigil';
import { searchPhrases } from './search';

const MiB = 1024 * 1024;

/** Proportional set size of every PostgreSQL server process (shared buffers counted once across them), in MiB. */
function postgresPssMiB(): number {
  let kib = 0;
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'postgres') continue;
      kib += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch {
      // The process ended or is not ours to read.
    }
  }
  return kib / 1024;
}

async function timed(work: () => Promise<unknown>, samples: number[]): Promise<void> {
  const start = now();
  await work();
  samples.push(now() - start);
}

/**
 * Elasticsearch beside PostgreSQL on the same 100k items (issue 12): loading them (PostgreSQL inserts vs a bulk
 * rebuild of the index from PostgreSQL), search p95 at each engine and through the API, and what each holds in
 * memory and on disk. Needs ELASTICSEARCH_URL (ops/elasticsearch/fetch-and-start.sh) and PostgreSQL.
 */
export async function searchEngineFigures(context: BenchContext): Promise<Figure[]> {
  const url = process.env.ELASTICSEARCH_URL;
  if (!url || !context.postgres) {
    const why = !url ? 'ELASTICSEARCH_URL is not set (start a node with ops/elasticsearch/fetch-and-start.sh)' : 'PostgreSQL is not reachable';
    context.log(`search-engines: not run, ${why}`);
    return [figure({ name: 'Elasticsearch vs PostgreSQL (not run)', value: null, unit: '', note: why })];
  }
  const items = context.quick ? 10_000 : 100_000;
  const prefix = `vigil-bench-${randomBytes(3).toString('hex')}-`;
  // No workers: the outbox sweep would index the seeded items on its own, and be measured with them.
  const vigil = await startVigil('postgres', { ELASTICSEARCH_URL: url, VIGIL_SEARCH_INDEX_PREFIX: prefix, VIGIL_EMBEDDED_WORKER: 'false' });
  const es = (await loadElasticsearch()).createElasticsearchClient(url);
  try {
    const insertStart = now();
    await seedSyntheticItems(vigil.dataSource, items, { now: new Date('2025-11-20T10:00:00+07:00') });
    const insertMs = now() - insertStart;
    await vigil.dataSource.query('ANALYZE items, item_search');

    const get = <T>(token: abstract new (...args: never[]) => T) => vigil.app.get(token, { strict: false });
    const elasticsearch = vigil.app.get<SearchEngine>(SEARCH_ENGINE);
    const clock = vigil.app.get<Clock>(CLOCK);
    const reindexer = new SearchReindexer(get(ItemsRepository), new SearchIndexer(get(ItemsRepository), elasticsearch, clock), elasticsearch, clock);
    const bulkStart = now();
    const rebuilt = await reindexer.reindex(() => undefined, { graceMs: 0 });
    const bulkMs = now() - bulkStart;
    context.log(`search-engines: ${items} items inserted in ${(insertMs / 1000).toFixed(1)} s, bulk-indexed (${rebuilt.items}) in ${(bulkMs / 1000).toFixed(1)} s`);

    const queries = searchPhrases();
    const repeats = context.quick ? 2 : 5;
    const postgres = new PostgresSearchEngine(get(ItemsRepository));
    const viaEngine = (engine: SearchEngine, q: string) => () => engine.search({ q, limit: 20, offset: 0 });
    const viaApi = (q: string) => async () => {
      const response = await vigil.request('GET', `/api/items?q=${encodeURIComponent(q)}&limit=20`);
      if (response.status !== 200) throw new Error(`Search for ${q} answered ${response.status}`);
    };
    // Warm both engines and the API, then measure side by side: per query, Elasticsearch, PostgreSQL and the API
    // in turn (the order rotating between repeats), so a pause of either server weighs on all three alike.
    const esSamples: number[] = [];
    const pgSamples: number[] = [];
    const apiSamples: number[] = [];
    const turnsFor = (q: string): [() => Promise<unknown>, number[]][] => [
      [viaEngine(elasticsearch, q), esSamples],
      [viaEngine(postgres, q), pgSamples],
      [viaApi(q), apiSamples],
    ];
    for (const q of queries) for (const [work] of turnsFor(q)) await work();
    for (let repeat = 0; repeat < repeats; repeat += 1) {
      for (const q of queries) {
        const turns = turnsFor(q);
        for (let turn = 0; turn < turns.length; turn += 1) {
          const [work, samples] = turns[(turn + repeat) % turns.length]!;
          await timed(work, samples);
        }
      }
    }

    const alias = `${prefix}items`;
    const stats = await es.indices.stats({ index: alias, metric: ['store', 'docs'] });
    const esStoreMiB = (stats._all.primaries?.store?.size_in_bytes ?? 0) / MiB;
    const jvm = Object.values((await es.nodes.stats({ metric: ['jvm'] })).nodes)[0]?.jvm?.mem;
    const esHeapMiB = (jvm?.heap_used_in_bytes ?? 0) / MiB;
    const [sizes]: { bytes: string }[] = await vigil.dataSource.query(`SELECT pg_total_relation_size('items') + pg_total_relation_size('item_search') AS bytes`);
    const size = `${items / 1000}k items, ${queries.length} queries`;
    return [
      figure({ name: 'Elasticsearch bulk indexing vs PostgreSQL insert', value: bulkMs / 1000, unit: 's', baseline: insertMs / 1000, note: `${size}; bulk = vigil reindex from PostgreSQL (${Math.round(rebuilt.items / (bulkMs / 1000))} items/s), insert = the items and their search rows` }),
      figure({ name: 'search p95 at the engine: Elasticsearch', value: quantile(esSamples, 0.95), unit: 'ms', target: { on: 'value', op: '<', limit: 20 }, note: `p50 ${median(esSamples).toFixed(1)} ms` }),
      figure({ name: 'search p95 at the engine: PostgreSQL', value: quantile(pgSamples, 0.95), unit: 'ms', target: { on: 'value', op: '<', limit: 20 }, note: `p50 ${median(pgSamples).toFixed(1)} ms` }),
      figure({ name: 'search API overhead on Elasticsearch (p95)', value: quantile(apiSamples, 0.95), unit: 'ms', baseline: quantile(esSamples, 0.95), target: { on: 'ratio', op: '<=', limit: 1.5 } }),
      figure({ name: 'memory: Elasticsearch heap used vs PostgreSQL processes (PSS)', value: esHeapMiB, unit: 'MiB', baseline: postgresPssMiB(), note: 'the node serves other indices too when shared' }),
      figure({ name: 'disk: Elasticsearch index vs PostgreSQL items + search rows', value: esStoreMiB, unit: 'MiB', baseline: Number(sizes!.bytes) / MiB, note: size }),
    ];
  } finally {
    const engine = vigil.app.get<SearchEngine>(SEARCH_ENGINE);
    if (engine.name === 'elasticsearch') await (engine as ElasticsearchSearchEngine).drop();
    await es.close();
    await vigil.close();
  }
}
