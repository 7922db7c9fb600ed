import { TZDate } from '@date-fns/tz';

/**
 * Office hours in one time zone, with public holidays. Low and medium severity deadlines count only this time;
 * critical and high run round the clock (the policy says which calendar each severity uses).
 */
export interface WorkingCalendar {
  timeZone: string;
  /** ISO weekdays the office works: 1 = Monday … 7 = Sunday. */
  weekdays: readonly number[];
  /** Local opening and closing times, `HH:MM`. */
  opensAt: string;
  closesAt: string;
  /** Local dates, `YYYY-MM-DD`, on which the office is closed (Tết, national days). */
  holidays: readonly string[];
}

// Enough to reach past any holiday run; a calendar with no working day at all fails instead of looping.
const MAX_DAYS_SEARCHED = 3660;

interface Window {
  start: number;
  end: number;
}

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/** The local calendar day an instant falls on, at local midnight. */
function localDay(calendar: WorkingCalendar, at: number): TZDate {
  const local = new TZDate(at, calendar.timeZone);
  return new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), calendar.timeZone);
}

function nextDay(calendar: WorkingCalendar, day: TZDate): TZDate {
  return new TZDate(day.getFullYear(), day.getMonth(), day.getDate() + 1, calendar.timeZone);
}

function isoDate(day: TZDate): string {
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

/** That day's office hours as UTC instants, or null when the office is closed all day. */
function windowOf(calendar: WorkingCalendar, day: TZDate, holidays: ReadonlySet<string>): Window | null {
  const weekday = day.getDay() === 0 ? 7 : day.getDay();
  if (!calendar.weekdays.includes(weekday) || holidays.has(isoDate(day))) return null;
  const at = (minutes: number) => new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), Math.floor(minutes / 60), minutes % 60, calendar.timeZone).getTime();
  return { start: at(minutesOf(calendar.opensAt)), end: at(minutesOf(calendar.closesAt)) };
}

/** The office windows from the day of `from` on, in order. */
function* windowsFrom(calendar: WorkingCalendar, from: number): Generator<Window> {
  const holidays = new Set(calendar.holidays);
  let day = localDay(calendar, from);
  for (let searched = 0; searched < MAX_DAYS_SEARCHED; searched++, day = nextDay(calendar, day)) {
    const window = windowOf(calendar, day, holidays);
    if (window) yield window;
  }
  throw new Error(`The working calendar has no office hours within ${MAX_DAYS_SEARCHED} days of ${new Date(from).toISOString()}`);
}

/** The instant `durationMs` of office time after `start` (time outside office hours does not count). */
export function addWorkingTime(calendar: WorkingCalendar, start: Date, durationMs: number): Date {
  if (durationMs <= 0) return start;
  let remaining = durationMs;
  for (const window of windowsFrom(calendar, start.getTime())) {
    const from = Math.max(window.start, start.getTime());
    if (from >= window.end) continue;
    if (remaining <= window.end - from) return new Date(from + remaining);
    remaining -= window.end - from;
  }
  throw new Error('unreachable: windowsFrom throws when it runs out');
}

/** Office time between two instants (0 when `to` is not after `from`). */
export function workingTimeBetween(calendar: WorkingCalendar, from: Date, to: Date): number {
  let total = 0;
  for (const window of windowsFrom(calendar, from.getTime())) {
    if (window.start >= to.getTime()) return total;
    total += Math.max(0, Math.min(window.end, to.getTime()) - Math.max(window.start, from.getTime()));
  }
  return total;
}

/** Round the clock: every millisecond counts. */
export const ROUND_THE_CLOCK = 'round_the_clock' as const;

/** A severity's clock: office time in a calendar, or every hour of the day. */
export type DeadlineCalendar = WorkingCalendar | typeof ROUND_THE_CLOCK;

export function addTime(calendar: DeadlineCalendar, start: Date, durationMs: number): Date {
  return calendar === ROUND_THE_CLOCK ? new Date(start.getTime() + Math.max(0, durationMs)) : addWorkingTime(calendar, start, durationMs);
}

export function timeBetween(calendar: DeadlineCalendar, from: Date, to: Date): number {
  return calendar === ROUND_THE_CLOCK ? Math.max(0, to.getTime() - from.getTime()) : workingTimeBetween(calendar, from, to);
}

