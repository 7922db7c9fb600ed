import { Inject, Injectable } from '@nestjs/common';
import { type DraftCommentList, type DraftCommentView, VigilError } from '@vigil/contracts';
import { CLOCK, type Clock } from '@vigil/domain';
import { AnnouncedWrites } from '@vigil/detection';
import { CaseAuditRepository, DraftCommentsRepository, DraftsRepository } from '@vigil/persistence';
import type { AuthUser } from '../auth/auth-user';
import type { CreateDraftCommentDto } from './draft.dto';
import { draftNotFound } from './drafts.service';
import { toDraftCommentView } from './draft-views';

/** Inline review comments: each anchored to a block of the draft's latest version, audited on its case. */
@Injectable()
export class DraftCommentsService {
  constructor(
    private readonly drafts: DraftsRepository,
    private readonly comments: DraftCommentsRepository,
    private readonly audit: CaseAuditRepository,
    private readonly announced: AnnouncedWrites,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async add(id: string, request: CreateDraftCommentDto, user: AuthUser): Promise<DraftCommentView> {
    const { value } = await this.announced.run(async (tx) => {
      const draft = await this.drafts.lock(id, tx);
      if (!draft) throw draftNotFound(id);
      if (request.blockIndex >= draft.document.blocks.length) {
        throw new VigilError('validation_failed', `Version ${draft.version} of draft ${id} has ${draft.document.blocks.length} blocks`, { field: 'blockIndex' });
      }
      const at = this.clock.now();
      const comment = await this.comments.add(id, { version: draft.version, blockIndex: request.blockIndex, quote: request.quote, body: request.body }, user.id, at, tx);
      const after = { draftId: id, step: 'commented', commentId: comment.id, version: draft.version, blockIndex: request.blockIndex, body: request.body };
      await this.audit.append(draft.caseId, { action: 'drafted', actorId: user.id, before: null, after }, at, tx);
      return { value: comment, events: [] };
    });
    return toDraftCommentView(value);
  }

  async list(id: string): Promise<DraftCommentList> {
    if (!(await this.drafts.findById(id))) throw draftNotFound(id);
    return { comments: (await this.comments.list(id)).map(toDraftCommentView) };
  }

  /** Resolving twice is harmless: the first resolution's time stays. */
  async resolve(id: string, commentId: string, user: AuthUser): Promise<DraftCommentView> {
    const { value } = await this.announced.run(async (tx) => {
      if (!(await this.drafts.lock(id, tx))) throw draftNotFound(id);
      const resolved = await this.comments.resolve(id, commentId, user.id, this.clock.now(), tx);
      if (!resolved) throw new VigilError('draft_comment_not_found', `Draft ${id} has no comment ${commentId}`, { field: 'commentId' });
      return { value: resolved, events: [] };
    });
    return toDraftCommentView(value);
  }
}
