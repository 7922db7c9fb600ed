import type { SourceHealthStatus } from '@vigil/contracts';

export interface SourceHealthFacts {
  paused: boolean;
  consecutiveFailures: number;
  lastSuccessAt: Date | null;
  /** When the source last published an item Vigil saw. */
  lastItemAt: Date | null;
  /** Typical time between its items; null while there is too little history to tell. */
  typicalGapMs: number | null;
  maxPollIntervalSec: number;
}

/** How many usual gaps without a new item make a source silent. */
export const SILENCE_FACTOR = 4;

/**
 * paused > failing > pending > silent > ok. Silence needs history: several usual gaps with nothing new,
 * and never less than two slowest polls (a source cannot be silent between two looks at it).
 */
export function sourceHealthStatus(facts: SourceHealthFacts, now: Date): SourceHealthStatus {
  if (facts.paused) return 'paused';
  if (facts.consecutiveFailures > 0) return 'failing';
  if (!facts.lastSuccessAt) return 'pending';
  if (facts.lastItemAt && facts.typicalGapMs !== null) {
    const quietFor = now.getTime() - facts.lastItemAt.getTime();
    const threshold = Math.max(SILENCE_FACTOR * facts.typicalGapMs, 2 * facts.maxPollIntervalSec * 1000);
    if (quietFor > threshold) return 'silent';
  }
  return 'ok';
}
