/** Why a fetch failed; each code maps to one line on the source's health. */
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
}

/**
 * A fetch failure whose message is written for the people who manage sources
 * ("HTTP 404 from https://…", "Blocked: tin.example resolves to 10.0.0.5, a private address").
 */
export class FetchError extends Error {
  override readonly name = 'FetchError';
  readonly status?: number;
  readonly retryAfterMs?: number;

  constructor(
    readonly code: FetchErrorCode,
    message: string,
    details: FetchErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    if (details.status !== undefined) this.status = details.status;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
  }
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
