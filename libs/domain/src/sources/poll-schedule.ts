export interface PollBounds {
  minPollIntervalSec: number;
  maxPollIntervalSec: number;
}

// An active source is looked at twice as often; an idle one a third less often each time.
const SPEED_UP = 0.5;
const SLOW_DOWN = 1.5;
/** A failing source waits at most this many of its slowest intervals. */
export const MAX_BACKOFF_FACTOR = 8;

/** Adaptive polling: faster while a source publishes, slower while it is idle, always within its bounds. */
export function nextPollInterval(currentSec: number, newItems: number, bounds: PollBounds): number {
  const next = Math.round(currentSec * (newItems > 0 ? SPEED_UP : SLOW_DOWN));
  return Math.min(bounds.maxPollIntervalSec, Math.max(bounds.minPollIntervalSec, next));
}

/**
 * Delay before retrying a failing source: doubles with each (weighted) failure from its current interval,
 * capped, and never earlier than the server's Retry-After.
 */
export function failureBackoffSec(currentSec: number, failureScore: number, bounds: PollBounds, retryAfterSec: number | null): number {
  const backoff = Math.min(currentSec * 2 ** failureScore, bounds.maxPollIntervalSec * MAX_BACKOFF_FACTOR);
  return Math.max(Math.round(backoff), retryAfterSec ?? 0);
}

/** Default bounds around a requested interval. */
export function defaultPollBounds(pollIntervalSec: number): PollBounds {
  return { minPollIntervalSec: Math.max(60, Math.round(pollIntervalSec / 4)), maxPollIntervalSec: Math.min(86_400, pollIntervalSec * 4) };
}
