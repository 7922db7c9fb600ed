import { Inject, Injectable } from '@nestjs/common';
import {
  type CaseImpact,
  type CaseMetrics,
  type CaseTimeline,
  TIMELINE_MAX_EVENTS,
  TIMELINE_SPREAD_HOURS,
  type TimelineSpread,
} from '@vigil/contracts';
import { caseMilestones, CLOCK, type Clock, secondsBetween } from '@vigil/domain';
import { CaseAuditRepository, type CaseDeadlineOutcomeRow, type CaseFirstItem, CaseOverviewRepository, CaseTimelineRepository } from '@vigil/persistence';
import { renderCaseReport } from './case-report';
import { type CaseRead, CaseReads } from './case-reads';
import type { ReportLanguage } from './report-labels';
import { statusChanges, timelineEvents } from './timeline-events';

const HOUR_MS = 3_600_000;
/** Flags and spikes one timeline reads at most (the oldest: how it began matters most in a review). */
const TIMELINE_FLAGS = 200;
const TIMELINE_SPIKES = 200;

/** One case's story end to end: how it spread, what the office did when, and what the response changed. */
@Injectable()
export class CaseTimelineService {
  constructor(
    private readonly timelines: CaseTimelineRepository,
    private readonly overview: CaseOverviewRepository,
    private readonly reads: CaseReads,
    private readonly audit: CaseAuditRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async timeline(caseId: string): Promise<CaseTimeline> {
    return this.timelineOf(await this.reads.one(caseId));
  }

  async report(caseId: string, language: ReportLanguage): Promise<string> {
    const read = await this.reads.one(caseId);
    const [timeline, links] = await Promise.all([this.timelineOf(read), this.overview.linkTitles(caseId)]);
    return renderCaseReport({ timeline, claimSummary: read.row.claimSummary, links, generatedAt: this.clock.now(), language });
  }

  private async timelineOf({ row: header, summary, deadlines }: CaseRead): Promise<CaseTimeline> {
    const caseId = header.id;
    const now = this.clock.now();
    const { first, total } = await this.timelines.firstItem(caseId);
    const since = first?.fetchedAt ?? header.createdAt;
    const [spread, flags, spikes, audit] = await Promise.all([
      this.spread(caseId, first, total, now),
      this.timelines.flags(caseId, TIMELINE_FLAGS),
      this.timelines.spikes(caseId, new Date(since.getTime() - HOUR_MS), TIMELINE_SPIKES),
      this.audit.list(caseId),
    ]);
    const events = timelineEvents({ severity: header.severity, firstItem: first, flags, spikes, audit, deadlines });
    const milestones = caseMilestones(statusChanges(audit));
    const metrics: CaseMetrics = {
      acknowledgedAt: milestones.acknowledgedAt?.toISOString() ?? null,
      timeToAcknowledgeSec: secondsBetween(header.createdAt, milestones.acknowledgedAt),
      firstDraftAt: milestones.firstDraftAt?.toISOString() ?? null,
      timeToFirstDraftSec: secondsBetween(header.createdAt, milestones.firstDraftAt),
      publishedAt: milestones.publishedAt?.toISOString() ?? null,
      timeToPublishSec: secondsBetween(header.createdAt, milestones.publishedAt),
      deadlines: deadlines.map(deadlineOutcome),
    };
    return {
      case: summary,
      spread,
      events: events.slice(0, TIMELINE_MAX_EVENTS),
      eventsTruncated: events.length > TIMELINE_MAX_EVENTS,
      metrics,
      impact: milestones.publishedAt ? await this.impact(caseId, milestones.publishedAt, now) : null,
    };
  }

  /** Hours from the first item's, at most TIMELINE_SPREAD_HOURS and never past the current hour. */
  private async spread(caseId: string, first: CaseFirstItem | null, total: number, now: Date): Promise<TimelineSpread> {
    if (!first) return { firstSeenAt: null, from: null, to: null, sources: [], cells: [], totalItems: total };
    const from = new Date(Math.floor(first.fetchedAt.getTime() / HOUR_MS) * HOUR_MS);
    const to = new Date(Math.min(from.getTime() + TIMELINE_SPREAD_HOURS * HOUR_MS, (Math.floor(now.getTime() / HOUR_MS) + 1) * HOUR_MS));
    const rows = await this.timelines.spread(caseId, from, new Date(Math.max(to.getTime(), from.getTime() + HOUR_MS)));
    const sources = new Map<string, { id: string; name: string; items: number }>();
    for (const row of rows) {
      const source = sources.get(row.sourceId) ?? { id: row.sourceId, name: row.sourceName, items: 0 };
      source.items += row.count;
      sources.set(row.sourceId, source);
    }
    return {
      firstSeenAt: first.fetchedAt.toISOString(),
      from: from.toISOString(),
      to: to.toISOString(),
      sources: [...sources.values()].sort((a, b) => b.items - a.items || a.name.localeCompare(b.name)),
      cells: rows.map((row) => ({ hour: row.hour.toISOString(), sourceId: row.sourceId, count: row.count })),
      totalItems: total,
    };
  }

  private async impact(caseId: string, publishedAt: Date, now: Date): Promise<CaseImpact> {
    const at = publishedAt.getTime();
    const windows = [
      { from: new Date(at - 24 * HOUR_MS), to: publishedAt },
      { from: publishedAt, to: new Date(at + 24 * HOUR_MS) },
      { from: publishedAt, to: new Date(at + 72 * HOUR_MS) },
    ];
    const [before, after24h, after72h] = await this.timelines.impact(caseId, windows);
    const complete = (index: number) => now.getTime() >= windows[index]!.to.getTime();
    return {
      publishedAt: publishedAt.toISOString(),
      before24h: { ...before!, complete: true },
      after24h: { ...after24h!, complete: complete(1) },
      after72h: { ...after72h!, complete: complete(2) },
    };
  }
}

function deadlineOutcome(deadline: CaseDeadlineOutcomeRow): CaseMetrics['deadlines'][number] {
  return {
    stage: deadline.stage,
    dueAt: deadline.dueAt.toISOString(),
    state: deadline.state,
    metAt: deadline.metAt?.toISOString() ?? null,
    outcome: deadline.breachedAt ? 'breached' : deadline.metAt ? 'met' : 'pending',
  };
}
