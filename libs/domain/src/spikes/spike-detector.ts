/** How a spike is told from ordinary variation (VIGIL_SPIKE_* settings). */
export interface SpikeThresholds {
  /** Standard deviations above the baseline the current bucket must reach. */
  zScore: number;
  /** Fewest items in the current bucket that can be a spike: two items after a quiet night are not a crisis. */
  minCount: number;
  /** Weight of the newest bucket in the moving baseline (EWMA), in (0, 1]. */
  smoothing: number;
}

export const DEFAULT_SPIKE_THRESHOLDS: SpikeThresholds = { zScore: 3, minCount: 5, smoothing: 0.3 };

export interface SpikeVerdict {
  spike: boolean;
  count: number;
  /** The moving average of the buckets before the current one. */
  baseline: number;
  zScore: number;
}

/**
 * Compares the current bucket (the last count) with an exponentially weighted moving average and variance of the
 * buckets before it, so each rule or story is measured against its own normal: a rule that always matches fifty
 * items an hour does not spike at fifty-five, a quiet one does at ten. The variance has a floor of one item, so a
 * perfectly flat history does not make any single extra item infinitely surprising.
 */
export function detectSpike(counts: readonly number[], thresholds: SpikeThresholds = DEFAULT_SPIKE_THRESHOLDS): SpikeVerdict {
  const count = counts.at(-1) ?? 0;
  const history = counts.slice(0, -1);
  let mean = history[0] ?? 0;
  let variance = 0;
  for (const value of history.slice(1)) {
    const deviation = value - mean;
    mean += thresholds.smoothing * deviation;
    variance = (1 - thresholds.smoothing) * (variance + thresholds.smoothing * deviation * deviation);
  }
  const zScore = (count - mean) / Math.sqrt(Math.max(variance, 1));
  return { spike: count >= thresholds.minCount && zScore >= thresholds.zScore, count, baseline: round(mean), zScore: round(zScore) };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
