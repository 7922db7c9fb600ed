import type { ApiSchemaName, ApiSchemaTypes, FlagView, ItemDetail, SourceView, UserView, WebhookView } from '@vigil/contracts';
import type { TextAnswer } from './api-answers';
import { CLAIM_EXAMPLES } from '../modules/claims/claim-examples';
import { CASES_CSV_EXAMPLE, INSIGHT_EXAMPLES } from '../modules/case-insights/insight-examples';
import { CASE_EXAMPLES, escalatedFlagExample } from '../modules/cases/case-examples';
import { DRAFT_STARTER_EXAMPLES } from '../modules/draft-starter/draft-starter-examples';
import { DRAFT_EXAMPLES } from '../modules/drafts/draft-examples';
import { FACT_EXAMPLES } from '../modules/facts/fact-examples';
import { TEMPLATE_EXAMPLES } from '../modules/templates/template-examples';

/** Fictional news and ids, one set for every example so they read as one office's day. */
const AT = '2026-11-27T03:00:00.000Z';
const SOURCE_ID = '7d1c2f4e-8a51-4d3b-9c5e-2b6f0a9e1d23';
const ITEM_ID = '3f6b8e21-5c4d-4a7e-b912-6d0e2a7c9f58';
const STORY_ID = 'c2a9d7e4-1b3f-4e6a-8d50-9f7b3c1e2a64';
const RULE_ID = '9e4f1a2b-7c6d-4b8e-a3f5-0d2c6b9e8a17';
const FLAG_ID = '5a8c3e1f-2d7b-4f9a-b6e4-1c0d9f8a7b32';
const WEBHOOK_ID = 'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b';
const TITLE = 'Tin giả về vỡ đê sông Hồng lan truyền trên mạng xã hội';

const user: UserView = {
  id: '0b6e2d4f-3a1c-4e8b-9f72-5d8a1c3e6b90',
  username: 'truc.ban',
  displayName: 'Trực ban Sở TT&TT',
  roles: ['duty_officer'],
  disabled: false,
  mustChangePassword: false,
  createdAt: AT,
};

const source: SourceView = {
  id: SOURCE_ID,
  name: 'Báo Tin Nhanh (hư cấu)',
  url: 'https://tin-nhanh.example.vn/rss/thoi-su.rss',
  kind: 'rss',
  pollIntervalSec: 600,
  configuredPollIntervalSec: 900,
  minPollIntervalSec: 120,
  maxPollIntervalSec: 3600,
  languageHint: 'vi',
  weight: 60,
  tags: ['thời sự'],
  paused: false,
  listing: null,
  createdAt: AT,
  lastFetchedAt: AT,
  nextFetchAt: '2026-11-27T03:10:00.000Z',
  health: {
    status: 'ok',
    lastSuccessAt: AT,
    lastError: null,
    lastErrorCode: null,
    lastErrorParams: null,
    consecutiveFailures: 0,
    itemsPerDay: 42,
    dailyItemCounts: [38, 41, 40, 45, 39, 44, 42, 40, 43, 41, 39, 46, 42, 44],
  },
};

const summary = {
  id: ITEM_ID,
  sourceId: SOURCE_ID,
  title: TITLE,
  url: 'https://tin-nhanh.example.vn/thoi-su/tin-gia-vo-de.html',
  publishedAt: '2026-11-27T02:45:00.000Z',
  language: 'vi',
  snippet: 'Sở Nông nghiệp khẳng định đê sông Hồng an toàn, thông tin vỡ đê là sai sự thật…',
};

const item: ItemDetail = {
  ...summary,
  guid: 'tin-nhanh-88231',
  text: 'Sở Nông nghiệp khẳng định đê sông Hồng an toàn, thông tin vỡ đê là sai sự thật.',
  content: '<p>Sở Nông nghiệp khẳng định đê sông Hồng an toàn, thông tin vỡ đê là sai sự thật.</p>',
  canonicalUrl: summary.url,
  byline: 'Minh Anh',
  imageUrls: ['https://tin-nhanh.example.vn/anh/de-song-hong.jpg'],
  updatedAt: null,
  fetchedAt: AT,
  storyId: STORY_ID,
  storyItems: [],
  sourceName: source.name,
  sourceRemoved: false,
  watched: true,
  snapshots: [{ id: '4c3b2a19-0f8e-4d7c-a6b5-948372615aa0', fetchedAt: AT, httpStatus: 200, finalUrl: summary.url, contentHash: 'a3f1c9e2'.repeat(8) }],
  events: [],
};

const highlights = [{ field: 'title' as const, start: 9, end: 15 }];
const rule = { id: RULE_ID, name: 'Đê điều, lũ lụt', severity: 'high' as const };

const flag: FlagView = {
  id: FLAG_ID,
  status: 'open',
  rule,
  storyId: STORY_ID,
  item: { id: ITEM_ID, title: TITLE, url: summary.url, sourceId: SOURCE_ID, publishedAt: summary.publishedAt, snippet: summary.snippet, highlights },
  itemCount: 3,
  sourceCount: 2,
  velocity: 2,
  priority: 0.72,
  priorityFactors: [{ name: 'severity', value: 0.75, weight: 0.4, contribution: 0.3 }],
  claimedBy: null,
  claimedAt: null,
  decision: null,
  createdAt: AT,
  updatedAt: AT,
};

const webhook: WebhookView = {
  id: WEBHOOK_ID,
  name: 'Phòng chỉ huy',
  url: 'https://hooks.example.gov.vn/vigil',
  minSeverity: 'high',
  includeSpikes: true,
  includeDigest: false,
  enabled: true,
  createdAt: AT,
  updatedAt: AT,
};

const spike = { id: '6d5c4b3a-2e1f-4a9b-8c7d-6e5f4a3b2c1d', subject: { kind: 'rule' as const, id: RULE_ID, name: rule.name }, bucketStart: AT, count: 14, baseline: 2.5, zScore: 5.1, detectedAt: AT };

/** One example per answer type a route documents; the OpenAPI spec checks each against its schema. */
export const ANSWER_EXAMPLES: { [Name in ApiSchemaName]?: ApiSchemaTypes[Name] } = {
  ...CLAIM_EXAMPLES,
  ...INSIGHT_EXAMPLES,
  ...CASE_EXAMPLES,
  ...DRAFT_STARTER_EXAMPLES,
  ...DRAFT_EXAMPLES,
  ...FACT_EXAMPLES,
  ...TEMPLATE_EXAMPLES,
  UserView: user,
  SessionState: { signedIn: true, user },
  PasswordResetAnswer: { user: { ...user, mustChangePassword: true }, generatedPassword: 'rung-tre-xanh-mua-thu' },
  LoginAnswer: { accessToken: 'eyJhbGciOiJIUzI1NiJ9.…', user },
  LoginResponse: { accessToken: 'eyJhbGciOiJIUzI1NiJ9.…', user },
  TwoFactorStatus: { available: true, enabled: false, enabledAt: null, recoveryCodesLeft: 0 },
  TwoFactorEnrolment: { secret: 'JBSWY3DPEHPK3PXP', otpauthUri: 'otpauth://totp/Vigil:truc.ban?secret=JBSWY3DPEHPK3PXP&issuer=Vigil' },
  TwoFactorActivation: { recoveryCodes: ['k3m9-x2p7', 'q8w4-n6t1'] },
  SourceView: source,
  SourceRemoval: { id: SOURCE_ID, deletedItems: 0 },
  OpmlImportResult: { created: 2, skipped: [{ url: source.url, code: 'source_exists', reason: 'A source with this URL exists', existingId: SOURCE_ID }] },
  FetchQueued: { queued: true },
  ItemPage: {
    items: [
      {
        ...summary, edited: false, removed: false, storyId: STORY_ID, storySize: 3, sourceName: source.name, sourceRemoved: false,
        highlights: { title: [[0, 3], [4, 7]], snippet: [] },
      },
    ],
    total: 41,
    totalIsEstimate: false,
    nextCursor: 'WyJwb3N0Z3JlcyIsInJlbGV2YW5jZSIsMjAsbnVsbF0',
    facets: {
      sources: [{ value: source.id, count: 41 }],
      languages: [{ value: 'vi', count: 39 }, { value: 'en', count: 2 }],
      days: [{ value: '2026-11-27', count: 12 }, { value: '2026-11-28', count: 29 }],
      partial: false,
    },
  },
  ItemDetail: item,
  RuleView: { ...rule, query: '"vỡ đê" OR (lũ AND "sông Hồng")', ownerTeam: null, description: null, enabled: true, createdAt: AT, updatedAt: AT },
  RulePreview: {
    matches: [{ itemId: ITEM_ID, title: TITLE, url: summary.url, sourceId: SOURCE_ID, publishedAt: summary.publishedAt, highlights }],
    perDay: [{ day: '2026-11-27', count: 1 }],
    total: 1,
    examined: 340,
    truncated: false,
  },
  FlagView: flag,
  EscalatedFlagView: escalatedFlagExample(flag),
  FlagPage: { flags: [flag], total: 1 },
  FlagDetail: { ...flag, actions: [{ action: 'created', actor: null, at: AT, reason: null }] },
  SpikeView: spike,
  StoryView: {
    id: STORY_ID,
    title: TITLE,
    firstSeenAt: AT,
    firstSource: { id: SOURCE_ID, name: source.name },
    itemCount: 1,
    sourceCount: 1,
    hourly: [{ hour: '2026-11-27T02:00:00.000Z', count: 1 }],
    items: [{ id: ITEM_ID, title: TITLE, url: summary.url, sourceId: SOURCE_ID, sourceName: source.name, publishedAt: summary.publishedAt, fetchedAt: AT }],
    flags: [{ id: FLAG_ID, status: 'open', rule }],
  },
  LiveEventPage: { events: [{ id: '42', type: 'flag.created', at: AT, data: { flag, byUserId: null } }], nextAfter: '42', hasMore: false },
  WebhookView: webhook,
  CreatedWebhook: { ...webhook, secret: 'whsec_5f2b9c1e7a3d' },
  WebhookDeliveryView: {
    id: 'f0e1d2c3-b4a5-4968-8776-a5b4c3d2e1f0',
    webhookId: WEBHOOK_ID,
    eventId: '42',
    eventType: 'flag.created',
    status: 'delivered',
    attempts: 1,
    nextAttemptAt: null,
    lastStatusCode: 200,
    lastError: null,
    createdAt: AT,
    deliveredAt: AT,
  },
  HealthReport: {
    status: 'ok',
    info: { database: { status: 'up' }, queue: { status: 'up', mode: 'in-process' }, search: { status: 'up', engine: 'postgres' } },
    error: {},
    details: { database: { status: 'up' }, queue: { status: 'up', mode: 'in-process' }, search: { status: 'up', engine: 'postgres' } },
  },
  Liveness: { status: 'ok' },
  RotatedWebhookSecret: { ...webhook, secret: 'whsec_9a8b7c6d5e4f', previousSecretValidUntil: '2026-11-28T03:00:00.000Z' },
  WebhookTestAnswer: { eventId: '43' },
  DigestView: {
    id: 'c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f',
    periodStart: '2026-11-27T02:00:00.000Z',
    periodEnd: AT,
    flagCount: 1,
    bySeverity: { high: 0, medium: 1, low: 0 },
    flags: [{ id: FLAG_ID, ruleName: 'Giá xăng', severity: 'medium', title: 'Giá xăng giảm 500 đồng', url: 'https://tin-nhanh.example.vn/kinh-te/gia-xang.html', priority: 0.41, itemCount: 2 }],
    createdAt: AT,
  },
};

export const TEXT_EXAMPLES: Record<TextAnswer, string> = {
  'text/html': '<!doctype html><html lang="vi"><body><div role="note">Bản lưu của Vigil…</div><article>…</article></body></html>',
  'text/x-opml': '<?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><body><outline type="rss" text="Báo Tin Nhanh" xmlUrl="https://tin-nhanh.example.vn/rss/thoi-su.rss"/></body></opml>',
  'text/csv': CASES_CSV_EXAMPLE,
  'text/plain': 'Thông cáo: không có chuyện vỡ đê sông Hồng\n\nThông tin vỡ đê tại Hà Đông là sai sự thật [1].\n\nNguồn tham khảo\n[1] Công văn của Sở Nông nghiệp — https://example.gov.vn/cong-van\n',
};
