import { DRAFT_STATUSES } from '@vigil/contracts';
import { allowedDraftActions, decideDraftAction, isDraftEditable } from './draft-review';

describe('decideDraftAction', () => {
  it('lets writers write and submit but never approve or publish', () => {
    expect(decideDraftAction({ action: 'submit', status: 'editing', severity: 'high', roles: ['writer'] })).toEqual({ allowed: true, to: 'in_review', finalApproval: false });
    for (const severity of ['critical', 'high', 'medium', 'low'] as const) {
      expect(decideDraftAction({ action: 'approve', status: 'in_review', severity, roles: ['writer'] })).toEqual({ allowed: false, refusal: 'not_permitted' });
    }
    expect(decideDraftAction({ action: 'publish', status: 'approved', severity: 'low', roles: ['writer'] })).toEqual({ allowed: false, refusal: 'not_permitted' });
    expect(decideDraftAction({ action: 'request-changes', status: 'in_review', severity: 'low', roles: ['writer'] })).toEqual({ allowed: false, refusal: 'not_permitted' });
  });

  it('makes a reviewer approval final on a non-critical case and a wait for sign-off on a critical one', () => {
    expect(decideDraftAction({ action: 'approve', status: 'in_review', severity: 'high', roles: ['reviewer'] })).toEqual({ allowed: true, to: 'approved', finalApproval: true });
    expect(decideDraftAction({ action: 'approve', status: 'in_review', severity: 'critical', roles: ['reviewer'] })).toEqual({ allowed: true, to: 'awaiting_signoff', finalApproval: false });
    expect(decideDraftAction({ action: 'approve', status: 'awaiting_signoff', severity: 'critical', roles: ['reviewer'] })).toEqual({ allowed: false, refusal: 'not_permitted' });
  });

  it('lets a leader sign off a critical case, or approve it straight from review', () => {
    expect(decideDraftAction({ action: 'approve', status: 'awaiting_signoff', severity: 'critical', roles: ['leader'] })).toEqual({ allowed: true, to: 'approved', finalApproval: true });
    expect(decideDraftAction({ action: 'approve', status: 'in_review', severity: 'critical', roles: ['leader'] })).toEqual({ allowed: true, to: 'approved', finalApproval: true });
    expect(decideDraftAction({ action: 'request-changes', status: 'awaiting_signoff', severity: 'critical', roles: ['reviewer'] })).toEqual({ allowed: false, refusal: 'not_permitted' });
    expect(decideDraftAction({ action: 'request-changes', status: 'awaiting_signoff', severity: 'critical', roles: ['leader'] }).allowed).toBe(true);
  });

  it('keeps admins and duty officers from approving; duty officers take no step at all', () => {
    expect(decideDraftAction({ action: 'approve', status: 'in_review', severity: 'low', roles: ['admin'] })).toEqual({ allowed: false, refusal: 'not_permitted' });
    for (const status of DRAFT_STATUSES) expect(allowedDraftActions(status, 'high', ['duty_officer'])).toEqual([]);
  });

  it('publishes only from approved, by a reviewer or a leader', () => {
    expect(decideDraftAction({ action: 'publish', status: 'approved', severity: 'high', roles: ['reviewer'] })).toEqual({ allowed: true, to: 'published', finalApproval: false });
    expect(decideDraftAction({ action: 'publish', status: 'awaiting_signoff', severity: 'critical', roles: ['leader'] })).toEqual({ allowed: false, refusal: 'illegal' });
    expect(decideDraftAction({ action: 'publish', status: 'editing', severity: 'high', roles: ['leader'] })).toEqual({ allowed: false, refusal: 'illegal' });
  });

  it('refuses a step from a status it does not start from as illegal, whoever asks', () => {
    expect(decideDraftAction({ action: 'submit', status: 'in_review', severity: 'low', roles: ['leader'] })).toEqual({ allowed: false, refusal: 'illegal' });
    expect(decideDraftAction({ action: 'approve', status: 'editing', severity: 'low', roles: ['leader'] })).toEqual({ allowed: false, refusal: 'illegal' });
    expect(allowedDraftActions('in_review', 'high', ['reviewer'])).toEqual(['request-changes', 'approve']);
  });

  it('lets any version be saved until publication', () => {
    expect(DRAFT_STATUSES.filter(isDraftEditable)).toEqual(['editing', 'in_review', 'changes_requested', 'awaiting_signoff', 'approved']);
  });
});
