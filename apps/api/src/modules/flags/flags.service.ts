import { Inject, Injectable } from '@nestjs/common';
import { type FlagActionView, type FlagPage, type FlagView, VigilError } from '@vigil/contracts';
import { CLOCK, type Clock } from '@vigil/domain';
import { type FlagDecision, type FlagRow, FlagsRepository, type FlagStepOutcome } from '@vigil/persistence';
import type { AuthUser } from '../auth/auth-user';
import type { FlagListQueryDto } from './flag.dto';

/** The triage queue: every step is one conditional update, recorded with who and when. */
@Injectable()
export class FlagsService {
  constructor(
    private readonly flags: FlagsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(query: FlagListQueryDto): Promise<FlagPage> {
    const { rows, total } = await this.flags.list(
      { status: query.status ?? 'open', sort: query.sort ?? 'priority', limit: query.limit ?? 50, offset: query.offset ?? 0 },
      this.clock.now(),
    );
    return { flags: rows.map(toFlagView), total };
  }

  async get(id: string): Promise<FlagView & { actions: FlagActionView[] }> {
    const row = await this.flags.findById(id, this.clock.now());
    if (!row) throw notFound(id);
    const actions = await this.flags.actions(id);
    return {
      ...toFlagView(row),
      actions: actions.map((action) => ({
        action: action.action,
        actor: action.actorId ? { id: action.actorId, displayName: action.actorName ?? '' } : null,
        at: action.at.toISOString(),
        reason: action.reason,
      })),
    };
  }

  /** Of two officers claiming at once, one wins; the other is told who holds it. Claiming one's own flag again is a no-op. */
  async claim(id: string, user: AuthUser): Promise<FlagView> {
    return done(id, await this.flags.claim(id, user.id, this.clock.now()), 'claim');
  }

  /** The holder lets go; an admin may release anyone's claim (an officer who left the shift). */
  async release(id: string, user: AuthUser): Promise<FlagView> {
    return done(id, await this.flags.release(id, user.id, user.roles.includes('admin'), this.clock.now()), 'release');
  }

  dismiss(id: string, user: AuthUser, reason: string): Promise<FlagView> {
    return this.decide(id, user, { status: 'dismissed', reason, attachedTo: null });
  }

  /** Until cases exist, escalating records the decision; the case issue turns it into a response ticket. */
  escalate(id: string, user: AuthUser, reason: string | null): Promise<FlagView> {
    return this.decide(id, user, { status: 'escalated', reason, attachedTo: null });
  }

  /** The flag's items join another open flag's story, and this flag closes into it. */
  async attach(id: string, user: AuthUser, targetFlagId: string): Promise<FlagView> {
    const target = targetFlagId === id ? null : await this.flags.findById(targetFlagId, this.clock.now());
    if (!target || target.status !== 'open') {
      throw new VigilError('flag_attach_invalid', 'targetFlagId must name another open flag', { field: 'targetFlagId' });
    }
    return this.decide(id, user, { status: 'attached', reason: null, attachedTo: targetFlagId });
  }

  private async decide(id: string, user: AuthUser, decision: FlagDecision): Promise<FlagView> {
    return done(id, await this.flags.decide(id, user.id, decision, this.clock.now()), 'decide');
  }
}

/** The updated flag, or the refusal as its code. */
function done(id: string, outcome: FlagStepOutcome, step: 'claim' | 'release' | 'decide'): FlagView {
  switch (outcome.kind) {
    case 'done':
      return toFlagView(outcome.row);
    case 'missing':
      throw notFound(id);
    case 'closed':
      throw new VigilError('flag_closed', `Flag ${id} has been decided already`);
    case 'held':
      if (step === 'release') throw new VigilError('flag_not_claimed_by_you', `Flag ${id} is claimed by ${outcome.holder.displayName}, not by you`);
      throw new VigilError('flag_claimed_by_other', `Flag ${id} is claimed by ${outcome.holder.displayName}`, { details: { holder: outcome.holder } });
    case 'unclaimed':
      throw new VigilError('flag_not_claimed_by_you', `Flag ${id} is not claimed`);
  }
}

function notFound(id: string): VigilError {
  return new VigilError('flag_not_found', `No flag ${id}`);
}

export function toFlagView(row: FlagRow): FlagView {
  return {
    id: row.id,
    status: row.status,
    rule: { id: row.ruleId, name: row.ruleName, severity: row.ruleSeverity },
    storyId: row.storyId,
    item: { ...row.item, publishedAt: row.item.publishedAt?.toISOString() ?? null, highlights: row.highlights },
    itemCount: row.itemCount,
    sourceCount: row.sourceCount,
    velocity: row.velocity,
    priority: row.priority,
    priorityFactors: row.priorityFactors,
    claimedBy: row.claimedBy,
    claimedAt: row.claimedAt?.toISOString() ?? null,
    decision:
      row.decidedBy && row.decidedAt ? { by: row.decidedBy, at: row.decidedAt.toISOString(), reason: row.decisionReason, attachedTo: row.attachedTo } : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
