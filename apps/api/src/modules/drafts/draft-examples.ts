import type { ChannelLimits, DraftChecks, DraftCommentList, DraftCommentView, DraftDiff, DraftDocument, DraftList, DraftSummary, DraftVersionList, DraftVersionView, DraftView } from '@vigil/contracts';

/** /api/docs examples of the draft answers: the press office's statement on one fictional dyke rumour. */
const AT = '2026-11-27T03:00:00.000Z';
const DRAFT_ID = '6c1f9e3a-2b4d-4e8f-a7c5-3d9b1e0f2a46';
const CASE_ID = '8b2e4c6a-1d3f-4a5b-9c7e-0f2d4b6a8c1e';
const writer = { id: '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed', username: 'lan.nguyen', displayName: 'Nguyễn Thị Lan' };
const reviewer = { id: '4d2a8c6e-5f1b-4a3d-9e7c-2b0f4d6a8c13', username: 'minh.tran', displayName: 'Trần Văn Minh' };

const document: DraftDocument = {
  blocks: [
    { kind: 'heading', inlines: [{ type: 'text', text: 'Không có chuyện vỡ đê sông Hồng' }] },
    { kind: 'paragraph', inlines: [{ type: 'text', text: 'Thông tin đê sông Hồng bị vỡ tại Hà Đông là sai sự thật.' }, { type: 'citation', citationId: 'c1' }] },
  ],
  citations: [{ id: 'c1', kind: 'document', targetId: null, url: 'https://example.gov.vn/cong-van/45', title: 'Công văn 45 của Sở Nông nghiệp' }],
};

const summary: DraftSummary = {
  id: DRAFT_ID,
  caseId: CASE_ID,
  title: 'Thông cáo: không có chuyện vỡ đê',
  channel: 'press_statement',
  platform: null,
  language: 'vi',
  status: 'in_review',
  version: 3,
  approvedVersion: null,
  length: 91,
  lengthLimit: null,
  updatedBy: writer,
  updatedAt: AT,
  createdAt: AT,
};

const view: DraftView = { ...summary, document, publication: null };
const comment: DraftCommentView = { id: '7e3b1d5f-9a2c-4b6e-8d4f-1a3c5e7b9d02', version: 3, blockIndex: 1, quote: 'sai sự thật', body: 'Nên dẫn thêm văn bản của UBND.', author: reviewer, createdAt: AT, resolvedAt: null };
const version: DraftVersionView = { version: 3, title: summary.title, document, author: writer, createdAt: AT };
const versions: DraftVersionList = { versions: [1, 2, 3].map((number) => ({ version: number, title: summary.title, author: writer, createdAt: AT })) };
const diff: DraftDiff = {
  from: 2,
  to: 3,
  parts: [
    { kind: 'same', text: 'Không có chuyện vỡ đê sông Hồng\nThông tin đê sông Hồng bị vỡ ' },
    { kind: 'added', text: 'tại Hà Đông ' },
    { kind: 'same', text: 'là sai sự thật.[1]' },
  ],
};
const checks: DraftChecks = { version: 3, passed: false, checks: [{ code: 'citation_unresolved', severity: 'error', citationId: 'c1' }] };
const list: DraftList = { drafts: [summary] };
const comments: DraftCommentList = { comments: [comment] };
const limits: ChannelLimits = { press_statement: null, website_article: null, talking_points: null, social_post: { x: 280, facebook: 2000, zalo: 2000 } };

export const DRAFT_EXAMPLES = {
  DraftView: view,
  DraftList: list,
  DraftVersionView: version,
  DraftVersionList: versions,
  DraftDiff: diff,
  DraftChecks: checks,
  DraftCommentView: comment,
  DraftCommentList: comments,
  ChannelLimits: limits,
};
