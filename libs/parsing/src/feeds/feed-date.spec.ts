import { parseFeedDate } from './feed-date';

const iso = (raw: string, zone?: string) => parseFeedDate(raw, zone)?.toISOString() ?? null;

describe('parseFeedDate', () => {
  it.each([
    ['Thu, 26 Nov 2026 08:15:00 +0700', '2026-11-26T01:15:00.000Z'],
    ['Thu, 26 Nov 2026 01:15:00 GMT', '2026-11-26T01:15:00.000Z'],
    ['26 Nov 2026 08:15 +07:00', '2026-11-26T01:15:00.000Z'],
    ['Thu, 26 Nov 26 01:15:00 UT', '2026-11-26T01:15:00.000Z'],
    ['Wed, 25 Nov 2026 20:15:00 EST', '2026-11-26T01:15:00.000Z'],
    ['Thu, 26 Nov 2026 08:15:00 ICT', '2026-11-26T01:15:00.000Z'],
    ['Thu, 26 Nov 2026 08:15:00 +0700 (ICT)', '2026-11-26T01:15:00.000Z'],
    ['Thursday, 26 November 2026 08:15:00 GMT+7', '2026-11-26T01:15:00.000Z'],
  ])('reads RFC 822 "%s"', (raw, expected) => {
    expect(iso(raw)).toBe(expected);
  });

  it.each([
    ['2026-11-26T01:15:00Z', '2026-11-26T01:15:00.000Z'],
    ['2026-11-26T08:15:00+07:00', '2026-11-26T01:15:00.000Z'],
    ['2026-11-26T08:15:00.250+0700', '2026-11-26T01:15:00.250Z'],
    ['2026-11-26 08:15:00 +07', '2026-11-26T01:15:00.000Z'],
  ])('reads ISO 8601 "%s"', (raw, expected) => {
    expect(iso(raw)).toBe(expected);
  });

  it.each([
    ['2026-11-26 08:15', '2026-11-26T01:15:00.000Z'],
    ['2026-11-26T08:15:00', '2026-11-26T01:15:00.000Z'],
    ['2026-11-26', '2026-11-25T17:00:00.000Z'],
    ['Thu, 26 Nov 2026 08:15:00', '2026-11-26T01:15:00.000Z'],
    ['November 26, 2026 8:15 AM', '2026-11-26T01:15:00.000Z'],
  ])('reads the naive time "%s" as Asia/Ho_Chi_Minh', (raw, expected) => {
    expect(iso(raw)).toBe(expected);
  });

  it.each([
    ['26/11/2026 08:15', '2026-11-26T01:15:00.000Z'],
    ['Thứ năm, 26/11/2026 - 08:15', '2026-11-26T01:15:00.000Z'],
    ['Thứ Năm, 26/11/2026, 08:15 (GMT+7)', '2026-11-26T01:15:00.000Z'],
    ['08:15 26/11/2026', '2026-11-26T01:15:00.000Z'],
    ['26-11-2026 8h15', '2026-11-26T01:15:00.000Z'],
    ['26.11.2026', '2026-11-25T17:00:00.000Z'],
    ['Cập nhật: 26/11/2026 3:05 CH', '2026-11-26T08:05:00.000Z'],
    ['ngày 26 tháng 11 năm 2026 lúc 08:15', '2026-11-26T01:15:00.000Z'],
    ['2026/11/26 08:15', '2026-11-26T01:15:00.000Z'],
    ['11/26/2026 08:15', '2026-11-26T01:15:00.000Z'],
    ['26/11/2026 08:15 GMT+9', '2026-11-25T23:15:00.000Z'],
  ])('reads the localised "%s"', (raw, expected) => {
    expect(iso(raw)).toBe(expected);
  });

  it('reads naive times in another zone when the source says so', () => {
    expect(iso('2026-11-26 08:15', 'Europe/London')).toBe('2026-11-26T08:15:00.000Z');
    expect(iso('26/11/2026 08:15', 'America/New_York')).toBe('2026-11-26T13:15:00.000Z');
  });

  it.each(['', '   ', 'hôm qua', 'Thu, 32 Nov 2026 08:15:00 GMT', '30/02/2026', '26/11/2026 25:99', 'Foo, 26 Xyz 2026', '2026-13-01'])(
    'answers null for the unreadable "%s"',
    (raw) => {
      expect(iso(raw)).toBeNull();
    },
  );

  it('answers null for a missing value', () => {
    expect(parseFeedDate(null)).toBeNull();
    expect(parseFeedDate(undefined)).toBeNull();
  });
});
