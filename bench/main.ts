import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BenchContext } from './lib/context';
import { figure, type Figure, machine, table } from './lib/report';
import { postgresReachable } from './lib/vigil';

type FigureGroup = { name: string; about: string; run: (context: BenchContext) => Promise<Figure[]> };

const GROUPS: FigureGroup[] = [
  { name: 'parsing', about: 'feed parsing and the per-item CPU chain', run: async (c) => (await import('./figures/parsing')).parsingFigures(c) },
  { name: 'pipeline', about: 'fixture server → stored + searchable, PostgreSQL and PGlite', run: async (c) => (await import('./figures/pipeline')).pipelineFigures(c) },
  { name: 'extraction', about: 'extraction vs Readability over jsdom', run: async (c) => (await import('./figures/extraction')).extractionFigures(c) },
  { name: 'search', about: 'search latency at 100k items', run: async (c) => (await import('./figures/search')).searchFigures(c) },
  { name: 'search-engines', about: 'Elasticsearch vs PostgreSQL at 100k items (needs ELASTICSEARCH_URL)', run: async (c) => (await import('./figures/search-engines')).searchEngineFigures(c) },
  { name: 'health', about: 'health latency under extraction load', run: async (c) => (await import('./figures/health')).healthFigures(c) },
  { name: 'repoll', about: 're-poll of an unchanged feed', run: async (c) => (await import('./figures/repoll')).repollFigures(c) },
  { name: 'first-poll', about: 'first poll of a new source behind a queued site', run: async (c) => (await import('./figures/first-poll')).firstPollFigures(c) },
  { name: 'rules', about: 'watch-rule matching per item at 100, 1,000 and 10,000 rules', run: async (c) => (await import('./figures/rules')).rulesFigures(c) },
  { name: 'live', about: 'live feed: alert latency, fan-out to 1,000 clients, a 10,000-item burst', run: async (c) => (await import('./figures/live')).liveFigures(c) },
  { name: 'case-views', about: 'case board, timeline, handover and dashboard at 10,000 cases, 1,000 items on one case', run: async (c) => (await import('./figures/case-views')).caseViewsFigures(c) },
  { name: 'deadlines', about: 'deadline tick at 10,000 open cases; how soon a due deadline fires', run: async (c) => (await import('./figures/deadlines')).deadlineFigures(c) },
  { name: 'drafting', about: 'draft starter summary of a 50-item case', run: async (c) => (await import('./figures/drafting')).draftingFigures(c) },
  { name: 'memory', about: 'memory while collecting 100k items', run: async (c) => (await import('./figures/memory')).memoryFigures(c) },
];

const USAGE = `npm run bench [-- [--only NAME[,NAME…]] [--quick] [--out FILE]]
  --only   run only these figure groups: ${GROUPS.map((g) => g.name).join(', ')}
  --quick  small sizes for a smoke test (figures are not comparable with a full run)
  --out    where to write the results (default bench/results.json; a quick or partial run writes bench/results.partial.json)`;

function parseArgs(argv: string[]): { only: string[] | null; quick: boolean; out: string | null } {
  let only: string[] | null = null;
  let quick = false;
  let out: string | null = null;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--quick') quick = true;
    else if (arg === '--only') only = (argv[++i] ?? '').split(',').filter(Boolean);
    else if (arg.startsWith('--only=')) only = arg.slice(7).split(',').filter(Boolean);
    else if (arg === '--out') out = argv[++i] ?? null;
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else {
      console.error(`Unknown argument ${arg}\n${USAGE}`);
      process.exit(2);
    }
  }
  const unknown = (only ?? []).filter((name) => !GROUPS.some((group) => group.name === name));
  if (unknown.length) {
    console.error(`Unknown figure ${unknown.join(', ')}\n${USAGE}`);
    process.exit(2);
  }
  return { only, quick, out };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const startedAt = Date.now();
  const context: BenchContext = {
    quick: args.quick,
    postgres: await postgresReachable(),
    log: (message) => console.error(`[${((Date.now() - startedAt) / 1000).toFixed(0).padStart(4)}s] ${message}`),
  };
  if (!context.postgres) context.log('PostgreSQL is not reachable: PostgreSQL figures are skipped (PGlite only)');
  const figures: Figure[] = [];
  for (const group of GROUPS.filter((g) => !args.only || args.only.includes(g.name))) {
    context.log(`${group.name}: ${group.about}`);
    try {
      figures.push(...(await group.run(context)));
    } catch (error) {
      context.log(`${group.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      figures.push(figure({ name: `${group.name} (failed)`, value: null, unit: '', target: { on: 'value', op: '>=', limit: 0 }, note: String(error).slice(0, 300) }));
    }
  }
  const results = { figures, machine: machine(), at: new Date().toISOString(), mode: args.quick ? 'quick' : 'full', durationSec: Math.round((Date.now() - startedAt) / 1000) };
  const partial = args.quick || args.only !== null;
  const out = args.out ?? fileURLToPath(new URL(`../../${partial ? 'results.partial.json' : 'results.json'}`, import.meta.url));
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\n${table(figures)}\n`);
  const missed = figures.filter((f) => f.met === false).length;
  console.log(`${figures.length} figures, ${missed} MISSED, in ${results.durationSec}s on ${results.machine.cpu} ×${results.machine.cores}, ${results.machine.node}. Written to ${out}`);
  // Exit explicitly: a library's timer or socket must not keep the run open.
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
