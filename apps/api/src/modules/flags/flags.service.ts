import { Inject, Injectable } from '@nestjs/common';
import { type EscalatedFlagView, type FlagActionView, type FlagPage, type FlagStatus, type FlagView, VigilError } from '@vigil/contracts';
import { CLOCK, type Clock, type GlossaryPair } from '@vigil/domain';
import { AnnouncedWrites, decisionFeatures, DecisionModel, toFlagView } from '@vigil/detection';
import { type FlagDecision, FlagsRepository, type FlagStepOutcome, MatchingInputsRepository, type Transaction } from '@vigil/persistence';
import type { AuthUser } from '../auth/auth-user';
import { CaseChangesService, type FlagEscalation } from '../cases/case-changes.service';
import { ClaimMatchingService } from '../claims/claim-matching.service';
import type { FlagListQueryDto } from './flag.dto';

/** The triage queue: every step is one conditional update, recorded with who and when. */
@Injectable()
export class FlagsService {
  constructor(
    private readonly flags: FlagsRepository,
    private readonly inputs: MatchingInputsRepository,
    private readonly announced: AnnouncedWrites,
    private readonly caseChanges: CaseChangesService,
    private readonly matching: ClaimMatchingService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(query: FlagListQueryDto): Promise<FlagPage> {
    const status = query.status ?? 'open';
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    if (query.sort === 'learned') return this.learnedPage(status, limit, offset);
    const { rows, total } = await this.flags.list({ status, sort: query.sort ?? 'priority', limit, offset }, this.clock.now());
    return { flags: rows.map(toFlagView), total };
  }

  /**
   * The queue re-ranked by officers' decisions: a model trained on the latest dismissals and escalations blends its
   * escalation likelihood into each flag's priority (as the `decisions` factor). The most urgent LEARNED_CANDIDATES
   * flags by priority are re-ranked; below them the order stays by priority.
   */
  private async learnedPage(status: FlagStatus, limit: number, offset: number): Promise<FlagPage> {
    const now = this.clock.now();
    const [{ rows, total }, decided] = await Promise.all([
      this.flags.list({ status, sort: 'priority', limit: Math.max(LEARNED_CANDIDATES, offset + limit), offset: 0 }, now),
      this.inputs.decisions(LEARNED_FROM_DECISIONS),
    ]);
    const model = DecisionModel.train(decided.map((decision) => ({ features: decisionFeatures(decision), escalated: decision.escalated })));
    const ranked = rows
      .map((row) => {
        const view = toFlagView(row);
        const likelihood = model.escalationProbability(decisionFeatures({ ruleId: row.ruleId, sourceId: row.item.sourceId, severity: row.ruleSeverity, title: row.item.title }));
        return withDecisionsFactor(view, likelihood);
      })
      .sort((a, b) => b.priority - a.priority);
    return { flags: ranked.slice(offset, offset + limit), total };
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
    return this.step('flag.claimed', 'claim', id, user, (tx) => this.flags.claim(id, user.id, this.clock.now(), tx));
  }

  /** The holder lets go; an admin may release anyone's claim (an officer who left the shift). */
  async release(id: string, user: AuthUser): Promise<FlagView> {
    return this.step('flag.released', 'release', id, user, (tx) => this.flags.release(id, user.id, user.roles.includes('admin'), this.clock.now(), tx));
  }

  dismiss(id: string, user: AuthUser, reason: string): Promise<FlagView> {
    return this.decide(id, user, { status: 'dismissed', reason, attachedTo: null });
  }

  /**
   * Escalating turns the flag into a response case: a new one, or the case the officer names. The decision, the case,
   * its audit entry and the live events commit together, so a refused case leaves the flag open. Joining a case
   * confirms the match, so the glossary then learns the term pairs the officer kept, as a case page confirmation does
   * (after the commit: the glossary writes outside the transaction, and one connection is all PGlite has).
   */
  async escalate(id: string, user: AuthUser, escalation: FlagEscalation, pairs: readonly GlossaryPair[]): Promise<EscalatedFlagView> {
    const decision: FlagDecision = { status: 'escalated', reason: escalation.reason, attachedTo: null };
    const { value } = await this.announced.run(async (tx) => {
      const flag = done(id, await this.flags.decide(id, user.id, decision, this.clock.now(), tx), 'decide');
      const { case: summary, events } = await this.caseChanges.escalateFlag(flag, escalation, user, tx);
      return { value: { ...flag, case: summary }, events: [{ type: 'flag.escalated' as const, data: { flag, byUserId: user.id } }, ...events] };
    });
    if (escalation.caseId) await this.matching.learnConfirmedPairs(pairs, user.id, this.clock.now());
    return value;
  }

  /** The flag's items join another open flag's story, and this flag closes into it. */
  async attach(id: string, user: AuthUser, targetFlagId: string): Promise<FlagView> {
    const target = targetFlagId === id ? null : await this.flags.findById(targetFlagId, this.clock.now());
    if (!target || target.status !== 'open') {
      throw new VigilError('flag_attach_invalid', 'targetFlagId must name another open flag', { field: 'targetFlagId' });
    }
    return this.decide(id, user, { status: 'attached', reason: null, attachedTo: targetFlagId });
  }

  private decide(id: string, user: AuthUser, decision: FlagDecision): Promise<FlagView> {
    return this.step(DECISION_EVENTS[decision.status], 'decide', id, user, (tx) => this.flags.decide(id, user.id, decision, this.clock.now(), tx));
  }

  /**
   * One triage step and its live event, committed together: every officer's live list shows the step at once (the
   * claim lock others see, a decision leaving the queue), and a step that did not commit is never announced.
   */
  private async step(
    type: (typeof DECISION_EVENTS)[keyof typeof DECISION_EVENTS] | 'flag.claimed' | 'flag.released',
    step: 'claim' | 'release' | 'decide',
    id: string,
    user: AuthUser,
    write: (tx: Transaction) => Promise<FlagStepOutcome>,
  ): Promise<FlagView> {
    const { value } = await this.announced.run(async (tx) => {
      const flag = done(id, await write(tx), step);
      return { value: flag, events: [{ type, data: { flag, byUserId: user.id } }] };
    });
    return value;
  }
}

/** How many of the most urgent flags a learned ranking reorders, and how many past decisions it learns from. */
const LEARNED_CANDIDATES = 500;
const LEARNED_FROM_DECISIONS = 2_000;
/** The share of a learned priority that comes from past decisions; the rest is the flag's own priority, scaled. */
const DECISIONS_WEIGHT = 0.4;

function withDecisionsFactor(flag: FlagView, likelihood: number): FlagView {
  const keep = 1 - DECISIONS_WEIGHT;
  const factors = flag.priorityFactors.map((factor) => ({ ...factor, weight: round(factor.weight * keep), contribution: round(factor.contribution * keep) }));
  factors.push({ name: 'decisions', value: round(likelihood), weight: DECISIONS_WEIGHT, contribution: round(likelihood * DECISIONS_WEIGHT) });
  return { ...flag, priority: round(flag.priority * keep + likelihood * DECISIONS_WEIGHT), priorityFactors: factors };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

const DECISION_EVENTS = { dismissed: 'flag.dismissed', escalated: 'flag.escalated', attached: 'flag.attached' } as const;

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
