import { dueDigestPeriod } from './digest-period';

const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);

describe('dueDigestPeriod', () => {
  it('covers the hour that has just ended the first time', () => {
    expect(dueDigestPeriod(at('2026-11-27T03:20:00Z'), HOUR, null)).toEqual({ start: at('2026-11-27T02:00:00Z'), end: at('2026-11-27T03:00:00Z') });
  });

  it('is not due again until the next boundary passes', () => {
    expect(dueDigestPeriod(at('2026-11-27T03:59:59Z'), HOUR, at('2026-11-27T03:00:00Z'))).toBeNull();
  });

  it('covers every hour missed while stopped in one digest', () => {
    expect(dueDigestPeriod(at('2026-11-27T07:05:00Z'), HOUR, at('2026-11-27T03:00:00Z'))).toEqual({ start: at('2026-11-27T03:00:00Z'), end: at('2026-11-27T07:00:00Z') });
  });
});
