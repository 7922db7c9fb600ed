import { seedSyntheticItems } from '@vigil/testing';
import pg from 'pg';
import type { BenchContext } from '../lib/context';
import { figure, type Figure } from '../lib/report';
import { median, now, quantile } from '../lib/stats';
import { fold } from '../lib/synth';
import { type DatabaseKind, type InProcessVigil, startVigil } from '../lib/vigil';

// 1–3-word queries made of words the seeded items use (see @vigil/testing seedSyntheticItems), each typed both
// accented and folded: common single words match thousands of items, three-word phrases a few dozen.
const PHRASES = [
  'thông tin', 'sai lệch', 'lũ lụt', 'giá xăng', 'bệnh viện', 'cảnh báo', 'người dân', 'xuất khẩu', 'nắng nóng', 'cứu trợ',
  'thông tin sai lệch', 'lũ lụt miền trung', 'cảnh báo lừa đảo', 'giá xăng tăng', 'nước sạch hà nội', 'bác bỏ tin đồn',
  'hòa giải', 'thuỷ lợi', 'kiểm chứng', 'đồng bằng sông',
];

export function searchPhrases(): string[] {
  return PHRASES.flatMap((phrase) => [phrase, fold(phrase)]);
}

async function seedItems(vigil: InProcessVigil, count: number): Promise<void> {
  await seedSyntheticItems(vigil.dataSource, count, { now: new Date('2025-11-20T10:00:00+07:00') });
  // Statistics as autovacuum gathers them after a bulk load, for the items and their search rows (item_search).
  await vigil.dataSource.query('ANALYZE items, item_search');
}

type Captured = { text: string; values?: unknown[] };

/** Records the SQL statements the pg driver sends while `work` runs. */
async function captureSql(work: () => Promise<unknown>): Promise<Captured[]> {
  const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = prototype.query;
  const captured: Captured[] = [];
  prototype.query = function (this: unknown, ...args: unknown[]) {
    const [first, second] = args;
    if (typeof first === 'string') captured.push({ text: first, values: Array.isArray(second) ? second : undefined });
    else if (first && typeof first === 'object' && 'text' in first) captured.push({ text: String((first as { text: string }).text), values: (first as { values?: unknown[] }).values });
    return original.apply(this, args);
  };
  try {
    await work();
  } finally {
    prototype.query = original;
  }
  return captured;
}

interface SearchRun {
  api: number[];
  raw: number[];
  apiByQuery: number[];
  rawByQuery: number[];
}

async function measure(vigil: InProcessVigil, queries: string[], repeats: number): Promise<SearchRun> {
  const search = async (q: string) => {
    const response = await vigil.request<{ total: number }>('GET', `/api/items?q=${encodeURIComponent(q)}&limit=20`);
    if (response.status !== 200) throw new Error(`Search for ${q} answered ${response.status}`);
  };
  // The SQL one API search sends to the database (the item queries; the session check is API overhead).
  const statements = new Map<string, Captured[]>();
  for (const q of queries) {
    await search(q);
    statements.set(q, (await captureSql(() => search(q))).filter((statement) => /\bitems\b/.test(statement.text)));
  }
  // PGlite serves one connection (Vigil's pool holds it): raw SQL is replayed on PostgreSQL only.
  const raw = vigil.kind === 'postgres' ? new pg.Client({ connectionString: (vigil.dataSource.options as { url?: string }).url }) : null;
  await raw?.connect();
  const run: SearchRun = { api: [], raw: [], apiByQuery: [], rawByQuery: [] };
  try {
    for (let repeat = 0; repeat < repeats; repeat += 1) {
      for (const q of queries) {
        // Side by side: the raw statements and the API request for the same query, in alternating order.
        const viaApi = async () => {
          const start = now();
          await search(q);
          run.api.push(now() - start);
        };
        const viaSql = async () => {
          if (!raw) return;
          const start = now();
          for (const statement of statements.get(q)!) await raw.query(statement.text, statement.values);
          run.raw.push(now() - start);
        };
        if (repeat % 2 === 0) {
          await viaApi();
          await viaSql();
        } else {
          await viaSql();
          await viaApi();
        }
      }
    }
  } finally {
    await raw?.end();
  }
  return run;
}

async function searchRun(kind: DatabaseKind, context: BenchContext, items: number, queries: string[]): Promise<SearchRun> {
  const vigil = await startVigil(kind, { VIGIL_SCHEDULER_TICK_SEC: '3600' });
  try {
    const start = now();
    await seedItems(vigil, items);
    context.log(`search ${kind}: ${items} items seeded in ${((now() - start) / 1000).toFixed(1)} s`);
    return await measure(vigil, queries, context.quick ? 2 : 5);
  } finally {
    await vigil.close();
  }
}

export async function searchFigures(context: BenchContext): Promise<Figure[]> {
  const items = context.quick ? 10_000 : 100_000;
  const queries = searchPhrases();
  const size = `${items / 1000}k items, ${queries.length} queries (1–3 words, half accented, half folded)`;
  const figures: Figure[] = [];
  let postgres: SearchRun | null = null;
  if (context.postgres) {
    postgres = await searchRun('postgres', context, items, queries);
    figures.push(
      figure({ name: 'search p50 on PostgreSQL (API)', value: median(postgres.api), unit: 'ms', note: size }),
      figure({ name: 'search p95 on PostgreSQL (API)', value: quantile(postgres.api, 0.95), unit: 'ms', target: { on: 'value', op: '<', limit: 20 } }),
      figure({
        name: 'search API overhead vs raw SQL (PostgreSQL p50)',
        value: median(postgres.api),
        unit: 'ms',
        baseline: median(postgres.raw),
        target: { on: 'ratio', op: '<=', limit: 1.5 },
        note: `raw = the item statements one API search sends, replayed on one pg connection; raw p95 ${quantile(postgres.raw, 0.95).toFixed(1)} ms`,
      }),
    );
  }
  const pglite = await searchRun('pglite', context, items, queries);
  figures.push(
    figure({ name: 'search p50 on PGlite (API)', value: median(pglite.api), unit: 'ms' }),
    figure({
      name: postgres ? 'search p95 on PGlite vs PostgreSQL' : 'search p95 on PGlite (API)',
      value: quantile(pglite.api, 0.95),
      unit: 'ms',
      baseline: postgres ? quantile(postgres.api, 0.95) : null,
      target: postgres ? { on: 'ratio', op: '<=', limit: 2 } : null,
    }),
  );
  return figures;
}
