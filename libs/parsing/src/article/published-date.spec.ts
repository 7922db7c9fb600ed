import { parsePublishedDate } from './published-date';

const iso = (value: string, timeZone?: string): string | null => parsePublishedDate(value, timeZone)?.toISOString() ?? null;

describe('parsePublishedDate', () => {
  it.each([
    ['ISO with Z', '2026-11-26T02:30:00Z', '2026-11-26T02:30:00.000Z'],
    ['ISO with +07:00', '2026-11-26T08:15:00+07:00', '2026-11-26T01:15:00.000Z'],
    ['ISO with +0700', '2026-11-26T08:15:00+0700', '2026-11-26T01:15:00.000Z'],
    ['ISO with a negative offset and fraction', '2026-11-25T20:00:00.250-05:00', '2026-11-26T01:00:00.250Z'],
    ['RFC 2822', 'Thu, 26 Nov 2026 08:15:00 +0700', '2026-11-26T01:15:00.000Z'],
    ['RFC 2822 in GMT', 'Thu, 26 Nov 2026 01:15:00 GMT', '2026-11-26T01:15:00.000Z'],
    ['a Vietnamese dateline with GMT+7', 'Thứ Năm, 26/11/2026, 08:15 (GMT+7)', '2026-11-26T01:15:00.000Z'],
    ['an English dateline in ICT (UTC+7)', 'Thursday 26 November 2026 09:30 ICT', '2026-11-26T02:30:00.000Z'],
  ])('keeps the explicit zone of %s', (_form, value, expected) => {
    expect(iso(value, 'Europe/London')).toBe(expected);
  });

  it.each([
    ['a naive ISO time', '2026-11-26T08:15:00', '2026-11-26T01:15:00.000Z'],
    ['a naive time with a space', '2026-11-25 17:05:00', '2026-11-25T10:05:00.000Z'],
    ['a date only (midnight)', '2026-11-26', '2026-11-25T17:00:00.000Z'],
    ['a day-first date and time', '26/11/2026 08:15', '2026-11-26T01:15:00.000Z'],
    ['"8h15" written the Vietnamese way', '26-11-2026 - 8h15', '2026-11-26T01:15:00.000Z'],
  ])('reads %s as Asia/Ho_Chi_Minh by default', (_form, value, expected) => {
    expect(iso(value)).toBe(expected);
  });

  it('reads a naive time in the zone the caller gives', () => {
    expect(iso('2026-07-01T09:00:00', 'Europe/London')).toBe('2026-07-01T08:00:00.000Z');
  });

  it.each(['', '   ', 'hôm qua', '2026-02-30T10:00:00', '31/04/2026', '2026-13-01'])(
    'answers null for %j',
    (value) => {
      expect(parsePublishedDate(value)).toBeNull();
    },
  );

  it('answers null for null and undefined', () => {
    expect(parsePublishedDate(null)).toBeNull();
    expect(parsePublishedDate(undefined)).toBeNull();
  });
});
