import { isDeepStrictEqual } from 'node:util';
import { Inject, Injectable } from '@nestjs/common';
import { type DraftChecks, type DraftDiff, type DraftDocument, type DraftList, type DraftVersionList, type DraftVersionView, type DraftView, VigilError } from '@vigil/contracts';
import { checkDraftDocument, CLOCK, type Clock, diffDraftDocuments, EMPTY_DRAFT_DOCUMENT, isDraftEditable } from '@vigil/domain';
import { AnnouncedWrites } from '@vigil/detection';
import { CaseAuditRepository, CasesRepository, type DraftRow, DraftsRepository } from '@vigil/persistence';
import type { AuthUser } from '../auth/auth-user';
import { CaseChangesService } from '../cases/case-changes.service';
import { caseNotFound } from '../cases/cases.service';
import { ChannelLimitsService } from './channel-limits.service';
import { DraftChecksService } from './draft-checks.service';
import type { CreateDraftDto, UpdateDraftDto } from './draft.dto';
import { toDraftSummary, toDraftVersionEntry, toDraftVersionView, toDraftView } from './draft-views';

/** Drafts and their versions: creating, saving under the optimistic lock, reading, comparing, checking. */
@Injectable()
export class DraftsService {
  constructor(
    private readonly drafts: DraftsRepository,
    private readonly cases: CasesRepository,
    private readonly audit: CaseAuditRepository,
    private readonly limits: ChannelLimitsService,
    private readonly checker: DraftChecksService,
    private readonly caseChanges: CaseChangesService,
    private readonly announced: AnnouncedWrites,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(caseId: string, request: CreateDraftDto, user: AuthUser): Promise<DraftView> {
    const platform = request.platform ?? null;
    if ((request.channel === 'social_post') !== (platform !== null)) {
      throw new VigilError('draft_platform_invalid', request.channel === 'social_post' ? 'A social post names its platform' : `A ${request.channel} has no platform`, { field: 'platform' });
    }
    const document = request.document === undefined ? EMPTY_DRAFT_DOCUMENT : checkedDocument(request.document);
    const { value } = await this.announced.run(async (tx) => {
      if (!(await this.cases.lock(caseId, tx))) throw caseNotFound(caseId);
      const at = this.clock.now();
      const row = await this.drafts.create({ caseId, title: request.title, channel: request.channel, platform, language: request.language, document }, user.id, at, tx);
      const after = { draftId: row.id, step: 'created', title: row.title, channel: row.channel, platform: row.platform, language: row.language, version: 1 };
      await this.audit.append(caseId, { action: 'drafted', actorId: user.id, before: null, after }, at, tx);
      return { value: row, events: [] };
    });
    return toDraftView(value, await this.limits.current());
  }

  async list(caseId: string): Promise<DraftList> {
    if (!(await this.cases.findById(caseId))) throw caseNotFound(caseId);
    const limits = await this.limits.current();
    return { drafts: (await this.drafts.listByCase(caseId)).map((row) => toDraftSummary(row, limits)) };
  }

  async view(id: string): Promise<DraftView> {
    return toDraftView(await this.find(id), await this.limits.current());
  }

  /**
   * Saves the writer's title and document as the next version if they started from the latest one. A stale save
   * stores nothing and answers who saved the version it missed (the console still holds the writer's text). A
   * draft under review or approved goes back to editing: the approved version stays pinned, but needs approving again.
   * Its case, approved on the strength of that draft alone, goes back to drafting too, so nobody publishes it by hand.
   */
  async save(id: string, request: UpdateDraftDto, user: AuthUser): Promise<DraftView> {
    const document = request.document === undefined ? undefined : checkedDocument(request.document);
    const { value } = await this.announced.run(async (tx) => {
      const current = await this.drafts.lock(id, tx);
      if (!current) throw draftNotFound(id);
      if (request.version !== current.version) throw versionConflict(current, request.version);
      if (!isDraftEditable(current.status)) throw new VigilError('draft_action_illegal', `Draft ${id} is published; its text is what went out`, { details: { reason: current.status } });
      const title = request.title ?? current.title;
      const next = document ?? current.document;
      // jsonb keeps its own key order, so the stored document is compared by value, not as JSON text.
      if (title === current.title && isDeepStrictEqual(next, current.document)) return { value: current, events: [] };
      const saved = await this.drafts.appendVersion(id, current.version + 1, { title, document: next, status: 'editing' }, user.id, this.clock.now(), tx);
      const reopensCase = current.status === 'approved' && !(await this.drafts.otherApproved(current.caseId, id, tx));
      const events = reopensCase ? await this.caseChanges.followDraft(current.caseId, ['drafting'], { draftId: id, step: 'approved_draft_edited' }, user.id, tx) : [];
      return { value: saved, events };
    });
    return toDraftView(value, await this.limits.current());
  }

  async versions(id: string): Promise<DraftVersionList> {
    await this.find(id);
    return { versions: (await this.drafts.versions(id)).map(toDraftVersionEntry) };
  }

  async version(id: string, version: number): Promise<DraftVersionView> {
    return toDraftVersionView(await this.findVersion(id, version));
  }

  async diff(id: string, from: number, to: number): Promise<DraftDiff> {
    await this.find(id);
    const [before, after] = [await this.findVersion(id, from, 'from'), await this.findVersion(id, to, 'to')];
    return { from, to, parts: diffDraftDocuments(before.document, after.document) };
  }

  async checks(id: string): Promise<DraftChecks> {
    return this.checker.run(await this.find(id));
  }

  private async find(id: string): Promise<DraftRow> {
    const row = await this.drafts.findById(id);
    if (!row) throw draftNotFound(id);
    return row;
  }

  private async findVersion(id: string, version: number, field = 'version') {
    const row = await this.drafts.version(id, version);
    if (!row) {
      await this.find(id);
      throw new VigilError('draft_version_not_found', `Draft ${id} has no version ${version}`, { field });
    }
    return row;
  }
}

/** A document as the drafting rules rebuild it, or a 400 naming the first part refused. */
export function checkedDocument(value: unknown): DraftDocument {
  const checked = checkDraftDocument(value);
  if (!checked.ok) throw new VigilError('validation_failed', checked.message, { field: checked.field });
  return checked.document;
}

export function draftNotFound(id: string): VigilError {
  return new VigilError('draft_not_found', `No draft ${id}`);
}

/** 409 with the latest version and who saved it, so the console can tell the writer whose change they missed. */
export function versionConflict(current: DraftRow, sent: number): VigilError {
  const updatedBy = current.updatedBy ? { id: current.updatedBy.id, displayName: current.updatedBy.displayName } : null;
  return new VigilError('draft_version_conflict', `Draft ${current.id} is at version ${current.version}, not ${sent}`, { field: 'version', details: { currentVersion: current.version, updatedBy } });
}
