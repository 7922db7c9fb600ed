import type { SourceFailureCode, SourceFailureParams } from '@vigil/contracts';

/** Why a fetch failed, for the fetcher's own decisions (backoff, half failures); users see `failureCode`. */
export type FetchErrorCode =
  | 'blocked-address'
  | 'bad-scheme'
  | 'too-many-redirects'
  | 'timeout'
  | 'too-large'
  | 'http-status'
  | 'unsupported-content-type'
  | 'network'
  | 'robots-disallowed'
  | 'rate-limited';

export interface FetchErrorDetails {
  status?: number;
  retryAfterMs?: number;
  cause?: unknown;
  /** When the code alone does not say it (a redirect loop, a content encoding, a corrupt body). */
  failureCode?: SourceFailureCode;
  /** Facts for the wording beyond status and Retry-After, which are added from the details above. */
  failureParams?: SourceFailureParams;
}

/**
 * A fetch failure. The message is the English developer text ("HTTP 404 from https://…", "Blocked: tin.example
 * resolves to 10.0.0.5, a private address"); `failureCode` and `failureParams` are what the source's health shows,
 * worded by the client.
 */
export class FetchError extends Error {
  override readonly name = 'FetchError';
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly failureCode: SourceFailureCode;
  readonly failureParams: SourceFailureParams;

  constructor(
    readonly code: FetchErrorCode,
    message: string,
    details: FetchErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    if (details.status !== undefined) this.status = details.status;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
    this.failureCode = details.failureCode ?? failureCodeOf(code, details.status);
    this.failureParams = {
      ...(details.status !== undefined && (code === 'http-status' || code === 'rate-limited') ? { httpStatus: details.status } : {}),
      ...(details.retryAfterMs !== undefined ? { retryAfterSec: Math.ceil(details.retryAfterMs / 1000) } : {}),
      ...details.failureParams,
    };
  }
}

function failureCodeOf(code: FetchErrorCode, status: number | undefined): SourceFailureCode {
  switch (code) {
    case 'blocked-address':
      return 'address_blocked';
    case 'bad-scheme':
      return 'url_invalid';
    case 'too-many-redirects':
      return 'too_many_redirects';
    case 'timeout':
      return 'timeout';
    case 'too-large':
      return 'too_large';
    case 'http-status':
      if (status === 404 || status === 410) return 'not_found';
      return status !== undefined && status >= 500 ? 'server_error' : 'http_error';
    case 'unsupported-content-type':
      return 'content_type_unsupported';
    case 'network':
      return 'unreachable';
    case 'robots-disallowed':
      return 'robots_disallowed';
    case 'rate-limited':
      return 'rate_limited';
  }
}

/** A byte cap in MiB for the wording, to one decimal (caps are whole MiB in practice). */
export function toMiB(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}

/**
 * Media Cloud's rule, kept by Vigil: 404, 429 and 5xx answers count as half a failure, so a
 * source that is briefly down or rate-limiting is not disabled as fast as one that is gone.
 */
export function isHalfFailure(error: unknown): boolean {
  if (!(error instanceof FetchError) || error.status === undefined) return false;
  if (error.code !== 'http-status' && error.code !== 'rate-limited') return false;
  return error.status === 404 || error.status === 429 || (error.status >= 500 && error.status <= 599);
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3); anything else is ignored. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 120_000) return `${Math.round(ms / 100) / 10} s`;
  if (ms < 2 * 3_600_000) return `${Math.round(ms / 60_000)} min`;
  return `${Math.round(ms / 3_600_000)} h`;
}
