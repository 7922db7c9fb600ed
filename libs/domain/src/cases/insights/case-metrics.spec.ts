import { caseMilestones, secondsBetween, vietnamWeekStart } from './case-metrics';

const at = (iso: string) => new Date(iso);

describe('case milestones', () => {
  it('takes the first acknowledgement, the first draft handed for review and the first publication', () => {
    const milestones = caseMilestones([
      { at: at('2026-11-20T03:30:00Z'), to: 'in_review' },
      { at: at('2026-11-20T02:10:00Z'), to: 'acknowledged' },
      { at: at('2026-11-20T02:40:00Z'), to: 'drafting' },
      { at: at('2026-11-20T05:00:00Z'), to: 'published' },
      { at: at('2026-11-21T05:00:00Z'), to: 'drafting' },
      { at: at('2026-11-21T06:00:00Z'), to: 'published' },
    ]);
    expect(milestones).toEqual({ acknowledgedAt: at('2026-11-20T02:10:00Z'), firstDraftAt: at('2026-11-20T03:30:00Z'), publishedAt: at('2026-11-20T05:00:00Z') });
  });

  it('leaves steps not reached as null, and a case closed unanswered was never acknowledged', () => {
    expect(caseMilestones([{ at: at('2026-11-20T02:10:00Z'), to: 'closed' }])).toEqual({ acknowledgedAt: null, firstDraftAt: null, publishedAt: null });
  });

  it('measures in whole seconds', () => {
    expect(secondsBetween(at('2026-11-20T02:00:00Z'), at('2026-11-20T02:15:00.400Z'))).toBe(900);
    expect(secondsBetween(at('2026-11-20T02:00:00Z'), null)).toBeNull();
  });

  it('starts weeks on Monday 00:00 Vietnam time', () => {
    // Sunday 23:30 in Hà Nội is still the week that began six days earlier; Monday 00:30 begins a new one.
    expect(vietnamWeekStart(at('2026-11-29T16:30:00Z')).toISOString()).toBe('2026-11-22T17:00:00.000Z');
    expect(vietnamWeekStart(at('2026-11-29T17:30:00Z')).toISOString()).toBe('2026-11-29T17:00:00.000Z');
  });
});
