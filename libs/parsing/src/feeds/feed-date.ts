import { TZDate } from '@date-fns/tz';
import { collapseWhitespace } from './html-text';

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Minutes east of UTC as written in the text; null when the text names no zone. */
  offset: number | null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** RFC 822 names plus the abbreviations Asian publishers write; unknown names read as no zone. */
const ZONE_OFFSETS: ReadonlyMap<string, number> = new Map([
  ['GMT', 0], ['UT', 0], ['UTC', 0], ['Z', 0], ['EST', -300], ['EDT', -240], ['CST', -360], ['CDT', -300],
  ['MST', -420], ['MDT', -360], ['PST', -480], ['PDT', -420], ['ICT', 420], ['WIB', 420], ['SGT', 480],
  ['HKT', 480], ['JST', 540], ['KST', 540], ['BST', 60], ['CET', 60], ['CEST', 120],
]);

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)? ?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const RFC_822 = /^(?:[A-Za-z]{2,9}\.?,? ?)?(\d{1,2}) ([A-Za-z]{3,9})\.?,? (\d{2,4})(?:,? (\d{1,2}):(\d{2})(?::(\d{2}))?)? ?(.*)$/;
const MONTH_FIRST = /^(?:[A-Za-z]{2,9}\.?,? )?([A-Za-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})(?:,? (?:at )?(\d{1,2}):(\d{2})(?::(\d{2}))? ?([AaPp]\.?[Mm]\.?)?)? ?(.*)$/;
const NUMERIC_DATE = /(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})/;
const WORDED_DATE = /ngày (\d{1,2}) tháng (\d{1,2}),? năm (\d{4})/i;
const CLOCK = /(\d{1,2})[:hg](\d{2})(?::(\d{2}))?(?: ?(SA|CH|AM|PM|sáng|chiều|tối)(?![\p{L}]))?/iu;
const OFFSET = /(?:GMT|UTC) ?([+-]) ?(\d{1,2})(?::?(\d{2}))?|([+-])(\d{2}):?(\d{2})$/i;

/**
 * Reads a date as feeds write them: RFC 822, ISO 8601, and the localised forms Vietnamese sites
 * use ("Thứ năm, 26/11/2026 - 08:15", "08:15 26/11/2026 (GMT+7)"). A time written without an
 * offset is wall-clock time in `timeZone`. Anything unreadable is null, never a guess at "now".
 */
export function parseFeedDate(raw: string | null | undefined, timeZone: string = DEFAULT_TIME_ZONE): Date | null {
  if (!raw) return null;
  const text = collapseWhitespace(raw.normalize('NFC'));
  if (text.length === 0 || text.length > 120) return null;
  const parts = fromIso(text) ?? fromRfc822(text) ?? fromMonthFirst(text) ?? fromLocalised(text);
  return parts ? toDate(parts, timeZone) : null;
}

function fromIso(text: string): DateParts | null {
  const m = ISO.exec(text);
  if (!m) return null;
  return parts(clock(m[4], m[5], m[6]), Number(m[1]), Number(m[2]), Number(m[3]), m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0, m[8] ? zoneOffset(m[8]) : null);
}

function fromRfc822(text: string): DateParts | null {
  const m = RFC_822.exec(text);
  const month = m ? monthNumber(m[2]) : null;
  if (!m || month === null) return null;
  const year = Number(m[3]);
  return parts(clock(m[4], m[5], m[6]), m[3].length === 2 ? (year < 50 ? 2000 + year : 1900 + year) : year, month, Number(m[1]), 0, zoneOffset(m[7]));
}

function fromMonthFirst(text: string): DateParts | null {
  const m = MONTH_FIRST.exec(text);
  const month = m ? monthNumber(m[1]) : null;
  if (!m || month === null) return null;
  return parts(clock(m[4], m[5], m[6], m[7]), Number(m[3]), month, Number(m[2]), 0, zoneOffset(m[8]));
}

/** Day-first numeric dates (Vietnamese usage) with the clock before or after, in any wording around them. */
function fromLocalised(text: string): DateParts | null {
  const numeric = NUMERIC_DATE.exec(text);
  const worded = numeric ? null : WORDED_DATE.exec(text);
  const found = numeric ?? worded;
  if (!found) return null;
  const [first, second, third] = [Number(found[1]), Number(found[2]), Number(found[3])];
  let year: number;
  let month: number;
  let day: number;
  if (found[1].length === 4) {
    [year, month, day] = [first, second, third];
  } else if (found[3].length === 4) {
    // Day first unless only month-first makes sense (11/26/2026 from an American template).
    [year, month, day] = second > 12 && first <= 12 ? [third, first, second] : [third, second, first];
  } else {
    return null;
  }
  const rest = text.slice(0, found.index) + ' ' + text.slice(found.index + found[0].length);
  const time = CLOCK.exec(rest);
  const zone = OFFSET.exec(rest);
  return {
    ...(time ? clock(time[1], time[2], time[3], time[4]) : clock()),
    year,
    month,
    day,
    millisecond: 0,
    offset: zone ? zoneOffset(zone[0].replace(/^(?:GMT|UTC) ?/i, '').replace(/ /g, '')) : null,
  };
}

/** DateParts built in one object literal (no spread of a clock object): this runs for every dated item. */
function parts(time: { hour: number; minute: number; second: number }, year: number, month: number, day: number, millisecond: number, offset: number | null): DateParts {
  return { year, month, day, hour: time.hour, minute: time.minute, second: time.second, millisecond, offset };
}

function clock(hour?: string, minute?: string, second?: string, meridiem?: string) {
  let h = hour ? Number(hour) : 0;
  const half = meridiem?.toLowerCase().replace(/\./g, '');
  if ((half === 'pm' || half === 'ch' || half === 'chiều' || half === 'tối') && h < 12) h += 12;
  if ((half === 'am' || half === 'sa' || half === 'sáng') && h === 12) h = 0;
  return { hour: h, minute: minute ? Number(minute) : 0, second: second ? Number(second) : 0 };
}

function monthNumber(name: string): number | null {
  const index = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return index === -1 ? null : index + 1;
}

/** Minutes east of UTC for "Z", "+0700", "+07:00", "+7", "GMT", "ICT"…; null when absent or unknown. */
function zoneOffset(zone: string | undefined): number | null {
  const written = (zone ?? '').trim();
  if (written === '') return null;
  // "+0700 (ICT)", "GMT (+7)": the first readable token decides. Most dates write one token, tried before splitting.
  const whole = singleZoneOffset(written.replace(/^\(|\)$/g, ''));
  if (whole !== null || !written.includes(' ')) return whole;
  for (const token of written.split(' ')) {
    const offset = singleZoneOffset(token.replace(/^\(|\)$/g, ''));
    if (offset !== null) return offset;
  }
  return null;
}

function singleZoneOffset(text: string): number | null {
  const numeric = /^(?:GMT|UTC)?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(text);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
    return numeric[1] === '-' ? -minutes : minutes;
  }
  return ZONE_OFFSETS.get(text.toUpperCase()) ?? null;
}

function toDate(p: DateParts, timeZone: string): Date | null {
  const valid =
    p.year >= 1900 && p.year <= 2999 && p.month >= 1 && p.month <= 12 && p.day >= 1 &&
    p.day <= new Date(Date.UTC(p.year, p.month, 0)).getUTCDate() && p.minute <= 59 &&
    (p.hour <= 23 || (p.hour === 24 && p.minute === 0 && p.second === 0));
  if (!valid) return null;
  const second = Math.min(p.second, 59);
  if (p.offset !== null) {
    const utc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, second, p.millisecond);
    return new Date(utc - p.offset * 60_000);
  }
  const local = new TZDate(p.year, p.month - 1, p.day, p.hour, p.minute, second, p.millisecond, timeZone);
  return new Date(local.getTime());
}
