import { Inject, Injectable } from '@nestjs/common';
import { VIGIL_CONFIG, type VigilConfig } from '@vigil/config';

export const MAX_FEED_BYTES = 15 * 1024 * 1024;
export const FETCH_DEADLINE_MS = 20_000;

export interface ConditionalHeaders {
  etag: string | null;
  lastModified: string | null;
}

export type FetchOutcome =
  | { status: 'not-modified' }
  | { status: 'fetched'; body: Buffer; etag: string | null; lastModified: string | null };

/** A fetch failure with a reason fit to show on the source's health. */
export class FetchError extends Error {}

/**
 * Fetches a feed politely (conditional GET, a User-Agent naming Vigil) and within bounds:
 * one overall deadline and a cap on the bytes read.
 */
@Injectable()
export class FeedFetcher {
  private readonly userAgent: string;

  constructor(@Inject(VIGIL_CONFIG) config: VigilConfig) {
    this.userAgent = `VigilBot/0.1 (+${config.fetch.contactUrl})`;
  }

  async fetch(url: string, validators: ConditionalHeaders): Promise<FetchOutcome> {
    const headers: Record<string, string> = {
      'user-agent': this.userAgent,
      accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
    };
    if (validators.etag) headers['if-none-match'] = validators.etag;
    if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;

    let response: Response;
    try {
      response = await fetch(url, { headers, redirect: 'follow', signal: AbortSignal.timeout(FETCH_DEADLINE_MS) });
    } catch (error) {
      throw new FetchError(`Could not fetch ${url}: ${describeNetworkError(error)}`);
    }
    if (response.status === 304) return { status: 'not-modified' };
    if (!response.ok) {
      await response.body?.cancel();
      throw new FetchError(`HTTP ${response.status} from ${url}`);
    }
    const body = await readCapped(response, MAX_FEED_BYTES);
    return {
      status: 'fetched',
      body,
      etag: response.headers.get('etag'),
      lastModified: response.headers.get('last-modified'),
    };
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new FetchError(`Response of ${declared} bytes exceeds the ${maxBytes}-byte limit`);
  }
  const chunks: Uint8Array[] = [];
  let received = 0;
  if (!response.body) return Buffer.alloc(0);
  try {
    for await (const chunk of response.body) {
      received += chunk.byteLength;
      if (received > maxBytes) throw new FetchError(`Response exceeds the ${maxBytes}-byte limit`);
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof FetchError) throw error;
    throw new FetchError(`Reading the response failed: ${describeNetworkError(error)}`);
  }
  return Buffer.concat(chunks);
}

function describeNetworkError(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return `no complete answer within ${FETCH_DEADLINE_MS / 1000} s`;
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : null;
  return cause ?? (error instanceof Error ? error.message : String(error));
}
