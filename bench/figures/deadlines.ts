import { VIGIL_CONFIG, type VigilConfig } from '@vigil/config';
import { DeadlineTicker, SlaPolicyStore } from '@vigil/deadlines';
import { CLOCK } from '@vigil/domain';
import { VigilMetrics } from '@vigil/metrics';
import { CaseAuditRepository, CaseDeadlinesRepository, CasesRepository, Transactions } from '@vigil/persistence';
import { LiveEventPublisher } from '@vigil/realtime';
import type { BenchContext } from '../lib/context';
import { figure, type Figure } from '../lib/report';
import { median, quantile, sleep, timeIt, waitUntil } from '../lib/stats';
import { type InProcessVigil, startVigil } from '../lib/vigil';

const OPEN_CASES = 10_000;
const FIRING_PER_TICK = 20;
const TARGET_TICK_MS = 200;
const TARGET_FIRE_MS = 5_000;

/**
 * The deadline ticker at office scale: 10,000 open cases (40,000 deadlines, none due), into which each round makes
 * 20 deadlines due (10 breaches, 10 warnings). One app without workers times the ticker called directly, side by side
 * with an idle tick at the same size as the baseline; a second app runs the scheduled ticker as production does
 * (VIGIL_DEADLINE_TICK_SEC default) and measures how long after its due time each deadline fired.
 */
export async function deadlineFigures(context: BenchContext): Promise<Figure[]> {
  const kind = context.postgres ? 'postgres' : 'pglite';
  const cases = context.quick ? 1_000 : OPEN_CASES;
  const tick = await tickFigure(context, kind, cases);
  const firing = await firingFigure(context, kind, cases);
  return [tick, firing];
}

async function tickFigure(context: BenchContext, kind: 'postgres' | 'pglite', cases: number): Promise<Figure> {
  const vigil = await startVigil(kind, { VIGIL_EMBEDDED_WORKER: 'false' });
  try {
    await seedOpenCases(vigil, cases);
    // Built by hand: this app runs no workers, so no scheduled tick takes the due rows first.
    const get = <T>(token: abstract new (...args: never[]) => T) => vigil.app.get(token, { strict: false });
    const ticker = new DeadlineTicker(get(Transactions), get(CaseDeadlinesRepository), get(CasesRepository), get(CaseAuditRepository), get(SlaPolicyStore), get(LiveEventPublisher), get(VigilMetrics), vigil.app.get(CLOCK, { strict: false }));
    const firing: number[] = [];
    const idle: number[] = [];
    const rounds = context.quick ? 10 : 40;
    for (let round = 0; round < rounds + 3; round += 1) {
      await makeDue(vigil, FIRING_PER_TICK, 0);
      let fired = 0;
      const busy = await timeIt(async () => {
        const result = await ticker.tick();
        fired = result.breaches + result.warnings;
      });
      if (fired !== FIRING_PER_TICK) throw new Error(`A tick fired ${fired} deadlines, expected ${FIRING_PER_TICK}`);
      const quiet = await timeIt(() => ticker.tick());
      if (round >= 3) {
        firing.push(busy);
        idle.push(quiet);
      }
    }
    context.log(`deadline tick on ${kind}: firing ${FIRING_PER_TICK} p50 ${median(firing).toFixed(1)} p95 ${quantile(firing, 0.95).toFixed(1)} ms, idle p50 ${median(idle).toFixed(1)} ms`);
    return figure({
      name: `deadline tick p95 (${cases.toLocaleString('en')} open cases)`,
      value: quantile(firing, 0.95),
      unit: 'ms',
      baseline: quantile(idle, 0.95),
      target: { on: 'value', op: '<', limit: TARGET_TICK_MS },
      note: `DeadlineTicker.tick() on ${kind}, ${cases.toLocaleString('en')} open cases with 4 deadlines each, ${FIRING_PER_TICK} due per tick (audit entries and live events included), ${firing.length} ticks; baseline = an idle tick at the same size`,
    });
  } finally {
    await vigil.close();
  }
}

async function firingFigure(context: BenchContext, kind: 'postgres' | 'pglite', cases: number): Promise<Figure> {
  const vigil = await startVigil(kind);
  try {
    await seedOpenCases(vigil, cases);
    const rounds = context.quick ? 3 : 10;
    for (let round = 0; round < rounds; round += 1) {
      // Due over the next three seconds, so the due times fall anywhere between two scheduled ticks.
      await makeDue(vigil, FIRING_PER_TICK, 3_000);
      await sleep(3_000);
      const fired = await waitUntil(async () => (await pendingBreaches(vigil)) === 0, 30_000);
      if (!fired) throw new Error('Due deadlines did not fire within 30 s');
    }
    const rows: { ms: number }[] = await vigil.dataSource.query(
      `SELECT extract(epoch FROM (breached_at - due_at)) * 1000 AS ms FROM case_deadlines WHERE breached_at IS NOT NULL AND stage = 'publish'`,
    );
    const lateness = rows.map((row) => Number(row.ms));
    const tickMs = vigil.app.get<symbol, VigilConfig>(VIGIL_CONFIG, { strict: false }).deadlines.tickMs;
    context.log(`deadline firing on ${kind}: ${lateness.length} deadlines, lateness p50 ${median(lateness).toFixed(0)} max ${Math.max(...lateness).toFixed(0)} ms`);
    return figure({
      name: 'due deadline fires within (max lateness)',
      value: Math.max(...lateness),
      unit: 'ms',
      baseline: tickMs,
      target: { on: 'value', op: '<', limit: TARGET_FIRE_MS },
      note: `${lateness.length} breaches on ${kind} among ${cases.toLocaleString('en')} open cases, fired by the scheduled ticker (in-process jobs, default VIGIL_DEADLINE_TICK_SEC); lateness = breached_at − due_at; baseline = the tick interval`,
    });
  } finally {
    await vigil.close();
  }
}

/** Open cases with their four deadlines far in the future (nothing due), in a few set-based statements. */
async function seedOpenCases(vigil: InProcessVigil, cases: number): Promise<void> {
  const db = vigil.dataSource;
  await db.query(
    `INSERT INTO cases (reference, title, severity, status, created_at, updated_at, status_changed_at)
     SELECT 'VG-2026-' || lpad(n::text, 5, '0'), 'Vụ việc số ' || n, (ARRAY['critical', 'high', 'medium', 'low'])[1 + n % 4],
            (ARRAY['new', 'acknowledged', 'drafting', 'in_review'])[1 + n % 4], now(), now(), now()
       FROM generate_series(1, $1::int) n`,
    [cases],
  );
  await db.query(
    `INSERT INTO case_deadlines (case_id, stage, calendar, budget_ms, running_since, due_at, warn_at)
     SELECT c.id, s.stage, 'round_the_clock', 30 * 86400000::bigint, now(), now() + interval '30 days', now() + interval '22 days'
       FROM cases c CROSS JOIN (VALUES ('acknowledge'), ('draft'), ('approve'), ('publish')) AS s(stage)`,
  );
  await db.query('ANALYZE');
}

/** Makes `count` untouched deadlines due within `withinMs`: half breaches (publish stage), half warnings (approve stage). */
async function makeDue(vigil: InProcessVigil, count: number, withinMs: number): Promise<void> {
  const half = count / 2;
  await vigil.dataSource.query(
    `UPDATE case_deadlines SET due_at = now() + make_interval(secs => random() * $2::float8 / 1000), warn_at = now() - interval '1 second'
      WHERE (case_id, stage) IN (SELECT case_id, stage FROM case_deadlines WHERE stage = 'publish' AND breached_at IS NULL AND due_at > now() + interval '1 day' LIMIT $1)`,
    [half, withinMs],
  );
  await vigil.dataSource.query(
    `UPDATE case_deadlines SET warn_at = now() - interval '1 second'
      WHERE (case_id, stage) IN (SELECT case_id, stage FROM case_deadlines WHERE stage = 'approve' AND warned_at IS NULL AND warn_at > now() LIMIT $1)`,
    [half],
  );
}

async function pendingBreaches(vigil: InProcessVigil): Promise<number> {
  const [row]: { count: number }[] = await vigil.dataSource.query(`SELECT count(*)::int AS count FROM case_deadlines WHERE stage = 'publish' AND breached_at IS NULL AND due_at <= now()`);
  return row!.count;
}
