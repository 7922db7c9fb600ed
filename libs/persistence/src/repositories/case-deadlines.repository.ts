import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CaseDeadlineStage } from '@vigil/contracts';
import { DataSource } from 'typeorm';
import type { Transaction } from './transactions';

export type DeadlineCalendarKind = 'round_the_clock' | 'office';

/** One stage's deadline as stored: its time accounting, its schedule and what has fired. */
export interface CaseDeadlineRow {
  caseId: string;
  stage: CaseDeadlineStage;
  calendar: DeadlineCalendarKind;
  budgetMs: number;
  consumedMs: number;
  runningSince: Date | null;
  dueAt: Date;
  warnAt: Date;
  metAt: Date | null;
  warnedAt: Date | null;
  breachedAt: Date | null;
  escalationLevel: number;
  reminders: number;
  nextReminderAt: Date | null;
}

/** What planning and recomputing write: the accounting and schedule, never what has fired. */
export type DeadlinePlan = Pick<CaseDeadlineRow, 'caseId' | 'stage' | 'calendar' | 'budgetMs' | 'consumedMs' | 'runningSince' | 'dueAt' | 'warnAt' | 'metAt'>;

/** After a breach or a reminder: the rung reached and when to remind next. */
export interface DeadlineEscalation {
  caseId: string;
  stage: CaseDeadlineStage;
  level: number;
  nextReminderAt: Date;
}

const COLUMNS = `case_id AS "caseId", stage, calendar, budget_ms::float8 AS "budgetMs", consumed_ms::float8 AS "consumedMs",
  running_since AS "runningSince", due_at AS "dueAt", warn_at AS "warnAt", met_at AS "metAt", warned_at AS "warnedAt",
  breached_at AS "breachedAt", escalation_level AS "escalationLevel", reminders, next_reminder_at AS "nextReminderAt"`;

// Stages in workflow order, so a case's deadlines read back as a board shows them.
const STAGE_ORDER = `array_position(ARRAY['acknowledge', 'draft', 'approve', 'publish'], stage)`;

const WARNING_DUE = `met_at IS NULL AND warned_at IS NULL AND breached_at IS NULL AND running_since IS NOT NULL AND warn_at <= $1`;
const BREACH_DUE = `met_at IS NULL AND breached_at IS NULL AND running_since IS NOT NULL AND due_at <= $1`;
const REMINDER_DUE = `met_at IS NULL AND next_reminder_at IS NOT NULL AND running_since IS NOT NULL AND next_reminder_at <= $1`;

/**
 * Case deadlines. Each firing claims its rows with one conditional UPDATE … RETURNING on the column that records
 * it, in the caller's transaction: a row fires once whatever the number of tickers or restarts, because a second
 * claimant waits for the first's lock and then finds the condition no longer true.
 */
@Injectable()
export class CaseDeadlinesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A case's deadlines, locked for the change the caller is making to them (the caller holds the case's lock). */
  forUpdate(caseId: string, tx: Transaction): Promise<CaseDeadlineRow[]> {
    return tx.manager.query(`SELECT ${COLUMNS} FROM case_deadlines WHERE case_id = $1 ORDER BY ${STAGE_ORDER} FOR UPDATE`, [caseId]);
  }

  /** Every case's deadlines, in stage order. */
  async forCases(caseIds: readonly string[], tx?: Transaction): Promise<Map<string, CaseDeadlineRow[]>> {
    const byCase = new Map<string, CaseDeadlineRow[]>(caseIds.map((id) => [id, []]));
    if (caseIds.length === 0) return byCase;
    const rows: CaseDeadlineRow[] = await (tx?.manager ?? this.db.manager).query(
      `SELECT ${COLUMNS} FROM case_deadlines WHERE case_id = ANY($1::uuid[]) ORDER BY case_id, ${STAGE_ORDER}`,
      [[...caseIds]],
    );
    for (const row of rows) byCase.get(row.caseId)?.push(row);
    return byCase;
  }

  /** Stores new or recomputed plans; what already fired (warned, breached, reminders) stays. */
  async savePlans(plans: readonly DeadlinePlan[], tx: Transaction): Promise<void> {
    if (plans.length === 0) return;
    const column = <K extends keyof DeadlinePlan>(key: K) => plans.map((plan) => plan[key]);
    await tx.manager.query(
      `INSERT INTO case_deadlines (case_id, stage, calendar, budget_ms, consumed_ms, running_since, due_at, warn_at, met_at)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::timestamptz[], $7::timestamptz[], $8::timestamptz[], $9::timestamptz[])
       ON CONFLICT (case_id, stage) DO UPDATE SET calendar = excluded.calendar, budget_ms = excluded.budget_ms, consumed_ms = excluded.consumed_ms,
         running_since = excluded.running_since, due_at = excluded.due_at, warn_at = excluded.warn_at, met_at = excluded.met_at`,
      [column('caseId'), column('stage'), column('calendar'), column('budgetMs').map(Math.round), column('consumedMs').map(Math.round), column('runningSince'), column('dueAt'), column('warnAt'), column('metAt')],
    );
  }

  /**
   * Locks (case rows first, as every change to a case does, so a tick and an edit never deadlock) up to `limit` cases
   * with a warning, breach or reminder due at `now`. Cases another transaction holds are skipped: an edit in progress,
   * or another ticker firing them; the next tick finds them again if anything is still due.
   */
  async lockCasesWithDue(now: Date, limit: number, tx: Transaction): Promise<string[]> {
    const rows: { id: string }[] = await tx.manager.query(
      `SELECT id FROM cases WHERE id IN (
         SELECT case_id FROM case_deadlines WHERE ${WARNING_DUE}
         UNION SELECT case_id FROM case_deadlines WHERE ${BREACH_DUE}
         UNION SELECT case_id FROM case_deadlines WHERE ${REMINDER_DUE})
       ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    return rows.map((row) => row.id);
  }

  /** Claims the warnings due at `now` (not for a stage already due: its breach says more). */
  claimWarnings(caseIds: readonly string[], now: Date, tx: Transaction): Promise<CaseDeadlineRow[]> {
    return this.claim(`warned_at = $1`, `${WARNING_DUE} AND due_at > $1`, caseIds, now, tx);
  }

  /** Claims the breaches due at `now`; the caller sets their rung and first reminder (setEscalations). */
  claimBreaches(caseIds: readonly string[], now: Date, tx: Transaction): Promise<CaseDeadlineRow[]> {
    return this.claim(`breached_at = $1`, BREACH_DUE, caseIds, now, tx);
  }

  /** Claims the reminders due at `now`, counting them; the caller sets the next one (setEscalations). */
  claimReminders(caseIds: readonly string[], now: Date, tx: Transaction): Promise<CaseDeadlineRow[]> {
    return this.claim(`reminders = reminders + 1, next_reminder_at = NULL`, REMINDER_DUE, caseIds, now, tx);
  }

  async setEscalations(escalations: readonly DeadlineEscalation[], tx: Transaction): Promise<void> {
    if (escalations.length === 0) return;
    await tx.manager.query(
      `UPDATE case_deadlines d SET escalation_level = e.level, next_reminder_at = e.next
         FROM unnest($1::uuid[], $2::text[], $3::smallint[], $4::timestamptz[]) AS e(case_id, stage, level, next)
        WHERE d.case_id = e.case_id AND d.stage = e.stage`,
      [escalations.map((e) => e.caseId), escalations.map((e) => e.stage), escalations.map((e) => e.level), escalations.map((e) => e.nextReminderAt)],
    );
  }

  /** Marks cases breached (from their first breach on) and raises their escalation rung, never lowering it. */
  async markCasesEscalated(levels: ReadonlyMap<string, number>, at: Date, tx: Transaction): Promise<void> {
    if (levels.size === 0) return;
    await tx.manager.query(
      `UPDATE cases c SET breached_at = COALESCE(c.breached_at, $3), escalation_level = GREATEST(c.escalation_level, e.level)
         FROM unnest($1::uuid[], $2::smallint[]) AS e(id, level) WHERE c.id = e.id`,
      [[...levels.keys()], [...levels.values()], at],
    );
  }

  private claim(set: string, condition: string, caseIds: readonly string[], now: Date, tx: Transaction): Promise<CaseDeadlineRow[]> {
    if (caseIds.length === 0) return Promise.resolve([]);
    // As a CTE: TypeORM answers a bare UPDATE with a row count, not its RETURNING rows.
    return tx.manager.query(
      `WITH claimed AS (UPDATE case_deadlines SET ${set} WHERE case_id = ANY($2::uuid[]) AND ${condition} RETURNING *)
       SELECT ${COLUMNS} FROM claimed ORDER BY case_id, ${STAGE_ORDER}`,
      [now, [...caseIds]],
    );
  }
}
