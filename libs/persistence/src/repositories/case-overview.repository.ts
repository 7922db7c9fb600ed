import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CaseDeadlineStage, CaseDeadlineState, CaseSeverity, CaseStatus } from '@vigil/contracts';
import { deadlineState } from '@vigil/domain';
import { Repository } from 'typeorm';
import { ItemEntity } from '../entities/item.entity';

export interface CaseDeadlineOutcomeRow {
  stage: CaseDeadlineStage;
  dueAt: Date;
  state: CaseDeadlineState;
  metAt: Date | null;
  breachedAt: Date | null;
}

/** When a case first reached each milestone (from its audit trail), and how many of its deadlines it breached. */
export interface CaseMilestonesRow {
  id: string;
  acknowledgedAt: Date | null;
  firstDraftAt: Date | null;
  publishedAt: Date | null;
  breaches: number;
}

/** The statuses whose first arrival marks each milestone (MILESTONE_STATUSES in the domain). */
export interface MilestoneStatuses {
  acknowledgedAt: readonly CaseStatus[];
  firstDraftAt: readonly CaseStatus[];
  publishedAt: readonly CaseStatus[];
}

/** The first audit entry moving the case into one of the statuses $n names. */
const firstArrival = (param: number) =>
  `(SELECT min(a.at) FROM case_audit a WHERE a.case_id = c.id AND a.action = 'transitioned' AND a.after->>'status' = ANY($${param}::text[]))`;

/** Cases as lists across them read them: headers, milestones, deadlines due, and the counts behind the dashboard. */
@Injectable()
export class CaseOverviewRepository {
  constructor(@InjectRepository(ItemEntity) private readonly items: Repository<ItemEntity>) {}

  /**
   * Cases not closed, the one whose next unmet deadline comes first at the top; those with none after, oldest first:
   * their ids, decided on due times alone (one grouped read of the deadlines), so only the cases listed are read whole.
   */
  async openIdsByNextDeadline(limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.items.query(
      `WITH next AS (SELECT case_id, min(due_at) AS due_at FROM case_deadlines WHERE met_at IS NULL GROUP BY case_id)
       SELECT c.id FROM cases c LEFT JOIN next ON next.case_id = c.id
        WHERE c.status <> 'closed' ORDER BY next.due_at NULLS LAST, c.created_at, c.id LIMIT $1`,
      [limit],
    );
    return rows.map((row) => row.id);
  }

  /** Unmet deadlines of open cases due before `until` (overdue ones included), soonest first. */
  async deadlinesDueBefore(until: Date, limit: number): Promise<{ caseId: string; reference: string; title: string; severity: CaseSeverity; deadline: CaseDeadlineOutcomeRow }[]> {
    const rows: { case_id: string; reference: string; title: string; severity: CaseSeverity; stage: CaseDeadlineStage; due_at: Date; met_at: Date | null; warned_at: Date | null; breached_at: Date | null; paused: boolean }[] =
      await this.items.query(
        `SELECT d.case_id, c.reference, c.title, c.severity, d.stage, d.due_at, d.met_at, d.warned_at, d.breached_at, d.running_since IS NULL AS paused
           FROM case_deadlines d JOIN cases c ON c.id = d.case_id
          WHERE d.met_at IS NULL AND d.due_at <= $1 AND c.status <> 'closed'
          ORDER BY d.due_at, d.case_id LIMIT $2`,
        [until, limit],
      );
    return rows.map((row) => ({
      caseId: row.case_id,
      reference: row.reference,
      title: row.title,
      severity: row.severity,
      deadline: {
        stage: row.stage,
        dueAt: row.due_at,
        state: deadlineState({ metAt: row.met_at, warnedAt: row.warned_at, breachedAt: row.breached_at, paused: row.paused }),
        metAt: row.met_at,
        breachedAt: row.breached_at,
      },
    }));
  }

  /** Open critical flags nobody holds, by priority (the open-priority index). */
  async unclaimedCriticalFlags(limit: number): Promise<{ id: string; ruleName: string; title: string; itemCount: number; sourceCount: number; priority: number; createdAt: Date }[]> {
    const rows: { id: string; rule_name: string; title: string; item_count: number; source_count: number; priority: number; created_at: Date }[] = await this.items.query(
      `SELECT f.id, r.name AS rule_name, i.title, f.priority, f.created_at,
              (SELECT count(*)::int FROM flag_items fi WHERE fi.flag_id = f.id) AS item_count,
              (SELECT count(DISTINCT fi.source_id)::int FROM flag_items fi WHERE fi.flag_id = f.id) AS source_count
         FROM flags f JOIN watch_rules r ON r.id = f.rule_id JOIN items i ON i.id = f.latest_item_id
        WHERE f.status = 'open' AND f.claimed_by IS NULL AND r.severity = 'critical'
        ORDER BY f.priority DESC, f.updated_at DESC LIMIT $1`,
      [limit],
    );
    return rows.map((row) => ({ id: row.id, ruleName: row.rule_name, title: row.title, itemCount: row.item_count, sourceCount: row.source_count, priority: row.priority, createdAt: row.created_at }));
  }

  async openCounts(): Promise<{ severity: CaseSeverity; status: CaseStatus; count: number }[]> {
    return this.items.query(`SELECT severity, status, count(*)::int AS count FROM cases WHERE status <> 'closed' GROUP BY 1, 2 ORDER BY 1, 2`);
  }

  async breachesSince(since: Date): Promise<{ stage: CaseDeadlineStage; count: number }[]> {
    return this.items.query(`SELECT stage, count(*)::int AS count FROM case_deadlines WHERE breached_at >= $1 GROUP BY 1 ORDER BY 1`, [since]);
  }

  /**
   * Per week (Monday 00:00 Asia/Ho_Chi_Minh) of the cases opened since `since`: how many, and the median seconds to
   * acknowledge and to publish among those that got there. One pass over the weeks' audit entries, grouped in SQL.
   */
  async weeklyMedians(since: Date, statuses: MilestoneStatuses): Promise<{ weekStart: Date; opened: number; medianAcknowledgeSec: number | null; medianPublishSec: number | null }[]> {
    const rows: { week_start: Date; opened: number; acknowledge: number | null; publish: number | null }[] = await this.items.query(
      `WITH opened AS (SELECT id, created_at FROM cases WHERE created_at >= $1),
       reached AS (
         SELECT a.case_id,
                min(a.at) FILTER (WHERE a.after->>'status' = ANY($2::text[])) AS acknowledged_at,
                min(a.at) FILTER (WHERE a.after->>'status' = ANY($3::text[])) AS published_at
           FROM case_audit a JOIN opened o ON o.id = a.case_id WHERE a.action = 'transitioned' GROUP BY a.case_id
       )
       SELECT date_trunc('week', o.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh') AT TIME ZONE 'Asia/Ho_Chi_Minh' AS week_start,
              count(*)::int AS opened,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.acknowledged_at - o.created_at)) AS acknowledge,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.published_at - o.created_at)) AS publish
         FROM opened o LEFT JOIN reached r ON r.case_id = o.id
        GROUP BY 1 ORDER BY 1`,
      [since, statuses.acknowledgedAt, statuses.publishedAt],
    );
    const seconds = (value: number | null) => (value === null ? null : Math.max(0, Math.round(Number(value))));
    return rows.map((row) => ({ weekStart: row.week_start, opened: row.opened, medianAcknowledgeSec: seconds(row.acknowledge), medianPublishSec: seconds(row.publish) }));
  }

  /** The latest cases' milestones and breaches, newest first: what the CSV export lists beside each case. */
  async latestMilestones(limit: number, statuses: MilestoneStatuses): Promise<CaseMilestonesRow[]> {
    const rows: { id: string; acknowledged_at: Date | null; first_draft_at: Date | null; published_at: Date | null; breaches: number }[] = await this.items.query(
      `SELECT c.id, ${firstArrival(2)} AS acknowledged_at, ${firstArrival(3)} AS first_draft_at, ${firstArrival(4)} AS published_at,
              (SELECT count(*)::int FROM case_deadlines d WHERE d.case_id = c.id AND d.breached_at IS NOT NULL) AS breaches
         FROM cases c ORDER BY c.created_at DESC, c.id LIMIT $1`,
      [limit, statuses.acknowledgedAt, statuses.firstDraftAt, statuses.publishedAt],
    );
    return rows.map((row) => ({ id: row.id, acknowledgedAt: row.acknowledged_at, firstDraftAt: row.first_draft_at, publishedAt: row.published_at, breaches: row.breaches }));
  }

  /** The titles of what a case links, for its report. */
  async linkTitles(caseId: string): Promise<{ kind: 'flag' | 'item' | 'story'; title: string }[]> {
    return this.items.query(
      `SELECT l.kind, COALESCE(i.title, st.title, fi.title, '') AS title
         FROM case_links l
         LEFT JOIN items i ON l.kind = 'item' AND i.id = l.target_id
         LEFT JOIN stories st ON l.kind = 'story' AND st.id = l.target_id
         LEFT JOIN flags f ON l.kind = 'flag' AND f.id = l.target_id
         LEFT JOIN items fi ON fi.id = f.first_item_id
        WHERE l.case_id = $1 ORDER BY l.added_at, l.kind, l.target_id`,
      [caseId],
    );
  }
}
