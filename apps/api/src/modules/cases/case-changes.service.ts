import { Inject, Injectable } from '@nestjs/common';
import { CASE_MENTION_EXCERPT, CASE_TRANSITIONS, type CaseCommentView, type CaseLinkKind, type CaseStatus, type CaseSummary, type CaseTransitionRefusal, type CaseView, type ErrorCode, type FlagView, type Role, VigilError } from '@vigil/contracts';
import { allowedCaseTransitions, caseFieldRefused, type CaseEditableField, CLOCK, type Clock, decideCaseTransition, isPermissionRefusal, parseMentions } from '@vigil/domain';
import { CaseDeadlinePlanner } from '@vigil/deadlines';
import { AnnouncedWrites } from '@vigil/detection';
import {
  CaseAuditRepository,
  CaseCommentsRepository,
  type CaseFields,
  type CaseLinkTarget,
  CaseLinksRepository,
  type CaseRow,
  CasesRepository,
  TeamsRepository,
  type Transaction,
  UsersRepository,
} from '@vigil/persistence';
import type { LiveEventDraft } from '@vigil/realtime';
import type { AuthUser } from '../auth/auth-user';
import type { CaseLinkDto, CreateCaseDto, UpdateCaseDto } from './case.dto';
import { CasesService, caseNotFound } from './cases.service';
import { toCaseSummary } from './case-views';

/** What escalating a flag asks of its case: join `caseId`, or open a new one (title and severity default to the flag's). */
export interface FlagEscalation {
  reason: string | null;
  caseId?: string;
  title?: string;
  severity?: CaseFields['severity'];
}

/**
 * Every change to a case: the row, its audit entry and the live event announcing it commit together (the case row is
 * locked first, so changes to one case, and its audit chain, queue behind each other).
 */
@Injectable()
export class CaseChangesService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly links: CaseLinksRepository,
    private readonly comments: CaseCommentsRepository,
    private readonly audit: CaseAuditRepository,
    private readonly teams: TeamsRepository,
    private readonly users: UsersRepository,
    private readonly reads: CasesService,
    private readonly announced: AnnouncedWrites,
    private readonly deadlines: CaseDeadlinePlanner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(request: CreateCaseDto, user: AuthUser): Promise<CaseView> {
    const fields: CaseFields = {
      title: request.title,
      claimSummary: request.claimSummary ?? null,
      severity: request.severity,
      assigneeId: request.assigneeId ?? null,
      teamId: request.teamId ?? null,
      tags: unique(request.tags ?? []),
    };
    await this.checkRouting(fields);
    const targets = uniqueTargets(request.links ?? []);
    await this.checkTargets(targets);
    const { value } = await this.announced.run(async (tx) => this.open(fields, targets, user.id, {}, tx));
    return this.reads.view(value.id, user);
  }

  async update(id: string, request: UpdateCaseDto, user: AuthUser): Promise<CaseView> {
    await this.checkRouting(request);
    await this.announced.run(async (tx) => {
      const current = await this.lock(id, tx);
      const changes = changedFields(fieldsOf(current), request);
      const changed = Object.keys(changes) as CaseEditableField[];
      if (changed.length === 0) return { value: current, events: [] };
      const refused = caseFieldRefused(changed, user.roles);
      if (refused) throw new VigilError('forbidden', `Your roles may not change ${refused} of a case`, { field: refused });
      const row = await this.cases.update(id, changes, this.clock.now(), tx);
      if (changes.severity) await this.deadlines.severityChanged({ caseId: id, severity: changes.severity, at: this.clock.now() }, tx);
      const was = fieldsOf(current);
      const before = Object.fromEntries(changed.map((field) => [field, was[field]]));
      await this.audit.append(id, { action: 'updated', actorId: user.id, before, after: changes }, this.clock.now(), tx);
      return { value: row, events: [{ type: 'case.updated', data: { case: toCaseSummary(row, await this.deadlines.viewsOf(id, tx)), byUserId: user.id, changed } }] };
    });
    return this.reads.view(id, user);
  }

  /** One workflow step, refused with the reason (and the steps the user may take instead) when the workflow forbids it. */
  async transition(id: string, to: CaseStatus, reason: string | null, user: AuthUser): Promise<CaseView> {
    await this.announced.run(async (tx) => {
      const current = await this.lock(id, tx);
      const decision = decideCaseTransition({ from: current.status, to, severity: current.severity, roles: user.roles });
      if (!decision.allowed) throw transitionRefused(current, to, decision.refusal, user.roles);
      const row = await this.cases.setStatus(id, to, this.clock.now(), tx);
      await this.deadlines.statusChanged({ caseId: id, to, at: this.clock.now() }, tx);
      await this.audit.append(id, { action: 'transitioned', actorId: user.id, before: { status: current.status }, after: { status: to, reason } }, this.clock.now(), tx);
      const data = { case: toCaseSummary(row, await this.deadlines.viewsOf(id, tx)), byUserId: user.id, from: current.status, to, reason };
      return { value: row, events: [{ type: 'case.transitioned', data }] };
    });
    return this.reads.view(id, user);
  }

  /**
   * The case side of a draft's review step, in the draft's transaction: the case takes `steps` (in order) while each
   * is the next one the workflow has from where it stands, and stops at the first that is not (a case already past
   * that point, or waiting, stays). The draft's review workflow decided who may take the step, so the case's role
   * table is not asked again: a reviewer publishing an approved rebuttal publishes its case. Each move is audited and
   * announced like a transition by hand, with its deadlines met; `context` (the draft, a publication) joins the entry.
   */
  async followDraft(caseId: string, steps: readonly CaseStatus[], context: Record<string, unknown>, actorId: string, tx: Transaction): Promise<LiveEventDraft[]> {
    const events: LiveEventDraft[] = [];
    let current = await this.lock(caseId, tx);
    for (const to of steps) {
      if (!CASE_TRANSITIONS[current.status].includes(to)) break;
      const at = this.clock.now();
      const row = await this.cases.setStatus(caseId, to, at, tx);
      await this.deadlines.statusChanged({ caseId, to, at }, tx);
      await this.audit.append(caseId, { action: 'transitioned', actorId, before: { status: current.status }, after: { status: to, reason: null, ...context } }, at, tx);
      events.push({ type: 'case.transitioned', data: { case: toCaseSummary(row, await this.deadlines.viewsOf(caseId, tx)), byUserId: actorId, from: current.status, to, reason: null } });
      current = row;
    }
    return events;
  }

  /** A comment, with the enabled users it @mentions by username (unknown names stay plain text). */
  async comment(id: string, body: string, user: AuthUser): Promise<CaseView> {
    await this.announced.run(async (tx) => {
      const current = await this.lock(id, tx);
      const mentioned = await this.comments.usersByUsername(parseMentions(body), tx);
      const at = this.clock.now();
      const comment = await this.comments.add(id, user.id, body, mentioned.map((person) => person.id), at, tx);
      await this.cases.touch(id, at, tx);
      const after = { commentId: comment.id, body, mentions: mentioned.map((person) => person.username) };
      await this.audit.append(id, { action: 'commented', actorId: user.id, before: null, after }, at, tx);
      const view = { id: comment.id, author: comment.author, body: comment.body, mentions: comment.mentions, createdAt: comment.createdAt.toISOString() };
      return { value: current, events: [{ type: 'case.commented', data: { caseId: id, reference: current.reference, comment: view } }, ...mentionEvents(current, view)] };
    });
    return this.reads.view(id, user);
  }

  async link(id: string, target: CaseLinkDto, user: AuthUser): Promise<CaseView> {
    await this.checkTargets([target]);
    await this.announced.run(async (tx) => ({ value: null, events: await this.addLinks(await this.lock(id, tx), [target], user.id, {}, tx) }));
    return this.reads.view(id, user);
  }

  /** Unlinks one flag, item or story; like linking, audited with the link as it was and announced as a change of `links`. */
  async unlink(id: string, target: CaseLinkTarget, user: AuthUser): Promise<CaseView> {
    await this.announced.run(async (tx) => {
      const current = await this.lock(id, tx);
      if (!(await this.links.remove(id, target, tx))) {
        throw new VigilError('case_link_not_found', `Case ${current.reference} has no link to ${target.kind} ${target.id}`, { field: 'targetId' });
      }
      const at = this.clock.now();
      await this.audit.append(id, { action: 'unlinked', actorId: user.id, before: { links: [{ kind: target.kind, id: target.id }] }, after: { links: [] } }, at, tx);
      const row = await this.cases.touch(id, at, tx);
      return { value: null, events: [{ type: 'case.updated', data: { case: toCaseSummary(row, await this.deadlines.viewsOf(id, tx)), byUserId: user.id, changed: ['links'] } }] };
    });
    return this.reads.view(id, user);
  }

  /**
   * The case side of escalating a flag, in the flag decision's transaction: the flag, its item and its story join the
   * named case, or open a new one. Returns the case and the live events to store with the decision.
   */
  async escalateFlag(flag: FlagView, escalation: FlagEscalation, user: AuthUser, tx: Transaction): Promise<{ case: CaseSummary; events: LiveEventDraft[] }> {
    const targets: CaseLinkTarget[] = [{ kind: 'flag', id: flag.id }, { kind: 'item', id: flag.item.id }, ...(flag.storyId ? [{ kind: 'story' as const, id: flag.storyId }] : [])];
    const context = { escalatedFlagId: flag.id, reason: escalation.reason };
    if (escalation.caseId) {
      const current = await this.cases.lock(escalation.caseId, tx);
      if (!current) throw caseNotFound(escalation.caseId, 'caseId');
      // A closed case is history: new evidence reopens it deliberately (a workflow step), not as a side effect.
      if (current.status === 'closed') throw new VigilError('case_closed', `Case ${current.reference} is closed; reopen it first`, { field: 'caseId' });
      const events = await this.addLinks(current, targets, user.id, context, tx);
      return { case: toCaseSummary((await this.cases.findById(current.id, tx))!, await this.deadlines.viewsOf(current.id, tx)), events };
    }
    const fields: CaseFields = { title: escalation.title ?? flag.item.title, claimSummary: null, severity: escalation.severity ?? flag.rule.severity, assigneeId: null, teamId: null, tags: [] };
    const { summary, events } = await this.open(fields, targets, user.id, context, tx);
    return { case: summary, events };
  }

  private async open(fields: CaseFields, targets: readonly CaseLinkTarget[], actorId: string, context: Record<string, unknown>, tx: Transaction) {
    const at = this.clock.now();
    const row = await this.cases.create(fields, actorId, at, tx);
    await this.deadlines.planCase({ caseId: row.id, severity: fields.severity, at }, tx);
    await this.links.add(row.id, targets, actorId, at, tx);
    const after = { reference: row.reference, status: row.status, ...fields, links: targets, ...context };
    await this.audit.append(row.id, { action: 'created', actorId, before: null, after }, at, tx);
    const summary = toCaseSummary(row, await this.deadlines.viewsOf(row.id, tx));
    const events: LiveEventDraft[] = [{ type: 'case.created', data: { case: summary, byUserId: actorId } }];
    return { value: row, summary, events };
  }

  /** Links what is not linked yet; linking nothing new changes nothing (no audit entry, no event). */
  private async addLinks(current: CaseRow, targets: readonly CaseLinkTarget[], actorId: string, context: Record<string, unknown>, tx: Transaction): Promise<LiveEventDraft[]> {
    const at = this.clock.now();
    const added = await this.links.add(current.id, targets, actorId, at, tx);
    if (added.length === 0) return [];
    await this.audit.append(current.id, { action: 'linked', actorId, before: null, after: { links: added, ...context } }, at, tx);
    const row = await this.cases.touch(current.id, at, tx);
    return [{ type: 'case.updated', data: { case: toCaseSummary(row, await this.deadlines.viewsOf(current.id, tx)), byUserId: actorId, changed: ['links'] } }];
  }

  private async lock(id: string, tx: Transaction): Promise<CaseRow> {
    const row = await this.cases.lock(id, tx);
    if (!row) throw caseNotFound(id);
    return row;
  }

  /** An assignee must be an enabled user and a team must exist (null clears either). */
  private async checkRouting(fields: { assigneeId?: string | null; teamId?: string | null }): Promise<void> {
    if (fields.assigneeId) {
      const assignee = await this.users.findById(fields.assigneeId);
      if (!assignee || assignee.disabled) throw new VigilError('user_not_found', `No enabled user ${fields.assigneeId}`, { field: 'assigneeId' });
    }
    if (fields.teamId && !(await this.teams.findById(fields.teamId))) throw new VigilError('team_not_found', `No team ${fields.teamId}`, { field: 'teamId' });
  }

  private async checkTargets(targets: readonly CaseLinkTarget[]): Promise<void> {
    for (const target of targets) {
      if (!(await this.links.targetExists(target))) throw new VigilError(MISSING_TARGET[target.kind], `No ${target.kind} ${target.id}`, { field: 'links' });
    }
  }
}

/** `case.mentioned` for the users the comment names, heard by them alone; mentioning oneself notifies nobody. */
function mentionEvents(current: CaseRow, comment: CaseCommentView): LiveEventDraft<'case.mentioned'>[] {
  const userIds = comment.mentions.map((person) => person.id).filter((userId) => userId !== comment.author.id);
  if (userIds.length === 0) return [];
  const data = { caseId: current.id, reference: current.reference, title: current.title, commentId: comment.id, authorDisplayName: comment.author.displayName, excerpt: excerptOf(comment.body) };
  return [{ type: 'case.mentioned', data, audience: { userIds } }];
}

/** The comment's start on one line, cut by characters (not UTF-16 units) so no letter is split. */
function excerptOf(body: string): string {
  const characters = Array.from(body.replace(/\s+/g, ' ').trim());
  return characters.length <= CASE_MENTION_EXCERPT ? characters.join('') : `${characters.slice(0, CASE_MENTION_EXCERPT - 1).join('')}…`;
}

const MISSING_TARGET: Record<CaseLinkKind, ErrorCode> = { flag: 'flag_not_found', item: 'item_not_found', story: 'story_not_found' };

function fieldsOf(row: CaseRow): CaseFields {
  return { title: row.title, claimSummary: row.claimSummary, severity: row.severity, assigneeId: row.assignee?.id ?? null, teamId: row.team?.id ?? null, tags: row.tags };
}

const EDITABLE: readonly CaseEditableField[] = ['title', 'claimSummary', 'severity', 'assigneeId', 'teamId', 'tags'];

/** The fields the request sets to something other than what the case holds. */
function changedFields(was: CaseFields, request: UpdateCaseDto): Partial<CaseFields> {
  const changes: Partial<CaseFields> = {};
  for (const field of EDITABLE) {
    const value = field === 'tags' && request.tags ? unique(request.tags) : request[field];
    if (value !== undefined && JSON.stringify(value) !== JSON.stringify(was[field])) Object.assign(changes, { [field]: value });
  }
  return changes;
}

function transitionRefused(current: CaseRow, to: CaseStatus, refusal: CaseTransitionRefusal, roles: readonly Role[]): VigilError {
  const details = { reason: refusal, allowed: allowedCaseTransitions(current.status, current.severity, roles) };
  if (isPermissionRefusal(refusal)) {
    return new VigilError('case_transition_not_permitted', `Your roles may not move case ${current.reference} from ${current.status} to ${to} (${refusal})`, { field: 'to', details });
  }
  return new VigilError('case_transition_illegal', `Case ${current.reference} cannot go from ${current.status} to ${to} (${refusal})`, { field: 'to', details });
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function uniqueTargets(targets: readonly CaseLinkTarget[]): CaseLinkTarget[] {
  const seen = new Map(targets.map((target) => [`${target.kind}:${target.id}`, { kind: target.kind, id: target.id }]));
  return [...seen.values()];
}
