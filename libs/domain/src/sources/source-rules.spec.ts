import { defaultPollBounds, failureBackoffSec, nextPollInterval } from './poll-schedule';
import { sourceHealthStatus, type SourceHealthFacts } from './source-health';

const now = new Date('2026-11-27T03:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3600_000);
const healthy: SourceHealthFacts = {
  paused: false,
  consecutiveFailures: 0,
  lastSuccessAt: hoursAgo(0.1),
  lastItemAt: hoursAgo(1),
  typicalGapMs: 2 * 3600_000,
  maxPollIntervalSec: 3600,
};

describe('source health', () => {
  it('is ok while the source publishes at its usual pace', () => {
    expect(sourceHealthStatus(healthy, now)).toBe('ok');
  });

  it('is silent after several usual gaps without a new item', () => {
    expect(sourceHealthStatus({ ...healthy, lastItemAt: hoursAgo(9) }, now)).toBe('silent');
  });

  it('is never silent between two slow polls', () => {
    expect(sourceHealthStatus({ ...healthy, typicalGapMs: 60_000, lastItemAt: hoursAgo(1.5) }, now)).toBe('ok');
  });

  it('needs history before calling a source silent', () => {
    expect(sourceHealthStatus({ ...healthy, typicalGapMs: null, lastItemAt: hoursAgo(500) }, now)).toBe('ok');
  });

  it('ranks paused over failing over pending', () => {
    expect(sourceHealthStatus({ ...healthy, paused: true, consecutiveFailures: 3 }, now)).toBe('paused');
    expect(sourceHealthStatus({ ...healthy, consecutiveFailures: 1 }, now)).toBe('failing');
    expect(sourceHealthStatus({ ...healthy, lastSuccessAt: null, lastItemAt: null }, now)).toBe('pending');
  });
});

describe('poll schedule', () => {
  const bounds = { minPollIntervalSec: 300, maxPollIntervalSec: 3600 };

  it('polls an active source faster and an idle one slower, within bounds', () => {
    expect(nextPollInterval(900, 3, bounds)).toBe(450);
    expect(nextPollInterval(400, 1, bounds)).toBe(300);
    expect(nextPollInterval(900, 0, bounds)).toBe(1350);
    expect(nextPollInterval(3000, 0, bounds)).toBe(3600);
  });

  it('backs off a failing source exponentially, capped, and honours Retry-After', () => {
    expect(failureBackoffSec(900, 1, bounds, null)).toBe(1800);
    expect(failureBackoffSec(900, 0.5, bounds, null)).toBe(1273);
    expect(failureBackoffSec(900, 10, bounds, null)).toBe(3600 * 8);
    expect(failureBackoffSec(900, 1, bounds, 7200)).toBe(7200);
  });

  it('derives default bounds around a requested interval', () => {
    expect(defaultPollBounds(900)).toEqual({ minPollIntervalSec: 225, maxPollIntervalSec: 3600 });
    expect(defaultPollBounds(60)).toEqual({ minPollIntervalSec: 60, maxPollIntervalSec: 240 });
  });
});
