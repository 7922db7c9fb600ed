/**
 * The digest period to compose now: from where the last digest ended (or one interval back, the first time) to the
 * latest boundary at or before `now` (boundaries are multiples of the interval since the epoch, so every process
 * agrees on them). After a stop of several periods one digest covers them all: nothing unsummed, no burst of
 * digests. Null while the current period is still open.
 */
export function dueDigestPeriod(now: Date, intervalMs: number, lastEnd: Date | null): { start: Date; end: Date } | null {
  const end = Math.floor(now.getTime() / intervalMs) * intervalMs;
  const start = lastEnd ? lastEnd.getTime() : end - intervalMs;
  return start < end ? { start: new Date(start), end: new Date(end) } : null;
}
