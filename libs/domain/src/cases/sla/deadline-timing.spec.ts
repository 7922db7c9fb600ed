import { consumedAt, deadlineState, isPausedIn, isStageMetBy, pauseTiming, rebudgetTiming, resumeTiming, scheduleOf, startTiming } from './deadline-timing';
import { calendarFor, DEFAULT_SLA_POLICY, parseSlaPolicy, stageBudgetMs } from './sla-policy';
import { ROUND_THE_CLOCK } from './working-calendar';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const hanoi = (local: string) => new Date(`${local}+07:00`);
const policy = DEFAULT_SLA_POLICY;

describe('deadline timing', () => {
  const opened = hanoi('2026-11-27T10:00:00');

  it('gives a critical case 15 minutes to acknowledge, warned at 75%, round the clock', () => {
    const timing = startTiming(stageBudgetMs(policy, 'critical', 'acknowledge'), opened);
    const { dueAt, warnAt } = scheduleOf(timing, calendarFor(policy, 'critical'), policy.warnShare, opened);
    expect(dueAt).toEqual(new Date(opened.getTime() + 15 * MINUTE));
    expect(warnAt).toEqual(new Date(opened.getTime() + 11.25 * MINUTE));
  });

  it('counts office time for a medium case: 4 office hours from Friday 15:00 is Monday 10:00', () => {
    const friday = hanoi('2026-11-27T15:00:00');
    const timing = startTiming(stageBudgetMs(policy, 'medium', 'acknowledge'), friday);
    expect(scheduleOf(timing, calendarFor(policy, 'medium'), policy.warnShare, friday)).toEqual({ dueAt: hanoi('2026-11-30T10:00:00'), warnAt: hanoi('2026-11-30T09:00:00') });
  });

  it('does not count time spent waiting: a 30-minute pause moves the due time 30 minutes on', () => {
    const calendar = calendarFor(policy, 'critical');
    let timing = startTiming(2 * HOUR, opened);
    timing = pauseTiming(timing, calendar, new Date(opened.getTime() + 20 * MINUTE));
    expect(timing).toMatchObject({ consumedMs: 20 * MINUTE, runningSince: null });
    expect(consumedAt(timing, calendar, new Date(opened.getTime() + 50 * MINUTE))).toBe(20 * MINUTE);
    timing = resumeTiming(timing, new Date(opened.getTime() + 50 * MINUTE));
    expect(scheduleOf(timing, calendar, policy.warnShare, opened).dueAt).toEqual(new Date(opened.getTime() + 2.5 * HOUR));
  });

  it('pausing twice or resuming a running deadline changes nothing', () => {
    const calendar = ROUND_THE_CLOCK;
    const paused = pauseTiming(startTiming(HOUR, opened), calendar, new Date(opened.getTime() + MINUTE));
    expect(pauseTiming(paused, calendar, new Date(opened.getTime() + 9 * MINUTE))).toBe(paused);
    const running = startTiming(HOUR, opened);
    expect(resumeTiming(running, new Date(opened.getTime() + 9 * MINUTE))).toBe(running);
  });

  it('recomputes on a severity change, keeping the time already used: low → critical after 10 minutes', () => {
    const start = hanoi('2026-11-27T09:00:00');
    const low = startTiming(stageBudgetMs(policy, 'low', 'acknowledge'), start);
    const changedAt = new Date(start.getTime() + 10 * MINUTE);
    const critical = rebudgetTiming(low, calendarFor(policy, 'low'), stageBudgetMs(policy, 'critical', 'acknowledge'), changedAt);
    expect(critical).toEqual({ budgetMs: 15 * MINUTE, consumedMs: 10 * MINUTE, runningSince: changedAt });
    expect(scheduleOf(critical, ROUND_THE_CLOCK, policy.warnShare, changedAt).dueAt).toEqual(new Date(start.getTime() + 15 * MINUTE));
  });

  it('a severity lowered overnight counts only office time from then on', () => {
    const night = hanoi('2026-11-27T20:00:00');
    const high = startTiming(stageBudgetMs(policy, 'high', 'acknowledge'), night);
    const lowered = rebudgetTiming(high, calendarFor(policy, 'high'), stageBudgetMs(policy, 'medium', 'acknowledge'), new Date(night.getTime() + 30 * MINUTE));
    expect(lowered.consumedMs).toBe(30 * MINUTE);
    expect(scheduleOf(lowered, calendarFor(policy, 'medium'), policy.warnShare, night).dueAt).toEqual(hanoi('2026-11-30T11:30:00'));
  });

  it('a budget already used up is due at once', () => {
    const at = new Date(opened.getTime() + HOUR);
    const timing = rebudgetTiming(startTiming(8 * HOUR, opened), ROUND_THE_CLOCK, 15 * MINUTE, at);
    expect(scheduleOf(timing, ROUND_THE_CLOCK, policy.warnShare, at)).toEqual({ dueAt: at, warnAt: at });
  });
});

describe('stages and statuses', () => {
  it('meets acknowledge on acknowledging, draft on review, approve on approval, publish on publication', () => {
    expect(isStageMetBy('acknowledge', 'new')).toBe(false);
    expect(isStageMetBy('acknowledge', 'acknowledged')).toBe(true);
    expect(isStageMetBy('draft', 'drafting')).toBe(false);
    expect(isStageMetBy('draft', 'waiting')).toBe(false);
    expect(isStageMetBy('draft', 'in_review')).toBe(true);
    expect(isStageMetBy('approve', 'in_review')).toBe(false);
    expect(isStageMetBy('approve', 'approved')).toBe(true);
    expect(isStageMetBy('publish', 'approved')).toBe(false);
    expect(isStageMetBy('publish', 'monitoring')).toBe(true);
  });

  it('a case closed without a response needs no further stage', () => {
    expect(isStageMetBy('publish', 'closed')).toBe(true);
  });

  it('pauses only while waiting', () => {
    expect(isPausedIn('waiting')).toBe(true);
    expect(isPausedIn('drafting')).toBe(false);
  });

  it('shows a stage met late as breached', () => {
    const at = new Date();
    expect(deadlineState({ metAt: at, warnedAt: at, breachedAt: at, paused: false })).toBe('breached');
    expect(deadlineState({ metAt: at, warnedAt: null, breachedAt: null, paused: false })).toBe('met');
    expect(deadlineState({ metAt: null, warnedAt: at, breachedAt: null, paused: true })).toBe('paused');
    expect(deadlineState({ metAt: null, warnedAt: at, breachedAt: null, paused: false })).toBe('warned');
    expect(deadlineState({ metAt: null, warnedAt: null, breachedAt: null, paused: false })).toBe('pending');
  });
});

describe('SLA policy', () => {
  it('accepts the defaults as stored JSON and names what is wrong in a bad one', () => {
    expect(parseSlaPolicy(JSON.parse(JSON.stringify(policy)))).toEqual(policy);
    expect(() => parseSlaPolicy({ ...policy, warnShare: 1.5 })).toThrow(/warnShare/);
    expect(() => parseSlaPolicy({ ...policy, calendar: { ...policy.calendar, opensAt: '18:00' } })).toThrow(/open before/);
    expect(() => parseSlaPolicy({ ...policy, calendar: { ...policy.calendar, timeZone: 'Mars/Olympus' } })).toThrow(/time zone/);
  });

  it('runs critical and high round the clock, medium and low on office hours', () => {
    expect(calendarFor(policy, 'critical')).toBe(ROUND_THE_CLOCK);
    expect(calendarFor(policy, 'high')).toBe(ROUND_THE_CLOCK);
    expect(calendarFor(policy, 'medium')).toBe(policy.calendar);
    expect(calendarFor(policy, 'low')).toBe(policy.calendar);
  });
});
