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

export const SOURCE_KINDS = ['rss'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export type SourceHealthStatus = 'ok' | 'failing' | 'pending';

export interface SourceView {
  id: string;
  name: string;
  url: string;
  kind: SourceKind;
  pollIntervalSec: number;
  createdAt: string;
  lastFetchedAt: string | null;
  nextFetchAt: string | null;
  health: {
    status: SourceHealthStatus;
    lastSuccessAt: string | null;
    lastError: string | null;
    consecutiveFailures: number;
  };
}

export interface CreateSourceRequest {
  name: string;
  url: string;
  kind: SourceKind;
  pollIntervalSec?: number;
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

export interface ItemDetail extends ItemSummary {
  guid: string | null;
  content: string;
  fetchedAt: string;
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
