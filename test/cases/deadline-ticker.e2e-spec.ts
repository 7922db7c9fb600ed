import { jest } from '@jest/globals';
import type { CaseSeverity, CaseStatus } from '@vigil/contracts';
import { CaseDeadlinePlanner, DeadlineTicker } from '@vigil/deadlines';
import { CasesRepository, LiveEventsRepository, Transactions } from '@vigil/persistence';
import { waitFor } from '@vigil/testing';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';

const MINUTE = 60_000;

/**
 * The deadline ticker against the mode's database, driven directly: several tickers at once fire each deadline once,
 * breaches climb the ladder, reminders repeat until the stage is met, and waiting pauses the clock. The app's own
 * schedule is set far apart, but it ticks once at start and may tick again: a scheduled tick that holds a case makes
 * the spec's tick skip it, and commits only later. So every tick is tracked, and the spec's ticks start once the
 * others have committed.
 */
describe('deadline ticker', () => {
  let vigil: VigilTestApp;
  let ticker: DeadlineTicker;
  let planner: CaseDeadlinePlanner;
  let cases: CasesRepository;
  let transactions: Transactions;
  let events: LiveEventsRepository;

  const ticksInFlight = new Set<Promise<unknown>>();
  const untilOtherTicksCommit = () => Promise.allSettled([...ticksInFlight]);
  const tickAlone = async () => {
    await untilOtherTicksCommit();
    return ticker.tick();
  };

  beforeAll(async () => {
    const tick = DeadlineTicker.prototype.tick;
    const tracked = jest.spyOn(DeadlineTicker.prototype, 'tick').mockImplementation(function (this: DeadlineTicker) {
      const run = tick.call(this);
      ticksInFlight.add(run);
      void run.finally(() => ticksInFlight.delete(run)).catch(() => undefined);
      return run;
    });
    vigil = await startVigil({ VIGIL_DEADLINE_TICK_SEC: '60' });
    await waitFor('the scheduled tick at start', async () => (tracked.mock.calls.length > 0 ? true : undefined));
    await untilOtherTicksCommit();
    ticker = vigil.app.get(DeadlineTicker, { strict: false });
    planner = vigil.app.get(CaseDeadlinePlanner, { strict: false });
    cases = vigil.app.get(CasesRepository, { strict: false });
    transactions = vigil.app.get(Transactions, { strict: false });
    events = vigil.app.get(LiveEventsRepository, { strict: false });
  }, 120_000);

  afterAll(async () => {
    await vigil?.close();
    jest.restoreAllMocks();
  });

  async function openCase(severity: CaseSeverity): Promise<string> {
    const at = vigil.clock.now();
    return transactions.run(async (tx) => {
      const row = await cases.create({ title: `Tin đồn sai sự thật về giá xăng (${severity})`, claimSummary: null, severity, assigneeId: null, teamId: null, tags: [] }, null, at, tx);
      await planner.planCase({ caseId: row.id, severity, at }, tx);
      return row.id;
    });
  }

  async function moveTo(caseId: string, to: CaseStatus): Promise<void> {
    const at = vigil.clock.now();
    await transactions.run(async (tx) => {
      await cases.lock(caseId, tx);
      await cases.setStatus(caseId, to, at, tx);
      await planner.statusChanged({ caseId, to, at }, tx);
    });
  }

  /** The stored live events about one case, by type. */
  async function eventsOf(caseId: string) {
    const stored = await events.after('0', 10_000);
    return stored
      .filter((event) => JSON.stringify(event.data).includes(caseId))
      .map((event) => ({ type: event.type, data: event.data as { level?: string; stage?: string; deadline?: { stage: string; state: string } } }));
  }

  it('fires a due breach once when three tickers run at the same moment', async () => {
    const caseId = await openCase('critical');
    vigil.clock.advance(16 * MINUTE);
    await untilOtherTicksCommit();
    // The app's own scheduled tick may join in: a fourth ticker.
    const results = await Promise.all([ticker.tick(), ticker.tick(), ticker.tick()]);
    expect(results.reduce((sum, result) => sum + result.breaches, 0)).toBeLessThanOrEqual(1);
    await tickAlone();
    const fired = await eventsOf(caseId);
    expect(fired.filter((event) => event.type === 'deadline.breached')).toHaveLength(1);
    expect(fired.filter((event) => event.type === 'deadline.warning')).toHaveLength(0);
    expect(fired.find((event) => event.type === 'case.escalated')?.data).toMatchObject({ stage: 'acknowledge', level: 'reviewer' });
    const [row]: { breachedAt: Date | null; escalationLevel: number }[] = await vigil.app
      .get(Transactions, { strict: false })
      .run((tx) => tx.manager.query(`SELECT breached_at AS "breachedAt", escalation_level AS "escalationLevel" FROM cases WHERE id = $1`, [caseId]));
    expect(row).toMatchObject({ escalationLevel: 1 });
    expect(row!.breachedAt).not.toBeNull();
  });

  it('reminds at the policy interval, one rung higher each time, until the stage is met', async () => {
    const caseId = await openCase('critical');
    vigil.clock.advance(12 * MINUTE);
    await tickAlone();
    vigil.clock.advance(4 * MINUTE);
    await tickAlone();
    vigil.clock.advance(15 * MINUTE);
    await tickAlone();
    vigil.clock.advance(15 * MINUTE);
    await tickAlone();
    await moveTo(caseId, 'acknowledged');
    vigil.clock.advance(15 * MINUTE);
    await tickAlone();
    const fired = await eventsOf(caseId);
    expect(fired.map((event) => event.type)).toEqual(['deadline.warning', 'deadline.breached', 'case.escalated', 'case.escalated', 'case.escalated']);
    expect(fired.filter((event) => event.type === 'case.escalated').map((event) => event.data.level)).toEqual(['reviewer', 'leader', 'leader']);
  });

  it('sends a second missed stage one rung higher than the first', async () => {
    const caseId = await openCase('critical');
    await moveTo(caseId, 'acknowledged');
    await moveTo(caseId, 'drafting');
    vigil.clock.advance(121 * MINUTE);
    await tickAlone();
    const escalations = (await eventsOf(caseId)).filter((event) => event.type === 'case.escalated');
    expect(escalations.map((event) => [event.data.stage, event.data.level])).toEqual([['draft', 'reviewer']]);
    vigil.clock.advance(60 * MINUTE);
    await tickAlone();
    const later = (await eventsOf(caseId)).filter((event) => event.type === 'case.escalated');
    // The approval stage (4 h) is not due yet; the draft's reminders climbed meanwhile.
    expect(later.every((event) => event.data.stage === 'draft')).toBe(true);
    vigil.clock.advance(60 * MINUTE);
    await tickAlone();
    const approval = (await eventsOf(caseId)).filter((event) => event.type === 'case.escalated' && event.data.stage === 'approve');
    expect(approval.map((event) => event.data.level)).toEqual(['leader']);
  });

  it('does not count time spent waiting', async () => {
    const caseId = await openCase('critical');
    await moveTo(caseId, 'acknowledged');
    await moveTo(caseId, 'drafting');
    vigil.clock.advance(60 * MINUTE);
    await moveTo(caseId, 'waiting');
    vigil.clock.advance(3 * 60 * MINUTE);
    await tickAlone();
    expect((await eventsOf(caseId)).filter((event) => event.type === 'deadline.breached')).toHaveLength(0);
    await moveTo(caseId, 'drafting');
    const deadlines = (await planner.viewsFor([caseId])).get(caseId)!;
    const draft = deadlines.find((deadline) => deadline.stage === 'draft')!;
    // Due two hours after opening, plus the three hours spent waiting.
    const opened = vigil.clock.now().getTime() - 4 * 60 * MINUTE;
    expect(Math.abs(new Date(draft.dueAt).getTime() - (opened + 5 * 60 * MINUTE))).toBeLessThan(5_000);
    expect(draft.state).toBe('pending');
  });
});
