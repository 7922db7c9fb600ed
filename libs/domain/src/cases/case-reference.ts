/** Vietnam keeps UTC+7 all year (no daylight saving), so the office's year is the UTC year seven hours on. */
const OFFICE_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The year a case opened at `at` counts in, as the office sees the calendar (Asia/Ho_Chi_Minh). */
export function caseReferenceYear(at: Date): number {
  return new Date(at.getTime() + OFFICE_OFFSET_MS).getUTCFullYear();
}

/** `VG-2026-0001`: the office's year and the case's number within it (more digits once a year passes 9,999). */
export function caseReference(year: number, number: number): string {
  return `VG-${year}-${String(number).padStart(4, '0')}`;
}
