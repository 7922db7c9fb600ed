import { DEFAULT_SLA_POLICY } from './sla-policy';
import { addTime, addWorkingTime, ROUND_THE_CLOCK, timeBetween, type WorkingCalendar, workingTimeBetween } from './working-calendar';

const office: WorkingCalendar = DEFAULT_SLA_POLICY.calendar;
const HOUR = 3_600_000;
/** An instant written in Hà Nội time (UTC+7, no daylight saving). */
const hanoi = (local: string) => new Date(`${local}+07:00`);

describe('working calendar (Asia/Ho_Chi_Minh, Mon–Fri 08:00–17:00)', () => {
  it('adds office time within one day', () => {
    expect(addWorkingTime(office, hanoi('2026-11-26T09:00:00'), 4 * HOUR)).toEqual(hanoi('2026-11-26T13:00:00'));
  });

  it('carries what is left past closing time to the next morning', () => {
    expect(addWorkingTime(office, hanoi('2026-11-26T15:00:00'), 4 * HOUR)).toEqual(hanoi('2026-11-27T10:00:00'));
  });

  it('starts counting at opening time when a case arrives at night', () => {
    expect(addWorkingTime(office, hanoi('2026-11-26T22:30:00'), HOUR)).toEqual(hanoi('2026-11-27T09:00:00'));
  });

  it('skips the weekend: Friday afternoon plus four hours is Monday morning', () => {
    expect(addWorkingTime(office, hanoi('2026-11-27T15:00:00'), 4 * HOUR)).toEqual(hanoi('2026-11-30T10:00:00'));
    expect(workingTimeBetween(office, hanoi('2026-11-27T15:00:00'), hanoi('2026-11-30T10:00:00'))).toBe(4 * HOUR);
  });

  it('skips Tết: a case opened the Friday before the 2026 holiday falls due after it', () => {
    // Tết Bính Ngọ: offices close from Saturday 14 to Sunday 22 February 2026.
    expect(addWorkingTime(office, hanoi('2026-02-13T16:00:00'), 2 * HOUR)).toEqual(hanoi('2026-02-23T09:00:00'));
    expect(workingTimeBetween(office, hanoi('2026-02-13T08:00:00'), hanoi('2026-02-23T17:00:00'))).toBe(18 * HOUR);
  });

  it('skips single national days (2 September) and counts a whole working week as 45 hours', () => {
    expect(addWorkingTime(office, hanoi('2026-08-31T16:00:00'), 2 * HOUR)).toEqual(hanoi('2026-09-03T09:00:00'));
    expect(workingTimeBetween(office, hanoi('2026-11-23T00:00:00'), hanoi('2026-11-30T00:00:00'))).toBe(45 * HOUR);
  });

  it('takes the holiday list as data: an office that adds a day closes on it', () => {
    const withDay = { ...office, holidays: [...office.holidays, '2026-11-30'] };
    expect(addWorkingTime(withDay, hanoi('2026-11-27T16:00:00'), 2 * HOUR)).toEqual(hanoi('2026-12-01T09:00:00'));
  });

  it('counts nothing between an instant and an earlier one, or over a weekend', () => {
    expect(workingTimeBetween(office, hanoi('2026-11-27T12:00:00'), hanoi('2026-11-27T11:00:00'))).toBe(0);
    expect(workingTimeBetween(office, hanoi('2026-11-28T08:00:00'), hanoi('2026-11-29T20:00:00'))).toBe(0);
  });

  it('add and between agree', () => {
    const start = hanoi('2026-12-30T13:17:00');
    for (const hours of [0.5, 3, 9, 17, 40, 100]) {
      expect(workingTimeBetween(office, start, addWorkingTime(office, start, hours * HOUR))).toBe(hours * HOUR);
    }
  });

  it('refuses a calendar with no working day instead of looping', () => {
    expect(() => addWorkingTime({ ...office, weekdays: [] }, hanoi('2026-11-27T09:00:00'), HOUR)).toThrow(/no office hours/);
  });

  it('runs critical and high severities round the clock', () => {
    expect(addTime(ROUND_THE_CLOCK, hanoi('2026-11-28T23:00:00'), 2 * HOUR)).toEqual(hanoi('2026-11-29T01:00:00'));
    expect(timeBetween(ROUND_THE_CLOCK, hanoi('2026-11-28T23:00:00'), hanoi('2026-11-29T01:00:00'))).toBe(2 * HOUR);
  });
});
