import { Inject, Injectable } from '@nestjs/common';
import { type CaseStatus, type DraftStatus, type DraftView, VigilError } from '@vigil/contracts';
import { CLOCK, type Clock, decideDraftAction, type DraftReviewAction } from '@vigil/domain';
import { AnnouncedWrites } from '@vigil/detection';
import { CaseAuditRepository, CasesRepository, type DraftRow, DraftsRepository, type Transaction } from '@vigil/persistence';
import type { AuthUser } from '../auth/auth-user';
import { CaseChangesService } from '../cases/case-changes.service';
import { ChannelLimitsService } from './channel-limits.service';
import { DraftChecksService } from './draft-checks.service';
import type { PublishDraftDto, ReviewDraftDto } from './draft.dto';
import { draftNotFound, versionConflict } from './drafts.service';
import { toDraftView } from './draft-views';

/** The case steps each review step brings when the case stands at the matching point of its own workflow. */
const CASE_STEPS: Record<DraftReviewAction, Partial<Record<CaseStatus, readonly CaseStatus[]>>> = {
  submit: { acknowledged: ['drafting', 'in_review'], drafting: ['in_review'] },
  'request-changes': {},
  approve: { in_review: ['approved'] },
  publish: { approved: ['published'] },
};

/**
 * Submitting, sending back, approving and publishing a draft. Each step locks the draft, checks the workflow and the
 * version reviewed, and commits with its case's audit entry and the case's own move (which announces itself live).
 */
@Injectable()
export class DraftReviewService {
  constructor(
    private readonly drafts: DraftsRepository,
    private readonly cases: CasesRepository,
    private readonly audit: CaseAuditRepository,
    private readonly caseChanges: CaseChangesService,
    private readonly checker: DraftChecksService,
    private readonly limits: ChannelLimitsService,
    private readonly announced: AnnouncedWrites,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** submit, request-changes or approve the version the reviewer read (approval runs the pre-approval checks first). */
  async review(id: string, action: Exclude<DraftReviewAction, 'publish'>, request: ReviewDraftDto, user: AuthUser): Promise<DraftView> {
    const seen = await this.drafts.findById(id);
    if (!seen) throw draftNotFound(id);
    await this.decide(seen, action, user);
    if (request.version !== seen.version) throw versionConflict(seen, request.version);
    // The checks read citations outside the step's transaction (the embedded database has one connection); the step
    // below commits only if the draft is still at the version checked.
    if (action === 'approve') {
      const { passed, checks } = await this.checker.run(seen);
      if (!passed) throw new VigilError('draft_checks_failed', `Draft ${id} version ${seen.version} fails its pre-approval checks`, { details: { checks } });
    }
    const { value } = await this.announced.run(async (tx) => {
      const current = await this.lockDraft(id, tx);
      if (current.version !== seen.version) throw versionConflict(current, request.version);
      const decision = await this.decide(current, action, user, tx);
      const step = auditStep(action, current.status, decision.to);
      const row = await this.drafts.review(id, decision.to, decision.finalApproval ? current.version : undefined, user.id, this.clock.now(), tx);
      const context = { draftId: id, step, version: current.version, ...(request.note ? { note: request.note } : {}) };
      const events = await this.record(current, row.status, context, action, user, tx);
      return { value: row, events };
    });
    return toDraftView(value, await this.limits.current());
  }

  /**
   * Records where and when an approved draft went out, and moves its case to published. Reviewers and leaders publish
   * (the people who approved it answer for it going out); writers and admins do not, so nothing unapproved slips out.
   */
  async publish(id: string, request: PublishDraftDto, user: AuthUser): Promise<DraftView> {
    const publishedAt = request.publishedAt ? new Date(request.publishedAt) : this.clock.now();
    const { value } = await this.announced.run(async (tx) => {
      const current = await this.lockDraft(id, tx);
      await this.decide(current, 'publish', user, tx);
      const row = await this.drafts.publish(id, { url: request.url, publishedAt }, user.id, this.clock.now(), tx);
      const context = { draftId: id, step: 'published', version: current.version, publicationUrl: request.url, publishedAt: publishedAt.toISOString() };
      return { value: row, events: await this.record(current, row.status, context, 'publish', user, tx) };
    });
    return toDraftView(value, await this.limits.current());
  }

  /** The case's audit entry for the step, then the case's own move when it is at the matching point. */
  private async record(before: DraftRow, status: DraftStatus, context: Record<string, unknown>, action: DraftReviewAction, user: AuthUser, tx: Transaction) {
    await this.audit.append(before.caseId, { action: 'drafted', actorId: user.id, before: { draftId: before.id, status: before.status }, after: { ...context, status } }, this.clock.now(), tx);
    const caseRow = (await this.cases.findById(before.caseId, tx))!;
    // A critical case's draft waiting for its sign-off is not approved yet: its case stays in review.
    const steps = action === 'approve' && status !== 'approved' ? [] : (CASE_STEPS[action][caseRow.status] ?? []);
    return steps.length ? this.caseChanges.followDraft(before.caseId, steps, { draftId: before.id, ...(context.publicationUrl ? { publicationUrl: context.publicationUrl, publishedAt: context.publishedAt } : {}) }, user.id, tx) : [];
  }

  private async decide(draft: DraftRow, action: DraftReviewAction, user: AuthUser, tx?: Transaction) {
    const caseRow = await this.cases.findById(draft.caseId, tx);
    const decision = decideDraftAction({ action, status: draft.status, severity: caseRow!.severity, roles: user.roles });
    if (decision.allowed) return decision;
    if (decision.refusal === 'illegal') {
      throw new VigilError('draft_action_illegal', `Draft ${draft.id} is ${draft.status}: it cannot ${action}`, { details: { reason: draft.status } });
    }
    throw new VigilError('draft_action_not_permitted', `Your roles may not ${action} draft ${draft.id} (${draft.status}, ${caseRow!.severity} case)`, { details: { reason: draft.status } });
  }

  private async lockDraft(id: string, tx: Transaction): Promise<DraftRow> {
    const row = await this.drafts.lock(id, tx);
    if (!row) throw draftNotFound(id);
    return row;
  }
}

/** How the case's trail names a review step: a leader's sign-off and a reviewer's approval awaiting one are told apart. */
function auditStep(action: Exclude<DraftReviewAction, 'publish'>, from: DraftStatus, to: DraftStatus): string {
  if (action === 'submit') return 'submitted';
  if (action === 'request-changes') return 'changes_requested';
  if (to === 'awaiting_signoff') return 'approved_pending_signoff';
  return from === 'awaiting_signoff' ? 'signed_off' : 'approved';
}
