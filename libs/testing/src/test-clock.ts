import type { Clock } from '@vigil/domain';

/**
 * Where every end-to-end app's clock starts unless a spec says otherwise: a fixed instant, so no test depends on
 * today's date. The fixed-date fixtures (feeds, stories) sit in the days just before it.
 */
export const TEST_EPOCH = new Date('2026-11-27T03:00:00.000Z');

const OFFSET = /^([+-])(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/;

/** Milliseconds of an offset written as `-25h45m`, `+2d`, `-30m`. */
export function offsetMs(offset: string): number {
  const match = OFFSET.exec(offset);
  if (!match || offset.length < 3) throw new Error(`Not a clock offset: ${JSON.stringify(offset)} (expected e.g. "-25h45m")`);
  const [, sign, days = '0', hours = '0', minutes = '0'] = match;
  const ms = ((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60_000;
  return sign === '-' ? -ms : ms;
}

/**
 * A clock that starts at a chosen instant and then runs at real speed, so polling, spacing and retry timers keep
 * working; `advance` jumps it forward for windows and deadlines without sleeping.
 */
export class TestClock implements Clock {
  private readonly startedAt = performance.now();
  private advancedMs = 0;

  constructor(readonly start: Date = TEST_EPOCH) {}

  now(): Date {
    return new Date(this.start.getTime() + (performance.now() - this.startedAt) + this.advancedMs);
  }

  advance(ms: number): void {
    if (ms < 0) throw new Error('A test clock only moves forward');
    this.advancedMs += ms;
  }

  /** The instant `offset` (e.g. `-25h45m`) from where this clock started: fixture dates are written this way. */
  at(offset: string): Date {
    return new Date(this.start.getTime() + offsetMs(offset));
  }
}
