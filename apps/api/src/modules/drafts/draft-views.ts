import type { ChannelLimits, DraftCommentView, DraftSummary, DraftVersionView, DraftView } from '@vigil/contracts';
import { channelLimitOf, draftTextLength } from '@vigil/domain';
import type { DraftCommentRow, DraftRow, DraftVersionRow, DraftVersionWithDocument } from '@vigil/persistence';

export function toDraftSummary(row: DraftRow, limits: ChannelLimits): DraftSummary {
  return {
    id: row.id,
    caseId: row.caseId,
    title: row.title,
    channel: row.channel,
    platform: row.platform,
    language: row.language,
    status: row.status,
    version: row.version,
    approvedVersion: row.approvedVersion,
    length: draftTextLength(row.document),
    lengthLimit: channelLimitOf(limits, row.channel, row.platform),
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}

export function toDraftView(row: DraftRow, limits: ChannelLimits): DraftView {
  const publication = row.publicationUrl && row.publishedAt ? { url: row.publicationUrl, publishedAt: row.publishedAt.toISOString(), publishedBy: row.publishedBy } : null;
  return { ...toDraftSummary(row, limits), document: row.document, publication };
}

export function toDraftVersionEntry(row: DraftVersionRow): Omit<DraftVersionView, 'document'> {
  return { version: row.version, title: row.title, author: row.author, createdAt: row.createdAt.toISOString() };
}

export function toDraftVersionView(row: DraftVersionWithDocument): DraftVersionView {
  return { ...toDraftVersionEntry(row), document: row.document };
}

export function toDraftCommentView(row: DraftCommentRow): DraftCommentView {
  return {
    id: row.id,
    version: row.version,
    blockIndex: row.blockIndex,
    quote: row.quote,
    body: row.body,
    author: row.author,
    createdAt: row.createdAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
  };
}
