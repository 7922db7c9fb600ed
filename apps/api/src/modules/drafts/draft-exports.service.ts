import { Inject, Injectable } from '@nestjs/common';
import { VIGIL_CONFIG, type VigilConfig } from '@vigil/config';
import { type DraftExportFormat, VigilError } from '@vigil/contracts';
import { claimReviewJsonLd, exportDraftHtml, exportDraftMarkdown, exportDraftText } from '@vigil/domain';
import { CasesRepository, DraftsRepository } from '@vigil/persistence';
import { draftNotFound } from './drafts.service';

export interface DraftExport {
  contentType: string;
  body: string;
}

const CONTENT_TYPES: Record<DraftExportFormat, string> = {
  text: 'text/plain; charset=utf-8',
  markdown: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  claimreview: 'application/ld+json; charset=utf-8',
};

/** A draft's latest version as text, Markdown or HTML with numbered references; a published one also as ClaimReview. */
@Injectable()
export class DraftExportsService {
  constructor(
    private readonly drafts: DraftsRepository,
    private readonly cases: CasesRepository,
    @Inject(VIGIL_CONFIG) private readonly config: VigilConfig,
  ) {}

  async export(id: string, format: DraftExportFormat): Promise<DraftExport> {
    const draft = await this.drafts.findById(id);
    if (!draft) throw draftNotFound(id);
    const input = { title: draft.title, language: draft.language, document: draft.document };
    switch (format) {
      case 'text':
        return { contentType: CONTENT_TYPES.text, body: exportDraftText(input) };
      case 'markdown':
        return { contentType: CONTENT_TYPES.markdown, body: exportDraftMarkdown(input) };
      case 'html':
        return { contentType: CONTENT_TYPES.html, body: exportDraftHtml(input) };
      case 'claimreview': {
        if (draft.status !== 'published' || !draft.publicationUrl || !draft.publishedAt) {
          throw new VigilError('draft_action_illegal', `Draft ${id} is ${draft.status}: ClaimReview describes a published rebuttal`, { field: 'format', details: { reason: draft.status } });
        }
        const caseRow = (await this.cases.findById(draft.caseId))!;
        const first = await this.drafts.firstAppearance(draft.caseId);
        const jsonLd = claimReviewJsonLd({
          claim: caseRow.claimSummary ?? caseRow.title,
          language: draft.language,
          headline: draft.title,
          firstAppearance: first ? { url: first.url, publishedAt: first.publishedAt?.toISOString() ?? null } : null,
          officeName: this.config.officeName,
          publication: { url: draft.publicationUrl, publishedAt: draft.publishedAt.toISOString() },
        });
        return { contentType: CONTENT_TYPES.claimreview, body: JSON.stringify(jsonLd, null, 2) };
      }
    }
  }
}
