import { CASE_STATUSES, CASE_TRANSITIONS } from '@vigil/contracts';
import { allowedCaseTransitions, decideCaseTransition, isPermissionRefusal } from './case-workflow';

describe('decideCaseTransition', () => {
  it('lets a duty officer acknowledge a new case, and not a writer', () => {
    expect(decideCaseTransition({ from: 'new', to: 'acknowledged', severity: 'high', roles: ['duty_officer'] })).toEqual({ allowed: true });
    expect(decideCaseTransition({ from: 'new', to: 'acknowledged', severity: 'high', roles: ['writer'] })).toEqual({ allowed: false, refusal: 'role_not_permitted' });
  });

  it('never lets a writer approve', () => {
    for (const severity of ['critical', 'high', 'medium', 'low'] as const) {
      expect(decideCaseTransition({ from: 'in_review', to: 'approved', severity, roles: ['writer'] }).allowed).toBe(false);
    }
  });

  it('lets a reviewer approve a non-critical case but only a leader sign off a critical one', () => {
    expect(decideCaseTransition({ from: 'in_review', to: 'approved', severity: 'high', roles: ['reviewer'] })).toEqual({ allowed: true });
    expect(decideCaseTransition({ from: 'in_review', to: 'approved', severity: 'critical', roles: ['reviewer'] })).toEqual({ allowed: false, refusal: 'critical_needs_leader' });
    expect(decideCaseTransition({ from: 'in_review', to: 'approved', severity: 'critical', roles: ['admin'] })).toEqual({ allowed: false, refusal: 'critical_needs_leader' });
    expect(decideCaseTransition({ from: 'in_review', to: 'approved', severity: 'critical', roles: ['leader'] })).toEqual({ allowed: true });
  });

  it('keeps admins from signing off a response while letting them take the other steps', () => {
    expect(decideCaseTransition({ from: 'in_review', to: 'approved', severity: 'low', roles: ['admin'] })).toEqual({ allowed: false, refusal: 'role_not_permitted' });
    expect(decideCaseTransition({ from: 'new', to: 'acknowledged', severity: 'low', roles: ['admin'] })).toEqual({ allowed: true });
    expect(decideCaseTransition({ from: 'approved', to: 'published', severity: 'low', roles: ['admin'] })).toEqual({ allowed: true });
  });

  it('refuses a step that is not in the workflow, whoever asks, and a move to the same status', () => {
    expect(decideCaseTransition({ from: 'new', to: 'published', severity: 'low', roles: ['leader'] })).toEqual({ allowed: false, refusal: 'not_in_workflow' });
    expect(decideCaseTransition({ from: 'drafting', to: 'drafting', severity: 'low', roles: ['leader'] })).toEqual({ allowed: false, refusal: 'same_status' });
  });

  it('enters waiting from drafting and review and returns to either', () => {
    for (const from of ['drafting', 'in_review'] as const) {
      expect(decideCaseTransition({ from, to: 'waiting', severity: 'medium', roles: ['writer'] }).allowed).toBe(true);
    }
    for (const to of ['drafting', 'in_review'] as const) {
      expect(decideCaseTransition({ from: 'waiting', to, severity: 'medium', roles: ['reviewer'] }).allowed).toBe(true);
    }
    expect(decideCaseTransition({ from: 'acknowledged', to: 'waiting', severity: 'medium', roles: ['leader'] }).allowed).toBe(false);
  });

  it('reopens a monitored or closed case back to drafting', () => {
    expect(decideCaseTransition({ from: 'closed', to: 'drafting', severity: 'high', roles: ['duty_officer'] }).allowed).toBe(true);
    expect(decideCaseTransition({ from: 'monitoring', to: 'drafting', severity: 'high', roles: ['leader'] }).allowed).toBe(true);
    expect(decideCaseTransition({ from: 'closed', to: 'drafting', severity: 'high', roles: ['writer'] }).allowed).toBe(false);
  });

  it('gives every workflow step at least one role that may take it', () => {
    for (const from of CASE_STATUSES) {
      for (const to of CASE_TRANSITIONS[from]) {
        expect(decideCaseTransition({ from, to, severity: 'critical', roles: ['leader'] })).toEqual({ allowed: true });
      }
    }
  });

  it('tells a permission refusal from a conflict with the case status', () => {
    expect(isPermissionRefusal('role_not_permitted')).toBe(true);
    expect(isPermissionRefusal('critical_needs_leader')).toBe(true);
    expect(isPermissionRefusal('not_in_workflow')).toBe(false);
    expect(isPermissionRefusal('same_status')).toBe(false);
  });
});

describe('allowedCaseTransitions', () => {
  it('lists what a reviewer may do with a critical case in review: send it back or park it, not approve it', () => {
    expect(allowedCaseTransitions('in_review', 'critical', ['reviewer'])).toEqual(['drafting', 'waiting']);
    expect(allowedCaseTransitions('in_review', 'high', ['reviewer'])).toEqual(['approved', 'drafting', 'waiting']);
  });
});
