import type { ErrorCode, ErrorDetails } from './errors';
import type { Role } from './roles';
import type { SourceFailureCode, SourceFailureParams } from './source-failures';

/** Shapes of the HTTP API that the console and outside scripts depend on. Keep them stable. */

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  disabled: boolean;
  /**
   * The password was chosen by someone else (the first admin's one-time password, or an admin's set or reset): until
   * the user changes it, the API answers only me, session, logout and password change (others: 403
   * `password_change_required`), and the console asks for a new password first.
   */
  mustChangePassword: boolean;
  createdAt: string;
}

/**
 * `GET /api/auth/session`, the console's probe: always 200, so a signed-out browser logs no failed request.
 * `sessionExpired` says the cookie's session timed out (the login page says so), rather than never having existed.
 */
export type SessionState = { signedIn: true; user: UserView } | { signedIn: false; sessionExpired: boolean };

/** `POST /api/users/:id/password`: without `password`, the API generates one. */
export interface PasswordResetRequest {
  password?: string;
}

/** `generatedPassword` is shown once (null when the admin chose the password); the user must change it at sign-in. */
export interface PasswordResetAnswer {
  user: UserView;
  generatedPassword: string | null;
}

export interface LoginRequest {
  username: string;
  password: string;
}

export interface LoginResponse {
  accessToken: string;
  user: UserView;
}

/**
 * The answer to the right password of a user with a second factor: no session yet. The client sends the code (or a
 * recovery code) with `challengeToken` to `POST /api/auth/login/second-factor` within `expiresInSec`.
 */
export interface SecondFactorChallenge {
  secondFactorRequired: true;
  challengeToken: string;
  expiresInSec: number;
}

export type LoginAnswer = LoginResponse | SecondFactorChallenge;

export interface SecondFactorLoginRequest {
  challengeToken: string;
  /** The 6-digit code of the authenticator app, or one unused recovery code. */
  code: string;
}

/** The signed-in user's second factor. Only admins and leaders may enrol (`available`). */
export interface TwoFactorStatus {
  available: boolean;
  enabled: boolean;
  enabledAt: string | null;
  recoveryCodesLeft: number;
}

/** A new secret, not active until a code from it is confirmed. */
export interface TwoFactorEnrolment {
  secret: string;
  otpauthUri: string;
}

/** Shown once: the server keeps only their hashes. */
export interface TwoFactorActivation {
  recoveryCodes: string[];
}

/**
 * `rss` and `atom` are read by the same lenient feed parser; `web` follows article links on a listing page;
 * `auto` is accepted on create only and resolved to a concrete kind (feed discovery included).
 */
export const SOURCE_KINDS = ['rss', 'atom', 'jsonfeed', 'sitemap', 'web'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export type SourceKindRequest = SourceKind | 'auto';

export type SourceHealthStatus = 'pending' | 'ok' | 'failing' | 'silent' | 'paused';

export interface SourceHealth {
  status: SourceHealthStatus;
  lastSuccessAt: string | null;
  /** The last failure in English, for developers and logs; clients word `lastErrorCode` instead. */
  lastError: string | null;
  /** Why the last collection failed (null once one succeeds), with the facts its wording uses. */
  lastErrorCode: SourceFailureCode | null;
  lastErrorParams: SourceFailureParams | null;
  consecutiveFailures: number;
  /** Items first seen per day over the last 7 days. */
  itemsPerDay: number;
  /** Items first seen on each of the last 14 days (Asia/Ho_Chi_Minh days), oldest first: the sparkline. */
  dailyItemCounts: number[];
}

/** For `web` sources: which links on the listing page are articles. */
export interface ListingRule {
  /** Regular expression an article URL must match. */
  linkPattern?: string;
  /** CSS selector of the article links. */
  linkSelector?: string;
}

export interface SourceView {
  id: string;
  name: string;
  url: string;
  kind: SourceKind;
  /** Current adaptive poll interval, within the bounds below. */
  pollIntervalSec: number;
  /** The interval the user set (what an edit form shows); the adaptive one starts from it. */
  configuredPollIntervalSec: number;
  minPollIntervalSec: number;
  maxPollIntervalSec: number;
  languageHint: 'vi' | 'en' | null;
  /** Reach and credibility, 0–100; used later for priority. */
  weight: number;
  tags: string[];
  paused: boolean;
  listing: ListingRule | null;
  createdAt: string;
  lastFetchedAt: string | null;
  nextFetchAt: string | null;
  health: SourceHealth;
}

export interface CreateSourceRequest {
  name: string;
  url: string;
  kind: SourceKindRequest;
  pollIntervalSec?: number;
  minPollIntervalSec?: number;
  maxPollIntervalSec?: number;
  languageHint?: 'vi' | 'en' | null;
  weight?: number;
  tags?: string[];
  paused?: boolean;
  listing?: ListingRule | null;
}

export type UpdateSourceRequest = Partial<Omit<CreateSourceRequest, 'kind'>> & { kind?: SourceKind };

/**
 * An OPML entry that was not added. Clients translate `code` (the API's import gives `source_exists` or
 * `url_not_http`); `reason` is the English developer text.
 */
export interface OpmlSkippedEntry {
  url: string;
  code: ErrorCode;
  reason: string;
  /** For `source_exists`: the source that already has this URL. */
  existingId?: string;
  /** For `opml_outline_without_url` (whose `url` is empty): the outline's title. */
  title?: string;
}

/** The answer to `DELETE /api/sources/:id`. */
export interface SourceRemoval {
  id: string;
  /** With `withItems=true`; else 0 (the items stay, marked `sourceRemoved`). */
  deletedItems: number;
}

/** The answer to `POST /api/sources/:id/fetch` (202): the fetch is queued. */
export interface FetchQueued {
  queued: true;
}

export interface OpmlImportResult {
  created: number;
  skipped: OpmlSkippedEntry[];
}

export interface ItemSummary {
  id: string;
  sourceId: string;
  title: string;
  url: string;
  publishedAt: string | null;
  language: string | null;
  snippet: string;
}

export interface SnapshotInfo {
  id: string;
  fetchedAt: string;
  httpStatus: number;
  finalUrl: string;
  /** sha256 of the raw bytes fetched. */
  contentHash: string;
}

export type ItemEventKind = 'item.changed' | 'item.removed';

/** What was noticed, for clients to word; `detail` says the same in English for developers. */
export const ITEM_EVENT_REASONS = ['text_edited', 'text_edited_moved', 'page_gone', 'dropped_from_feed'] as const;
export type ItemEventReason = (typeof ITEM_EVENT_REASONS)[number];

export interface ItemEventParams {
  /** `text_edited_moved`: where the article lives now. */
  url?: string;
  /** `page_gone`: the HTTP status the page answered. */
  httpStatus?: number;
  /** `dropped_from_feed`: the feed that stopped listing it. */
  feedUrl?: string;
}

export interface ItemEventView {
  kind: ItemEventKind;
  reason: ItemEventReason;
  params: ItemEventParams;
  at: string;
  detail: string;
  snapshotId: string | null;
}

export interface ItemDetail extends ItemSummary {
  guid: string | null;
  /** Main text: extracted from the article page when the feed gave only a summary. */
  text: string;
  content: string;
  canonicalUrl: string;
  byline: string | null;
  imageUrls: string[];
  updatedAt: string | null;
  fetchedAt: string;
  storyId: string | null;
  /** Other items of the same story (syndicated copies), first seen first. */
  storyItems: ItemSummary[];
  /** The source's name, also once it is removed. */
  sourceName: string;
  /** The source was removed by an admin: the item stays as evidence, no longer collected. */
  sourceRemoved: boolean;
  watched: boolean;
  /** First snapshot first; later ones record edits. */
  snapshots: SnapshotInfo[];
  events: ItemEventView[];
}

/**
 * Totals are counted exactly up to this many matches; beyond it the API says "at least this many". Counting
 * further costs more than the page itself (10,000 rows: ~100 ms at 100k items) and tells a reader nothing new.
 */
export const ITEM_TOTAL_EXACT_UP_TO = 1_000;

/** `relevance` (the default with a query) or `newest` first; without a query items are always newest first. */
export const ITEM_SORTS = ['relevance', 'newest'] as const;
export type ItemSort = (typeof ITEM_SORTS)[number];

/** Languages an item can be filtered by (`GET /api/items?language=`). */
export const ITEM_LANGUAGES = ['vi', 'en'] as const;
export type ItemLanguage = (typeof ITEM_LANGUAGES)[number];

/** A list row: the summary plus what a reader triages by, read for the whole page in one query. */
export interface ItemListEntry extends ItemSummary {
  /** A watch check saw the text edited (an `item.changed` event). */
  edited: boolean;
  /** A watch check saw the page gone or the item dropped from its feed. */
  removed: boolean;
  storyId: string | null;
  /** Items in the same story, this one included (1 when it stands alone). */
  storySize: number;
  /** The source's name, also once it is removed (empty only if its row is gone). */
  sourceName: string;
  /** An admin removed the item's source: the item stays as evidence, no longer collected. */
  sourceRemoved: boolean;
}

/** [start, end) in UTF-16 code units of the verbatim text; a client marks these, the server sends no markup. */
export type TextRange = [number, number];

/** Where a searched item holds what the query asked for (folded: "hoa" marks "Hoà"); excluded words are never marked. */
export interface ItemHighlights {
  title: TextRange[];
  snippet: TextRange[];
}

/** A search hit: a list row plus, for a query, where it matched. */
export interface ItemSearchEntry extends ItemListEntry {
  /** Only with `q`. */
  highlights?: ItemHighlights;
}

export interface FacetCount {
  value: string;
  count: number;
}

/**
 * Counts for the current query and filters (`facets=true`): by source, by language (undated or unknown left out) and
 * by calendar day in Asia/Ho_Chi_Minh (`YYYY-MM-DD`, oldest first, days without items left out). Sources and
 * languages most first, then by value.
 */
export interface ItemFacets {
  sources: FacetCount[];
  languages: FacetCount[];
  days: FacetCount[];
  /**
   * True when the counts cover only the newest ITEM_TOTAL_EXACT_UP_TO + 1 matches (the total is an estimate too):
   * PostgreSQL counts over the candidates its search reads anyway, never a second scan of every match.
   */
  partial: boolean;
}

export interface ItemPage {
  items: ItemSearchEntry[];
  /** Exact when `totalIsEstimate` is false; otherwise a lower bound (shown as "1,000+"). */
  total: number;
  /** True when counting stopped at ITEM_TOTAL_EXACT_UP_TO: there are more than `total` matches. */
  totalIsEstimate: boolean;
  /**
   * Opaque: pass as `cursor` (with the same q, filters and sort) for the page after this one, however deep (keyset,
   * never an offset to skip). Null on the last page.
   */
  nextCursor: string | null;
  /** Only when asked for (`facets=true`). */
  facets?: ItemFacets;
}

/**
 * Body of every 4xx/5xx answer. `code` is what clients act on and translate; `message` is English for developers.
 * `field` names the offending request property when there is one.
 */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  code: ErrorCode;
  message: string;
  field?: string;
  details?: ErrorDetails;
}

/**
 * Every API answer carries the server's clock in this header (ISO 8601, UTC): the console counts deadlines down from
 * it rather than from the browser's own clock, which may be off.
 */
export const SERVER_TIME_HEADER = 'x-vigil-server-time';

/** Every answer names its request (the proxy's id when it sent a plain one); the server's log lines for it carry it too. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** One part Vigil needs, as `GET /health` probed it: the mode or engine in use. */
export interface ComponentHealth {
  status: 'up' | 'down';
  mode?: string;
  engine?: string;
  /** For search: items the engine does not have yet, and the age in seconds of the oldest (0 and 0 on PostgreSQL search). */
  backlog?: number;
  lagSeconds?: number;
}

/**
 * `GET /health` when the database and the queue answered: `ok` when search did too, `degraded` when it did not
 * (items are still stored, and indexed once it is back; only search is unavailable meanwhile). Otherwise a 503
 * `dependency_unavailable`.
 */
export interface HealthReport {
  status: 'ok' | 'degraded';
  info: Record<string, ComponentHealth>;
  error: Record<string, ComponentHealth>;
  details: Record<string, ComponentHealth>;
}

/** `GET /health/live`: the process answers. */
export interface Liveness {
  status: 'ok';
}
