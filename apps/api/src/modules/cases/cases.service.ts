import { Injectable } from '@nestjs/common';
import { CASE_RECENT_ACTIVITY, type CaseAuditTrail, type CaseAuditVerification, type CasePage, type CaseView, VigilError } from '@vigil/contracts';
import { CaseDeadlinePlanner } from '@vigil/deadlines';
import { allowedCaseTransitions, verifyAuditChain } from '@vigil/domain';
import { CaseAuditRepository, CaseCommentsRepository, CaseLinksRepository, type CaseRow, CasesRepository } from '@vigil/persistence';
import type { AuthUser } from '../auth/auth-user';
import type { CaseListQueryDto } from './case.dto';
import { toCaseAuditEntryView, toCaseCommentView, toCaseLinkView, toCaseSummary } from './case-views';

/** Reading cases: the board's pages, one case with what it is about, and its audit trail. */
@Injectable()
export class CasesService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly links: CaseLinksRepository,
    private readonly comments: CaseCommentsRepository,
    private readonly audit: CaseAuditRepository,
    private readonly deadlines: CaseDeadlinePlanner,
  ) {}

  async list(query: CaseListQueryDto): Promise<CasePage> {
    const { rows, total } = await this.cases.list({
      statuses: query.status,
      severities: query.severity,
      assigneeId: query.assignee,
      teamId: query.team,
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
    const deadlines = await this.deadlines.viewsFor(rows.map((row) => row.id));
    return { cases: rows.map((row) => toCaseSummary(row, deadlines.get(row.id) ?? [])), total };
  }

  async view(id: string, user: AuthUser): Promise<CaseView> {
    const row = await this.find(id);
    const [links, comments, activity, deadlines] = await Promise.all([this.links.list(id), this.comments.list(id), this.audit.recent(id, CASE_RECENT_ACTIVITY), this.deadlines.viewsOf(id)]);
    return {
      ...toCaseSummary(row, deadlines),
      claimSummary: row.claimSummary,
      createdBy: row.createdBy,
      links: links.map(toCaseLinkView),
      comments: comments.map(toCaseCommentView),
      activity: activity.map(toCaseAuditEntryView),
      allowedTransitions: allowedCaseTransitions(row.status, row.severity, user.roles),
    };
  }

  async trail(id: string): Promise<CaseAuditTrail> {
    await this.find(id);
    return { entries: (await this.audit.list(id)).map(toCaseAuditEntryView) };
  }

  /** Recomputes the chain from what is stored: an entry changed in the database, behind the API, breaks it. */
  async verify(id: string): Promise<CaseAuditVerification> {
    await this.find(id);
    const entries = await this.audit.list(id);
    return { ...verifyAuditChain(entries), entries: entries.length };
  }

  private async find(id: string): Promise<CaseRow> {
    const row = await this.cases.findById(id);
    if (!row) throw caseNotFound(id);
    return row;
  }
}

export function caseNotFound(id: string, field?: string): VigilError {
  return new VigilError('case_not_found', `No case ${id}`, field === undefined ? {} : { field });
}
