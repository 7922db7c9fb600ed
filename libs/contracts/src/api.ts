import type { Role } from './roles';

/** Shapes of the HTTP API that the console and outside scripts depend on. Keep them stable. */

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  disabled: boolean;
  createdAt: string;
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
  lastError: string | null;
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

export interface OpmlImportResult {
  created: number;
  skipped: { url: string; reason: string }[];
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

export interface ItemEventView {
  kind: ItemEventKind;
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
  watched: boolean;
  /** First snapshot first; later ones record edits. */
  snapshots: SnapshotInfo[];
  events: ItemEventView[];
}

export interface ItemPage {
  items: ItemSummary[];
  total: number;
}

/** Body of every 4xx/5xx answer. `message` is safe to show to the user. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
}
