/** Vietnam keeps UTC+7 all year (no daylight saving), so the office's calendar day is the UTC day seven hours on. */
const OFFICE_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The office's calendar day (Asia/Ho_Chi_Minh) holding `at`, as YYYY-MM-DD. */
export function officeDay(at: Date): string {
  return new Date(at.getTime() + OFFICE_OFFSET_MS).toISOString().slice(0, 10);
}

/** A fact's validity window: calendar days (YYYY-MM-DD), inclusive; no end when `validUntil` is null. */
export interface FactValidity {
  validFrom: string;
  validUntil: string | null;
}

/** Whether the fact's validity ended before `today` (an office day, see officeDay): citing it would mislead. */
export function isFactExpired(fact: FactValidity, today: string): boolean {
  return fact.validUntil !== null && fact.validUntil < today;
}

/** Whether the fact holds on `day`: in force already and not expired. */
export function isFactValidOn(fact: FactValidity, day: string): boolean {
  return fact.validFrom <= day && !isFactExpired(fact, day);
}
