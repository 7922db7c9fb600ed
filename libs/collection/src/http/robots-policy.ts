import robotsParser from 'robots-parser';
import { systemClock, type Clock } from './clock';
import { FetchError } from './fetch-error';
import type { GuardedHttpClient } from './guarded-http-client';

type Robot = ReturnType<typeof robotsParser>;
type Rules = { kind: 'parsed'; robot: Robot } | { kind: 'allow-all' } | { kind: 'disallow-all' };

interface CacheEntry {
  rules: Promise<Rules>;
  /** Infinity while the fetch is in flight, so concurrent callers share it. */
  expiresAt: number;
}

export const ROBOTS_USER_AGENT = 'VigilBot';

export interface RobotsPolicyOptions {
  client: Pick<GuardedHttpClient, 'fetch'>;
  clock?: Clock;
  /** How long a fetched robots.txt is trusted; RFC 9309 asks for at most 24 h. */
  ttlMs?: number;
  /** How long "unreachable, so disallow all" is remembered before asking again. */
  failureTtlMs?: number;
  /** RFC 9309 requires parsing at least 500 KiB; anything beyond is ignored. */
  maxBytes?: number;
  /** Crawl-delay above this is clamped so one robots.txt cannot stall a worker for hours. */
  maxCrawlDelayMs?: number;
  /** Origins remembered at most; the least recently used is forgotten first. */
  maxOrigins?: number;
}

/**
 * robots.txt rules for the user-agent token VigilBot (RFC 9309): a 4xx robots.txt means no rules,
 * a 5xx or unreachable one means stay away. Fetched through the guarded client, so robots.txt
 * obeys the same address, size and time limits as everything else.
 */
export class RobotsPolicy {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly client: Pick<GuardedHttpClient, 'fetch'>;
  private readonly clock: Clock;
  private readonly ttlMs: number;
  private readonly failureTtlMs: number;
  private readonly maxBytes: number;
  private readonly maxCrawlDelayMs: number;
  private readonly maxOrigins: number;

  constructor(options: RobotsPolicyOptions) {
    this.client = options.client;
    this.clock = options.clock ?? systemClock;
    this.ttlMs = Math.min(options.ttlMs ?? 24 * 3_600_000, 24 * 3_600_000);
    this.failureTtlMs = options.failureTtlMs ?? 3_600_000;
    this.maxBytes = options.maxBytes ?? 500 * 1024;
    this.maxCrawlDelayMs = options.maxCrawlDelayMs ?? 60_000;
    this.maxOrigins = options.maxOrigins ?? 1_000;
  }

  /** Throws 'blocked-address' or 'bad-scheme' rather than answering for a URL that could never be fetched. */
  async isAllowed(url: string): Promise<boolean> {
    const rules = await this.rulesFor(url);
    if (rules.kind === 'allow-all') return true;
    if (rules.kind === 'disallow-all') return false;
    return rules.robot.isAllowed(url, ROBOTS_USER_AGENT) ?? true;
  }

  /** The Crawl-delay that applies to VigilBot, in milliseconds, or null when robots.txt sets none. */
  async crawlDelayMs(url: string): Promise<number | null> {
    const rules = await this.rulesFor(url);
    if (rules.kind !== 'parsed') return null;
    const seconds = rules.robot.getCrawlDelay(ROBOTS_USER_AGENT);
    if (seconds === undefined || !Number.isFinite(seconds) || seconds <= 0) return null;
    return Math.min(Math.round(seconds * 1000), this.maxCrawlDelayMs);
  }

  private rulesFor(url: string): Promise<Rules> {
    const origin = originOf(url);
    const now = this.clock.now().getTime();
    const cached = this.cache.get(origin);
    if (cached && cached.expiresAt > now) {
      // Re-insert to keep the map in least-recently-used order.
      this.cache.delete(origin);
      this.cache.set(origin, cached);
      return cached.rules;
    }
    const entry: CacheEntry = { rules: this.load(origin), expiresAt: Number.POSITIVE_INFINITY };
    this.cache.delete(origin);
    this.cache.set(origin, entry);
    this.evictOverflow();
    entry.rules.then(
      (rules) => {
        const ttl = rules.kind === 'disallow-all' ? this.failureTtlMs : this.ttlMs;
        entry.expiresAt = this.clock.now().getTime() + ttl;
      },
      () => {
        // Not cached: the error (a blocked address) says nothing about robots.txt itself.
        if (this.cache.get(origin) === entry) this.cache.delete(origin);
      },
    );
    return entry.rules;
  }

  private async load(origin: string): Promise<Rules> {
    const robotsUrl = `${origin}/robots.txt`;
    try {
      const result = await this.client.fetch(robotsUrl, { accept: 'text/plain, */*;q=0.5', maxBytes: this.maxBytes, truncate: true });
      let text = result.text();
      // A truncated file may end mid-line; a half rule is worse than none.
      if (result.body.length >= this.maxBytes) text = text.slice(0, text.lastIndexOf('\n') + 1);
      return { kind: 'parsed', robot: robotsParser(robotsUrl, text) };
    } catch (error) {
      if (!(error instanceof FetchError)) throw error;
      if (error.code === 'blocked-address' || error.code === 'bad-scheme') throw error;
      const status = error.status ?? 0;
      // 429 is treated like a server error, as Google does: the site is asking us to stay away.
      if (error.code === 'http-status' && status >= 400 && status <= 499 && status !== 429) return { kind: 'allow-all' };
      return { kind: 'disallow-all' };
    }
  }

  private evictOverflow(): void {
    for (const origin of this.cache.keys()) {
      if (this.cache.size <= this.maxOrigins) return;
      this.cache.delete(origin);
    }
  }
}

function originOf(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FetchError('bad-scheme', `Not a valid URL: ${url}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new FetchError('bad-scheme', `Only http and https URLs can be fetched, not ${parsed.protocol} (${url})`);
  }
  return parsed.origin;
}
