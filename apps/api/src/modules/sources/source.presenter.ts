import { isSourceFailureCode, type SourceView } from '@vigil/contracts';
import { sourceHealthStatus } from '@vigil/domain';
import type { SourceEntity } from '@vigil/persistence';

export interface SourceStats {
  dailyItemCounts: number[];
  rhythm: { lastItemAt: Date; typicalGapMs: number | null } | null;
}

const ITEMS_PER_DAY_WINDOW = 7;

export function toSourceView(source: SourceEntity, stats: SourceStats, now: Date): SourceView {
  const lastWeek = stats.dailyItemCounts.slice(-ITEMS_PER_DAY_WINDOW);
  return {
    id: source.id,
    name: source.name,
    url: source.url,
    kind: source.kind,
    pollIntervalSec: source.pollIntervalSec,
    configuredPollIntervalSec: source.configuredPollIntervalSec,
    minPollIntervalSec: source.minPollIntervalSec,
    maxPollIntervalSec: source.maxPollIntervalSec,
    languageHint: source.languageHint,
    weight: source.weight,
    tags: source.tags,
    paused: source.paused,
    listing: source.listing,
    createdAt: source.createdAt.toISOString(),
    lastFetchedAt: source.lastFetchedAt?.toISOString() ?? null,
    nextFetchAt: source.paused ? null : source.nextFetchAt.toISOString(),
    health: {
      status: sourceHealthStatus(
        {
          paused: source.paused,
          consecutiveFailures: source.consecutiveFailures,
          lastSuccessAt: source.lastSuccessAt,
          lastItemAt: stats.rhythm?.lastItemAt ?? null,
          typicalGapMs: stats.rhythm?.typicalGapMs ?? null,
          maxPollIntervalSec: source.maxPollIntervalSec,
        },
        now,
      ),
      lastSuccessAt: source.lastSuccessAt?.toISOString() ?? null,
      lastError: source.lastError,
      // A code this build does not know (written by a newer one) is worded as the generic failure.
      lastErrorCode: source.lastError === null ? null : isSourceFailureCode(source.lastErrorCode) ? source.lastErrorCode : 'fetch_failed',
      lastErrorParams: source.lastError === null ? null : (source.lastErrorParams ?? {}),
      consecutiveFailures: source.consecutiveFailures,
      itemsPerDay: Math.round((lastWeek.reduce((sum, count) => sum + count, 0) / ITEMS_PER_DAY_WINDOW) * 10) / 10,
      dailyItemCounts: stats.dailyItemCounts,
    },
  };
}
