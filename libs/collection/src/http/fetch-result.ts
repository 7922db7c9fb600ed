import type { IncomingHttpHeaders } from 'node:http';
import { decodeText } from './charset';

/** What a successful (2xx) or not-modified (304) fetch returns. */
export interface FetchResult {
  status: number;
  notModified: boolean;
  /** The URL after redirects; relative links in the document resolve against it. */
  finalUrl: string;
  /** Header names in lower case; repeated headers joined with ", ". */
  headers: Record<string, string>;
  contentType: string | null;
  /** The body after transfer decoding (gzip/deflate/br), empty on 304. */
  body: Buffer;
  /** The body decoded to text with the detected charset (see charset.ts). */
  text(): string;
  etag: string | null;
  lastModified: string | null;
  fetchedAt: Date;
}

export interface FetchResultInit {
  status: number;
  finalUrl: string;
  headers: Record<string, string>;
  body: Buffer;
  fetchedAt: Date;
  /** Validators the caller sent, kept when a 304 does not repeat them. */
  previous: { etag: string | null; lastModified: string | null };
}

export function buildFetchResult(init: FetchResultInit): FetchResult {
  const contentType = init.headers['content-type'] ?? null;
  const notModified = init.status === 304;
  let text: string | undefined;
  return {
    status: init.status,
    notModified,
    finalUrl: init.finalUrl,
    headers: init.headers,
    contentType,
    body: init.body,
    text: () => (text ??= decodeText(init.body, contentType)),
    etag: init.headers['etag'] ?? (notModified ? init.previous.etag : null),
    lastModified: init.headers['last-modified'] ?? (notModified ? init.previous.lastModified : null),
    fetchedAt: init.fetchedAt,
  };
}

export function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
