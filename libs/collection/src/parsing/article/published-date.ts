import { TZDate } from '@date-fns/tz';

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

// 2026-11-26, 2026-11-26T08:15, 2026-11-26 08:15:00.123+07:00, 20261126T081500Z
const ISO_LIKE =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s]+(\d{1,2}):?(\d{2})(?::?(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
// Vietnamese day-first datelines: "Thứ Năm, 26/11/2026, 08:15 (GMT+7)", "08:15 26/11/2026", "26-11-2026 - 8h15"
const DAY_FIRST_DATE = /(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/;
const CLOCK_TIME = /(\d{1,2})\s*[:h]\s*(\d{2})(?:\s*:\s*(\d{2}))?/i;
const GMT_OFFSET = /\b(?:GMT|UTC)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?/i;
// RFC 2822 and other forms JavaScript parses reliably only when they carry their own zone.
const EXPLICIT_ZONE = /(?:\b(?:GMT|UTC|Z)\b|[+-]\d{2}:?\d{2})\s*$/i;

/**
 * A publication time from metadata or a dateline. Times with a zone (Z, ±hh:mm, GMT+7) keep it;
 * naive times ("2026-11-25 17:05:00", "26/11/2026 08:15") are wall-clock times in `timeZone`
 * (Vietnamese sites mostly omit the zone and mean Asia/Ho_Chi_Minh). Null when nothing parses.
 */
export function parsePublishedDate(value: string | null | undefined, timeZone = DEFAULT_TIME_ZONE): Date | null {
  const text = value?.trim();
  if (!text) return null;
  return parseIsoLike(text, timeZone) ?? parseDayFirst(text, timeZone) ?? parseWithExplicitZone(text);
}

function parseIsoLike(text: string, timeZone: string): Date | null {
  const match = ISO_LIKE.exec(text);
  if (!match) return null;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', zone] = match;
  const milliseconds = Number(fraction.padEnd(3, '0').slice(0, 3));
  return build([+year, +month, +day, +hour, +minute, +second, milliseconds], zone ?? null, timeZone);
}

function parseDayFirst(text: string, timeZone: string): Date | null {
  const date = DAY_FIRST_DATE.exec(text);
  if (!date) return null;
  const time = CLOCK_TIME.exec(text.replace(DAY_FIRST_DATE, ' '));
  const gmt = GMT_OFFSET.exec(text);
  const zone = gmt ? `${gmt[1]}${gmt[2].padStart(2, '0')}:${gmt[3] ?? '00'}` : null;
  const [hour, minute, second] = time ? [+time[1], +time[2], +(time[3] ?? 0)] : [0, 0, 0];
  return build([+date[3], +date[2], +date[1], hour, minute, second, 0], zone, timeZone);
}

function parseWithExplicitZone(text: string): Date | null {
  if (!EXPLICIT_ZONE.test(text)) return null;
  const parsed = new Date(text);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

type Parts = [year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number];

function build([year, month, day, hour, minute, second, ms]: Parts, zone: string | null, timeZone: string): Date | null {
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) return null;
  const time =
    zone === null
      ? new TZDate(year, month - 1, day, hour, minute, second, ms, timeZone).getTime()
      : Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes(zone) * 60_000;
  return Number.isNaN(time) ? null : new Date(time);
}

function offsetMinutes(zone: string): number {
  if (/^(?:Z|UTC|GMT)$/i.test(zone)) return 0;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}
