/**
 * Rebuttal drafting: drafts and their versions, citations, inline review, the fact library, templates and exports —
 * the shapes of /api/cases/:id/drafts, /api/drafts, /api/facts, /api/templates and /api/channel-limits.
 */
import type { CasePerson } from './cases';

/** Where a response goes out; social posts also name their platform (each has its own length limit). */
export const DRAFT_CHANNELS = ['press_statement', 'website_article', 'social_post', 'talking_points'] as const;
export type DraftChannel = (typeof DRAFT_CHANNELS)[number];

export const SOCIAL_PLATFORMS = ['x', 'facebook', 'zalo'] as const;
export type SocialPlatform = (typeof SOCIAL_PLATFORMS)[number];

export const DRAFT_LANGUAGES = ['vi', 'en'] as const;
export type DraftLanguage = (typeof DRAFT_LANGUAGES)[number];

/**
 * editing → in_review → (changes_requested → editing …) → approved, or for a critical case → awaiting_signoff
 * (a reviewer approved) → approved (a leader signed off) → published. Saving a new version of a draft in review,
 * awaiting sign-off or approved takes it back to editing: what was approved stays pinned, but needs approval again.
 */
export const DRAFT_STATUSES = ['editing', 'in_review', 'changes_requested', 'awaiting_signoff', 'approved', 'published'] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

/** What a citation points at: an archived item (its snapshot), a fact-library entry, or an official document by URL. */
export const CITATION_KINDS = ['item', 'fact', 'document'] as const;
export type CitationKind = (typeof CITATION_KINDS)[number];

/** One cited source of a draft; `id` is what inline citation marks refer to (stable across versions). */
export interface DraftCitation {
  id: string;
  kind: CitationKind;
  /** The item's or fact's id; null for a document. */
  targetId: string | null;
  /** For a document, the official URL; for an item, its original URL (the snapshot is the evidence). */
  url: string | null;
  /** As the export lists it (an item's or fact's title at the time of citing, a document's name). */
  title: string;
}

/** A run of text in a block, or a numbered reference to one of the draft's citations. */
export type DraftInline = { type: 'text'; text: string; bold?: boolean; italic?: boolean } | { type: 'citation'; citationId: string };

export const DRAFT_BLOCK_KINDS = ['heading', 'paragraph', 'bullet', 'quote'] as const;
export type DraftBlockKind = (typeof DRAFT_BLOCK_KINDS)[number];

export interface DraftBlock {
  kind: DraftBlockKind;
  inlines: DraftInline[];
}

/** A draft's body: rich text kept as blocks (the console edits it with TipTap), never as raw HTML. */
export interface DraftDocument {
  blocks: DraftBlock[];
  citations: DraftCitation[];
}

export interface DraftSummary {
  id: string;
  caseId: string;
  title: string;
  channel: DraftChannel;
  /** Set for social posts. */
  platform: SocialPlatform | null;
  language: DraftLanguage;
  status: DraftStatus;
  /** The latest version's number (1, 2, 3…); PATCH sends it back as the optimistic lock. */
  version: number;
  /** The version a reviewer (and for a critical case a leader) approved; null until then. */
  approvedVersion: number | null;
  /** Characters of the plain text (what the channel limit counts) and the channel's limit, null when it has none. */
  length: number;
  lengthLimit: number | null;
  updatedBy: CasePerson | null;
  updatedAt: string;
  createdAt: string;
}

export interface DraftView extends DraftSummary {
  document: DraftDocument;
  /** Set once published. */
  publication: { url: string; publishedAt: string; publishedBy: CasePerson | null } | null;
}

export interface DraftList {
  drafts: DraftSummary[];
}

export interface CreateDraftRequest {
  title: string;
  channel: DraftChannel;
  platform?: SocialPlatform | null;
  language: DraftLanguage;
  /** The starting body, e.g. from POST /api/drafts/starter; an empty document when absent. */
  document?: DraftDocument;
}

/** PATCH /api/drafts/:id: `version` is the version the writer started from; a newer one answers 409 `draft_version_conflict`. */
export interface UpdateDraftRequest {
  version: number;
  title?: string;
  document?: DraftDocument;
}

export interface DraftVersionView {
  version: number;
  title: string;
  document: DraftDocument;
  author: CasePerson | null;
  createdAt: string;
}

export interface DraftVersionList {
  versions: Omit<DraftVersionView, 'document'>[];
}

/** A readable diff of the two versions' plain text, word by word within changed blocks. */
export interface DraftDiff {
  from: number;
  to: number;
  parts: { kind: 'same' | 'added' | 'removed'; text: string }[];
}

/** A reviewer's comment anchored to a block of one version and the words it is about. */
export interface DraftCommentView {
  id: string;
  version: number;
  blockIndex: number;
  /** The commented words as they stood (render as text). */
  quote: string;
  body: string;
  author: CasePerson;
  createdAt: string;
  resolvedAt: string | null;
}

export interface CreateDraftCommentRequest {
  blockIndex: number;
  quote: string;
  body: string;
}

export interface DraftCommentList {
  comments: DraftCommentView[];
}

/** What blocks an approval (errors) or deserves a look (warnings). */
export const DRAFT_CHECK_CODES = ['citation_unresolved', 'length_exceeded', 'fact_expired', 'citation_missing', 'document_empty'] as const;
export type DraftCheckCode = (typeof DRAFT_CHECK_CODES)[number];

export interface DraftCheck {
  code: DraftCheckCode;
  severity: 'error' | 'warning';
  /** The citation concerned, for citation checks. */
  citationId?: string;
  /** For `length_exceeded`: the plain text's length and the limit. */
  length?: number;
  limit?: number;
}

export interface DraftChecks {
  version: number;
  passed: boolean;
  checks: DraftCheck[];
}

export interface ReviewDraftRequest {
  /** The version reviewed: approving a version that is not the latest answers 409 `draft_version_conflict`. */
  version: number;
  note?: string;
}

export interface PublishDraftRequest {
  url: string;
  /** Defaults to now. */
  publishedAt?: string;
}

export const DRAFT_EXPORT_FORMATS = ['text', 'markdown', 'html', 'claimreview'] as const;
export type DraftExportFormat = (typeof DRAFT_EXPORT_FORMATS)[number];

/** POST /api/drafts/starter. */
export interface DraftStarterRequest {
  caseId: string;
  channel: DraftChannel;
  platform?: SocialPlatform | null;
  language: DraftLanguage;
}

/** The skeleton "New draft" starts from: everything here is a suggestion the writer edits. */
export interface DraftStarter {
  title: string;
  document: DraftDocument;
  /** The extractive summary of the claim, sentence by sentence, each from a linked item. */
  summary: { text: string; itemId: string; score: number }[];
  quotes: { text: string; itemId: string; sourceName: string }[];
  facts: FactView[];
  /** Approved or published rebuttals of other cases about the most similar claims, best first. */
  similarRebuttals: { draftId: string; caseId: string; caseReference: string; title: string; score: number; excerpt: string }[];
  templateId: string | null;
}

/** A verified fact or official statement, reused across cases. */
export interface FactView {
  id: string;
  statement: string;
  /** Who said or published it (an agency, a decree). */
  sourceName: string;
  sourceUrl: string | null;
  /** The date the fact was stated or issued (YYYY-MM-DD). */
  statedOn: string;
  /** Valid from / until (YYYY-MM-DD, inclusive); `validUntil` null = no end. */
  validFrom: string;
  validUntil: string | null;
  /** Whether its validity ended before today (Asia/Ho_Chi_Minh); a fact not yet in force is not expired. */
  expired: boolean;
  tags: string[];
  language: DraftLanguage;
  createdBy: CasePerson | null;
  createdAt: string;
  updatedAt: string;
}

export interface FactPage {
  facts: FactView[];
  total: number;
}

export interface CreateFactRequest {
  statement: string;
  sourceName: string;
  sourceUrl?: string | null;
  statedOn: string;
  validFrom?: string;
  validUntil?: string | null;
  tags?: string[];
  language: DraftLanguage;
}

export type UpdateFactRequest = Partial<CreateFactRequest>;

/** The placeholders a template may use (any other is refused with `template_placeholder_unknown`). */
export const TEMPLATE_PLACEHOLDERS = ['case_title', 'case_reference', 'date', 'office_name', 'summary', 'quotes', 'facts', 'citations'] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

/**
 * A channel's template: `body` is lines of text, a line starting "# " a heading and "- " a bullet, with placeholders
 * {{case_title}}, {{case_reference}}, {{date}}, {{office_name}}, {{summary}}, {{quotes}}, {{facts}}, {{citations}}.
 */
export interface DraftTemplateView {
  id: string;
  name: string;
  channel: DraftChannel;
  language: DraftLanguage;
  body: string;
  updatedAt: string;
}

export interface DraftTemplateList {
  templates: DraftTemplateView[];
}

export interface CreateDraftTemplateRequest {
  name: string;
  channel: DraftChannel;
  language: DraftLanguage;
  body: string;
}

export type UpdateDraftTemplateRequest = Partial<CreateDraftTemplateRequest>;

/** Characters allowed per channel (social posts per platform); null = no limit. Admins edit them. */
export interface ChannelLimits {
  press_statement: number | null;
  website_article: number | null;
  talking_points: number | null;
  social_post: Record<SocialPlatform, number>;
}
