import { foldDiacritics } from '../text/vietnamese-text';

/**
 * Numbers and dates a claim states, in one canonical form whatever the writing: "1.000" (Vietnamese grouping),
 * "1,000" (English) and "1000" are all 1000; "2,5 triệu" and "2.5 million" are 2500000; "ngày 12/3", "12 tháng 3"
 * and "March 12" are the date 12/3 (the year is dropped: posts rarely give it).
 */
export interface ClaimQuantities {
  numbers: string[];
  dates: string[];
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_NAME = `(${MONTHS.map((month) => `${month}|${month.slice(0, 3)}`).join('|')})\\.?`;
const NUMERIC_DATE = /(?<![\d.,])(\d{1,2})[/-](\d{1,2})(?:[/-](\d{4}))?(?![\d/-])/g;
const MONTH_YEAR = /(?<![\d.,/])(?:thang\s+)?(\d{1,2})[/-](\d{4})(?![\d/-])/g;
const VIETNAMESE_DATE = /(?<!\d)(\d{1,2})\s+thang\s+(\d{1,2})(?:\s*(?:nam\s+|[/,]\s*)?(\d{4}))?(?!\d)/g;
const ENGLISH_MONTH_DAY = new RegExp(`\\b${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?(?!\\d)`, 'g');
const ENGLISH_DAY_MONTH = new RegExp(`(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_NAME}(?:,?\\s+(\\d{4}))?\\b`, 'g');
const NUMBER = /(?<![\p{L}\d])(\d+(?:[.,]\d+)*)\s*(%|phan tram|percent|trieu|million|ty|ti|billion|nghin|ngan|thousand)?(?![\p{L}\d])/gu;

const MAGNITUDE: Readonly<Record<string, number>> = {
  trieu: 1e6, million: 1e6, ty: 1e9, ti: 1e9, billion: 1e9, nghin: 1e3, ngan: 1e3, thousand: 1e3,
};
const PERCENT = new Set(['%', 'phan tram', 'percent']);

export function claimQuantities(text: string): ClaimQuantities {
  let rest = foldDiacritics(text.normalize('NFC'));
  const dates = new Set<string>();
  const take = (pattern: RegExp, dayMonth: (match: RegExpExecArray) => [string | undefined, string | undefined]) => {
    rest = rest.replace(pattern, (...args: unknown[]) => {
      const match = args.slice(0, -2) as unknown as RegExpExecArray;
      const [day, month] = dayMonth(match);
      const key = dateKey(day, month);
      if (!key) return match[0];
      dates.add(key);
      return ' ';
    });
  };
  take(VIETNAMESE_DATE, (match) => [match[1], match[2]]);
  take(ENGLISH_MONTH_DAY, (match) => [match[2], String(monthNumber(match[1]!))]);
  take(ENGLISH_DAY_MONTH, (match) => [match[1], String(monthNumber(match[2]!))]);
  take(NUMERIC_DATE, (match) => [match[1], match[2]]);
  rest = rest.replace(MONTH_YEAR, (whole: string, month: string, year: string) => {
    if (Number(month) < 1 || Number(month) > 12) return whole;
    dates.add(`${Number(month)}/${year}`);
    return ' ';
  });

  const numbers = new Set<string>();
  for (const match of rest.matchAll(NUMBER)) {
    const unit = match[2];
    const value = numberValue(match[1]!);
    if (unit && PERCENT.has(unit)) numbers.add(`${value}%`);
    else numbers.add(String(Math.round(value * (unit ? (MAGNITUDE[unit] ?? 1) : 1) * 1000) / 1000));
  }
  return { numbers: [...numbers], dates: [...dates] };
}

function dateKey(day: string | undefined, month: string | undefined): string | null {
  const d = Number(day);
  const m = Number(month);
  if (!(d >= 1 && d <= 31 && m >= 1 && m <= 12)) return null;
  return `${d}/${m}`;
}

function monthNumber(name: string): number {
  return MONTHS.findIndex((month) => month.startsWith(name.toLowerCase().replace('.', ''))) + 1;
}

/**
 * "1.000", "1,000.5", "1.000,5", "2,5": groups of exactly three digits after a separator are thousands (both
 * languages group by three); a last group of another length is the decimal part.
 */
function numberValue(written: string): number {
  const groups = written.split(/[.,]/);
  if (groups.length === 1) return Number(written);
  const last = groups[groups.length - 1]!;
  if (last.length === 3) return Number(groups.join(''));
  return Number(`${groups.slice(0, -1).join('')}.${last}`);
}
