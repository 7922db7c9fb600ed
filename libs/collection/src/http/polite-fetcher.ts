import { systemClock, type Clock } from './clock';
import { FetchError, formatDuration } from './fetch-error';
import type { FetchResult } from './fetch-result';
import type { FetchOptions, GuardedHttpClient } from './guarded-http-client';
import type { HostThrottle } from './host-throttle';
import type { RobotsPolicy } from './robots-policy';

export interface PoliteFetcherOptions {
  client: Pick<GuardedHttpClient, 'fetch'>;
  robots: Pick<RobotsPolicy, 'isAllowed' | 'crawlDelayMs'>;
  throttle: HostThrottle;
  clock?: Clock;
  /** Back-off after a 429/503 that carries no usable Retry-After. */
  defaultBackOffMs?: number;
  /** Longest back-off honoured, so one answer cannot silence a source for days. */
  maxBackOffMs?: number;
}

/**
 * The fetch collection code should use: robots.txt first, then the host's politeness budget, then
 * the guarded client. A 429 or 503 backs the whole host off, and later fetches to it fail fast with
 * 'rate-limited' instead of holding a worker until the back-off ends.
 */
export class PoliteFetcher {
  private readonly clock: Clock;
  private readonly defaultBackOffMs: number;
  private readonly maxBackOffMs: number;

  constructor(private readonly options: PoliteFetcherOptions) {
    this.clock = options.clock ?? systemClock;
    this.defaultBackOffMs = options.defaultBackOffMs ?? 60_000;
    this.maxBackOffMs = options.maxBackOffMs ?? 24 * 3_600_000;
  }

  async fetch(url: string, fetchOptions: FetchOptions = {}): Promise<FetchResult> {
    const { client, robots, throttle } = this.options;
    if (!(await robots.isAllowed(url))) {
      throw new FetchError('robots-disallowed', `robots.txt of ${new URL(url).origin} does not allow VigilBot to fetch ${url}`);
    }
    const backedOffUntil = await throttle.backedOffUntil(url);
    if (backedOffUntil > 0) {
      const waitMs = backedOffUntil - this.now();
      throw new FetchError('rate-limited', `${new URL(url).host} asked Vigil to slow down; next try in ${formatDuration(waitMs)}`, {
        retryAfterMs: waitMs,
      });
    }
    const crawlDelayMs = await robots.crawlDelayMs(url);
    try {
      return await throttle.run(url, () => client.fetch(url, fetchOptions), { crawlDelayMs });
    } catch (error) {
      if (!(error instanceof FetchError) || error.code !== 'http-status') throw error;
      if (error.status !== 429 && error.status !== 503) throw error;
      const waitMs = Math.min(error.retryAfterMs ?? this.defaultBackOffMs, this.maxBackOffMs);
      await throttle.backOff(url, this.now() + waitMs);
      throw new FetchError('rate-limited', `HTTP ${error.status} from ${url}; Vigil waits ${formatDuration(waitMs)} before asking again`, {
        status: error.status,
        retryAfterMs: waitMs,
        cause: error,
      });
    }
  }

  private now(): number {
    return this.clock.now().getTime();
  }
}
