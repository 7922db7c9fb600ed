import { caseReference, caseReferenceYear } from './case-reference';

describe('case references', () => {
  it('counts a case opened on New Year’s Eve evening in UTC in the office’s new year', () => {
    expect(caseReferenceYear(new Date('2026-12-31T17:30:00Z'))).toBe(2027);
    expect(caseReferenceYear(new Date('2026-12-31T16:59:59Z'))).toBe(2026);
  });

  it('pads the number to four digits and grows beyond', () => {
    expect(caseReference(2026, 7)).toBe('VG-2026-0007');
    expect(caseReference(2026, 12345)).toBe('VG-2026-12345');
  });
});
