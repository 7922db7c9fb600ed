import { Inject, Injectable } from '@nestjs/common';
import {
  DASHBOARD_WEEKS,
  type DashboardView,
  HANDOVER_HORIZON_HOURS,
  HANDOVER_LIST_LIMIT,
  type HandoverSource,
  type HandoverView,
} from '@vigil/contracts';
import { CLOCK, type Clock, MILESTONE_STATUSES, secondsBetween, sourceHealthStatus, vietnamWeekStart } from '@vigil/domain';
import { CaseOverviewRepository, SourceActivityRepository, SourcesRepository } from '@vigil/persistence';
import { CaseReads } from './case-reads';
import { csvDocument } from './csv';

const HOUR_MS = 3_600_000;
const WEEK_MS = 7 * 24 * HOUR_MS;
/** The most cases one CSV export lists (the latest opened). */
export const CSV_MAX_CASES = 10_000;

const CSV_HEADER = [
  'reference',
  'title',
  'severity',
  'status',
  'assignee',
  'team',
  'tags',
  'opened_at',
  'acknowledged_at',
  'first_draft_at',
  'published_at',
  'minutes_to_acknowledge',
  'minutes_to_first_draft',
  'minutes_to_publish',
  'deadlines_breached',
];

/** What spans cases: the shift handover, the leaders' dashboard and the CSV export. */
@Injectable()
export class CaseOverviewService {
  constructor(
    private readonly overview: CaseOverviewRepository,
    private readonly reads: CaseReads,
    private readonly sources: SourcesRepository,
    private readonly activity: SourceActivityRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handover(): Promise<HandoverView> {
    const now = this.clock.now();
    const [open, due, flags, sources] = await Promise.all([
      this.overview.openIdsByNextDeadline(HANDOVER_LIST_LIMIT).then((ids) => this.reads.many(ids)),
      this.overview.deadlinesDueBefore(new Date(now.getTime() + HANDOVER_HORIZON_HOURS * HOUR_MS), HANDOVER_LIST_LIMIT),
      this.overview.unclaimedCriticalFlags(HANDOVER_LIST_LIMIT),
      this.sourcesNeedingAttention(now),
    ]);
    return {
      at: now.toISOString(),
      openCases: open.map(({ summary, deadlines }) => {
        const next = deadlines.filter((deadline) => deadline.metAt === null).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0];
        return { case: summary, nextDeadline: next ? { stage: next.stage, dueAt: next.dueAt.toISOString(), state: next.state } : null };
      }),
      upcomingDeadlines: due.map((row) => ({
        caseId: row.caseId,
        reference: row.reference,
        title: row.title,
        severity: row.severity,
        stage: row.deadline.stage,
        dueAt: row.deadline.dueAt.toISOString(),
        state: row.deadline.state,
      })),
      unclaimedCriticalFlags: flags.map((flag) => ({ ...flag, createdAt: flag.createdAt.toISOString() })),
      sourcesNeedingAttention: sources,
    };
  }

  async dashboard(): Promise<DashboardView> {
    const now = this.clock.now();
    const thisWeek = vietnamWeekStart(now);
    const firstWeek = new Date(thisWeek.getTime() - (DASHBOARD_WEEKS - 1) * WEEK_MS);
    const [openCases, breaches, measured] = await Promise.all([
      this.overview.openCounts(),
      this.overview.breachesSince(thisWeek),
      this.overview.weeklyMedians(firstWeek, MILESTONE_STATUSES),
    ]);
    const byWeek = new Map(measured.map((week) => [week.weekStart.getTime(), week]));
    return {
      at: now.toISOString(),
      openCases,
      breachesThisWeek: { total: breaches.reduce((sum, entry) => sum + entry.count, 0), byStage: breaches },
      // Every week listed, those without cases too; weeks are 7 × 24 h apart (Asia/Ho_Chi_Minh has no daylight saving).
      weeks: Array.from({ length: DASHBOARD_WEEKS }, (_, index) => {
        const start = new Date(firstWeek.getTime() + index * WEEK_MS);
        const week = byWeek.get(start.getTime());
        return { weekStart: start.toISOString(), opened: week?.opened ?? 0, medianAcknowledgeSec: week?.medianAcknowledgeSec ?? null, medianPublishSec: week?.medianPublishSec ?? null };
      }),
    };
  }

  async csv(): Promise<string> {
    const milestones = await this.overview.latestMilestones(CSV_MAX_CASES, MILESTONE_STATUSES);
    const cases = new Map((await this.reads.rows(milestones.map((entry) => entry.id))).map((row) => [row.id, row]));
    const rows = milestones.flatMap((entry) => {
      const row = cases.get(entry.id);
      return row ? [{ ...row, ...entry }] : [];
    });
    const minutes = (from: Date, to: Date | null) => {
      const seconds = secondsBetween(from, to);
      return seconds === null ? null : Math.round(seconds / 60);
    };
    return csvDocument(
      CSV_HEADER,
      rows.map((row) => [
        row.reference,
        row.title,
        row.severity,
        row.status,
        row.assignee?.displayName ?? null,
        row.team?.name ?? null,
        row.tags.join('; '),
        row.createdAt.toISOString(),
        row.acknowledgedAt?.toISOString() ?? null,
        row.firstDraftAt?.toISOString() ?? null,
        row.publishedAt?.toISOString() ?? null,
        minutes(row.createdAt, row.acknowledgedAt),
        minutes(row.createdAt, row.firstDraftAt),
        minutes(row.createdAt, row.publishedAt),
        row.breaches,
      ]),
    );
  }

  /** Sources failing or gone silent, by the same health rule the Sources screen shows (paused ones are someone's choice). */
  private async sourcesNeedingAttention(now: Date): Promise<HandoverSource[]> {
    const all = await this.sources.list();
    const rhythm = await this.activity.publishingRhythm(
      all.map((source) => source.id),
      now,
    );
    return all.flatMap((source): HandoverSource[] => {
      const seen = rhythm.get(source.id) ?? null;
      const status = sourceHealthStatus(
        {
          paused: source.paused,
          consecutiveFailures: source.consecutiveFailures,
          lastSuccessAt: source.lastSuccessAt,
          lastItemAt: seen?.lastItemAt ?? null,
          typicalGapMs: seen?.typicalGapMs ?? null,
          maxPollIntervalSec: source.maxPollIntervalSec,
        },
        now,
      );
      if (status !== 'failing' && status !== 'silent') return [];
      return [
        { id: source.id, name: source.name, status, lastSuccessAt: source.lastSuccessAt?.toISOString() ?? null, lastItemAt: seen?.lastItemAt.toISOString() ?? null, consecutiveFailures: source.consecutiveFailures },
      ];
    });
  }
}
