/**
 * Why a source's last collection failed. Like ErrorCode, the code is the contract: the console words it in the
 * reader's language from the code and its params; the English `lastError` text is for developers and logs.
 * Adding a code means adding its translations (the console's typecheck fails otherwise).
 */
export const SOURCE_FAILURE_CODES = [
  // Refused before asking: the address or URL
  'address_blocked',
  'url_invalid',
  'robots_disallowed',
  // The server's answer
  'not_found',
  'server_error',
  'http_error',
  'rate_limited',
  'too_many_redirects',
  'redirect_loop',
  'timeout',
  'unreachable',
  'too_large',
  'content_type_unsupported',
  'content_encoding_unsupported',
  'body_corrupt',
  // The document
  'not_a_feed',
  'feed_empty',
  'feed_malformed',
  'not_a_sitemap',
  'sitemap_malformed',
  'document_too_large',
  'document_too_complex',
  'listing_pattern_invalid',
  'listing_selector_invalid',
  'document_unreadable',
  // Anything else: our side, or a failure recorded before codes existed
  'internal',
  'fetch_failed',
] as const;
export type SourceFailureCode = (typeof SOURCE_FAILURE_CODES)[number];

/** Facts the wording of a failure may use; each code sets the ones that apply. */
export interface SourceFailureParams {
  /** The status the server answered (`not_found`, `server_error`, `http_error`, `rate_limited`). */
  httpStatus?: number;
  /** The size cap that was passed (`too_large`, `document_too_large`). */
  limitMiB?: number;
  /** How long Vigil waits before asking again (`rate_limited`). */
  retryAfterSec?: number;
  /** The redirects allowed (`too_many_redirects`). */
  maxRedirects?: number;
  /** The media type the server declared (`content_type_unsupported`). */
  contentType?: string;
}

export function isSourceFailureCode(value: unknown): value is SourceFailureCode {
  return typeof value === 'string' && (SOURCE_FAILURE_CODES as readonly string[]).includes(value);
}
