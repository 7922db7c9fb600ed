import { caseFieldRefused } from './case-editing';

describe('caseFieldRefused', () => {
  it('lets a writer reword and tag a case but not change its severity or who owns it', () => {
    expect(caseFieldRefused(['title', 'claimSummary', 'tags'], ['writer'])).toBeNull();
    expect(caseFieldRefused(['title', 'severity'], ['writer'])).toBe('severity');
    expect(caseFieldRefused(['assigneeId'], ['reviewer'])).toBe('assigneeId');
  });

  it('lets duty officers, leaders and admins route a case', () => {
    for (const role of ['duty_officer', 'leader', 'admin'] as const) {
      expect(caseFieldRefused(['severity', 'assigneeId', 'teamId'], [role])).toBeNull();
    }
  });
});
