import { isIP } from 'node:net';
import { Agent, errors as undiciErrors, type Dispatcher } from 'undici';
import { AddressPolicy, stripBrackets } from './address-policy';
import { discard, readBody } from './body-reader';
import { systemClock, type Clock } from './clock';
import { contentTypeProblem, type ExpectedContent, mediaTypeOf } from './content-type';
import { buildFetchResult, flattenHeaders, type FetchResult } from './fetch-result';
import { FetchError, formatBytes, formatDuration, parseRetryAfter, toMiB } from './fetch-error';
import {
  createGuardedConnector,
  resolveChecked,
  socketConnectionFactory,
  systemResolver,
  type ConnectionFactory,
  type Resolver,
} from './guarded-connector';

export const DEFAULT_DEADLINE_MS = 20_000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
export const DEFAULT_MAX_BYTES = 15 * 1024 * 1024;
export const MAX_REDIRECTS = 5;

export interface GuardedHttpClientOptions {
  /** Named in the User-Agent so site owners can reach the office running Vigil. */
  contactUrl: string;
  /** VIGIL_FETCH_ALLOWLIST: hosts, `*.suffix`, addresses and CIDR ranges exempt from the address check. */
  allowlist?: readonly string[];
  /** Overall limit for one fetch, redirects and body included. */
  deadlineMs?: number;
  connectTimeoutMs?: number;
  maxBytes?: number;
  resolver?: Resolver;
  connectionFactory?: ConnectionFactory;
  clock?: Clock;
}

export interface FetchOptions {
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
  maxBytes?: number;
  expect?: ExpectedContent;
  /** Keep the first maxBytes of a larger body instead of failing. */
  truncate?: boolean;
  /** Extra request headers; Authorization and Cookie are dropped when a redirect leaves the origin. */
  headers?: Record<string, string>;
  /**
   * Runs before each redirect is followed, with the URL it leads to; a throw ends the fetch there, unrequested, and
   * the fetch rejects with that same error.
   */
  beforeRedirect?: (url: string) => Promise<void>;
}

/** What a POST answered: any status, 3xx included (never followed). */
export interface PostResult {
  status: number;
  headers: Record<string, string>;
  /** From Retry-After on a 429 or 503. */
  retryAfterMs?: number;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const CREDENTIAL_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);

/**
 * Vigil's only way onto the network. Connects only to public unicast addresses (checked when each
 * connection opens, after DNS), follows at most five redirects re-checking every hop, bounds time
 * with one deadline per fetch and memory with a cap on compressed and decompressed bytes.
 */
export class GuardedHttpClient {
  readonly userAgent: string;
  private readonly agent: Agent;
  private readonly policy: AddressPolicy;
  private readonly resolver: Resolver;
  private readonly clock: Clock;
  private readonly deadlineMs: number;
  private readonly maxBytes: number;

  constructor(options: GuardedHttpClientOptions) {
    this.userAgent = `VigilBot/0.1 (+${options.contactUrl})`;
    this.policy = new AddressPolicy(options.allowlist ?? []);
    this.resolver = options.resolver ?? systemResolver;
    this.clock = options.clock ?? systemClock;
    this.deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    const connect = createGuardedConnector({
      policy: this.policy,
      resolver: this.resolver,
      factory: options.connectionFactory ?? socketConnectionFactory(connectTimeoutMs),
      connectTimeoutMs,
    });
    // The deadline below is the real limit; undici's own timers only stop a stuck socket outliving it.
    this.agent = new Agent({ connect, headersTimeout: this.deadlineMs, bodyTimeout: this.deadlineMs, connections: 4 });
  }

  async fetch(url: string, options: FetchOptions = {}): Promise<FetchResult> {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const message = `No complete answer from ${url} within ${formatDuration(this.deadlineMs)}`;
      controller.abort(new FetchError('timeout', message));
    }, this.deadlineMs);
    try {
      return await this.follow(url, options, controller.signal);
    } catch (error) {
      throw error instanceof RedirectRefused ? error.reason : toFetchError(error, url, controller.signal);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * One POST (webhooks): the same address checks, deadline and User-Agent as a fetch, but no redirect is followed
   * (a body is not re-sent to wherever a 3xx points) and the answer's body is discarded. Any status is returned;
   * only a refused address, a network failure or the deadline throw (FetchError).
   */
  async post(url: string, body: string | Buffer, options: { headers?: Record<string, string> } = {}): Promise<PostResult> {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      controller.abort(new FetchError('timeout', `No answer from ${url} within ${formatDuration(this.deadlineMs)}`));
    }, this.deadlineMs);
    try {
      const target = await this.checkTarget(url);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
      headers['user-agent'] = this.userAgent;
      const response = await this.agent.request({ origin: target.origin, path: `${target.pathname}${target.search}`, method: 'POST', headers, body, signal: controller.signal });
      discard(response.body);
      const flat = flattenHeaders(response.headers);
      const retryAfterMs = response.statusCode === 429 || response.statusCode === 503 ? parseRetryAfter(flat['retry-after'], this.clock.now()) : undefined;
      return { status: response.statusCode, headers: flat, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
    } catch (error) {
      throw toFetchError(error, url, controller.signal);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Closes pooled connections; pending fetches fail. */
  async close(): Promise<void> {
    await this.agent.destroy();
  }

  private async follow(startUrl: string, options: FetchOptions, signal: AbortSignal): Promise<FetchResult> {
    let current = await this.checkTarget(startUrl);
    let headers = this.requestHeaders(options);
    const chain = [current.href];
    for (;;) {
      const response = await this.agent.request({
        origin: current.origin,
        path: `${current.pathname}${current.search}`,
        method: 'GET',
        headers,
        signal,
      });
      const location = response.headers['location'];
      if (!REDIRECT_STATUSES.has(response.statusCode) || typeof location !== 'string') {
        return this.finish(current, response, options);
      }
      discard(response.body);
      const next = await this.checkTarget(resolveLocation(location, current));
      if (chain.includes(next.href)) {
        throw new FetchError('too-many-redirects', `Redirect loop: ${[...chain, next.href].join(' → ')}`, { failureCode: 'redirect_loop' });
      }
      if (chain.length > MAX_REDIRECTS) {
        throw new FetchError('too-many-redirects', `More than ${MAX_REDIRECTS} redirects from ${startUrl}`, { failureParams: { maxRedirects: MAX_REDIRECTS } });
      }
      await options.beforeRedirect?.(next.href).catch((reason: unknown) => {
        throw new RedirectRefused(reason);
      });
      if (next.origin !== current.origin) headers = withoutCredentials(headers);
      chain.push(next.href);
      current = next;
    }
  }

  private async finish(url: URL, response: Dispatcher.ResponseData, options: FetchOptions): Promise<FetchResult> {
    const status = response.statusCode;
    const headers = flattenHeaders(response.headers);
    const previous = { etag: options.etag ?? null, lastModified: options.lastModified ?? null };
    const fetchedAt = this.clock.now();
    if (status === 304) {
      discard(response.body);
      return buildFetchResult({ status, finalUrl: url.href, headers, body: Buffer.alloc(0), fetchedAt, previous });
    }
    if (status < 200 || status > 299) {
      discard(response.body);
      const retryAfterMs =
        status === 429 || status === 503 ? parseRetryAfter(headers['retry-after'], fetchedAt) : undefined;
      throw new FetchError('http-status', `HTTP ${status} from ${url.href}`, {
        status,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      });
    }
    const problem = contentTypeProblem(url.href, headers['content-type'] ?? null, options.expect ?? 'any');
    if (problem) {
      discard(response.body);
      // contentTypeProblem only answers for a declared media type, so there is one to name.
      const contentType = mediaTypeOf(headers['content-type'] ?? null) ?? '';
      throw new FetchError('unsupported-content-type', problem, { status, failureParams: { contentType } });
    }
    const maxBytes = options.maxBytes ?? this.maxBytes;
    const truncate = options.truncate ?? false;
    const declared = Number(headers['content-length'] ?? Number.NaN);
    if (!truncate && declared > maxBytes) {
      discard(response.body);
      const limit = formatBytes(maxBytes);
      throw new FetchError('too-large', `${url.href} declares ${declared} bytes, over the ${limit} limit`, { status, failureParams: { limitMiB: toMiB(maxBytes) } });
    }
    const body = await readBody(response.body, {
      url: url.href,
      contentEncoding: headers['content-encoding'] ?? null,
      maxBytes,
      truncate,
    });
    return buildFetchResult({ status, finalUrl: url.href, headers, body, fetchedAt, previous });
  }

  /**
   * Scheme and literal-address checks before anything is sent. WHATWG URL has already turned
   * http://2130706433/ and http://0x7f.1/ into 127.0.0.1, so the literal is checked in its real form.
   * Host names are checked again, after resolution, when the connection opens.
   */
  private async checkTarget(raw: string): Promise<URL> {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new FetchError('bad-scheme', `Not a valid URL: ${raw}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new FetchError('bad-scheme', `Only http and https URLs can be fetched, not ${url.protocol} (${raw})`);
    }
    if (url.username || url.password) {
      throw new FetchError('bad-scheme', `URLs with credentials are not fetched (${url.host})`);
    }
    url.hash = '';
    const host = stripBrackets(url.hostname);
    if (isIP(host) !== 0) await resolveChecked({ policy: this.policy, resolver: this.resolver }, host);
    return url;
  }

  private requestHeaders(options: FetchOptions): Record<string, string> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(options.headers ?? {})) headers[name.toLowerCase()] = value;
    headers['user-agent'] = this.userAgent;
    headers['accept'] = options.accept ?? headers['accept'] ?? '*/*';
    headers['accept-encoding'] = 'gzip, deflate, br';
    if (options.etag) headers['if-none-match'] = options.etag;
    if (options.lastModified) headers['if-modified-since'] = options.lastModified;
    return headers;
  }
}

function resolveLocation(location: string, base: URL): string {
  try {
    return new URL(location, base).href;
  } catch {
    throw new FetchError('network', `${base.href} redirected to an invalid URL: ${location.slice(0, 200)}`, { failureCode: 'url_invalid' });
  }
}

function withoutCredentials(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !CREDENTIAL_HEADERS.has(name)));
}

/** What a beforeRedirect hook threw, carried past toFetchError unchanged: the hook's caller knows what it means. */
class RedirectRefused {
  constructor(readonly reason: unknown) {}
}

function toFetchError(error: unknown, url: string, signal: AbortSignal): FetchError {
  if (signal.aborted && signal.reason instanceof FetchError) return signal.reason;
  if (error instanceof FetchError) return error;
  const cause = (error as { cause?: unknown } | null)?.cause;
  if (cause instanceof FetchError) return cause;
  if (error instanceof undiciErrors.ConnectTimeoutError) {
    return new FetchError('timeout', `Could not connect to ${url} in time`, { cause: error });
  }
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const message = (error as { message?: unknown } | null)?.message;
  const detail = code && !code.startsWith('UND_ERR') ? code : typeof message === 'string' ? message : String(error);
  return new FetchError('network', `Could not fetch ${url}: ${detail}`, { cause: error });
}
