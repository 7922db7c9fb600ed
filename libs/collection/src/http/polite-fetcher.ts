import { systemClock, type Clock } from './clock';
import { FetchError, formatDuration } from './fetch-error';
import type { FetchResult } from './fetch-result';
import type { FetchOptions, GuardedHttpClient } from './guarded-http-client';
import { HostBusyError, type HostThrottle, hostKey } from './host-throttle';
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
  /** With `whenHostBusy: 'defer'`: a turn this close is waited for; a later one is HostBusyError. */
  maxHostWaitMs?: number;
  /** With `whenHostBusy: 'wait'`: longest wait for the turn of the site a redirect leads to; a later one is 'rate-limited'. */
  maxRedirectWaitMs?: number;
}

export interface PoliteFetchOptions extends FetchOptions {
  /**
   * What to do when the host's turn is further off than maxHostWaitMs. 'wait' (the default) waits for it, as a request
   * someone is waiting on must. 'defer' rejects at once with HostBusyError (a JobDeferral), so a job gives its worker
   * back to the queue and returns when the host's turn comes, instead of holding it while one slow site drains.
   */
  whenHostBusy?: 'wait' | 'defer';
  /** With 'defer': come back for the host's next turn, ahead of the other deferred fetches (see RunOptions). */
  claimsNextTurn?: boolean;
}

/** Shorter than this, waiting for the turn costs less than a round trip through the queue. */
const DEFAULT_MAX_HOST_WAIT_MS = 50;

/** Within the client's deadline for the whole fetch (DEFAULT_DEADLINE_MS), so the redirected request can still run. */
const DEFAULT_MAX_REDIRECT_WAIT_MS = 10_000;

/**
 * The fetch collection code should use: robots.txt first (the URL's, and each redirect target's before it is
 * followed), then the host's politeness budget (and the budget of each other site a redirect leads to, before it is
 * followed), then the guarded client. A 429 or 503 backs the whole host off, and later fetches to it fail fast with
 * 'rate-limited' instead of holding a worker until the back-off ends. A job's fetch may also decline to wait for
 * its host's turn (`whenHostBusy: 'defer'`): the job is deferred instead of holding a worker.
 */
export class PoliteFetcher {
  private readonly clock: Clock;
  private readonly defaultBackOffMs: number;
  private readonly maxBackOffMs: number;
  private readonly maxHostWaitMs: number;
  private readonly maxRedirectWaitMs: number;

  constructor(private readonly options: PoliteFetcherOptions) {
    this.clock = options.clock ?? systemClock;
    this.defaultBackOffMs = options.defaultBackOffMs ?? 60_000;
    this.maxBackOffMs = options.maxBackOffMs ?? 24 * 3_600_000;
    this.maxHostWaitMs = options.maxHostWaitMs ?? DEFAULT_MAX_HOST_WAIT_MS;
    this.maxRedirectWaitMs = options.maxRedirectWaitMs ?? DEFAULT_MAX_REDIRECT_WAIT_MS;
  }

  async fetch(url: string, { whenHostBusy = 'wait', claimsNextTurn, ...fetchOptions }: PoliteFetchOptions = {}): Promise<FetchResult> {
    const { client, robots, throttle } = this.options;
    await this.assertRobotsAllow(url);
    await this.assertNotBackedOff(url);
    const crawlDelayMs = await robots.crawlDelayMs(url);
    // The URL being requested: the last one a redirect led to.
    let current = url;
    // Lets go of the slot held on the site a redirect led to (none held: nothing to let go).
    let releaseRedirectSlot = (): void => undefined;
    try {
      const maxWaitMs = whenHostBusy === 'defer' ? this.maxHostWaitMs : undefined;
      // A redirect's target obeys robots.txt too (its own site's, when it leads elsewhere), as if it were asked for,
      // and another site's target takes a slot there for the redirected request. Back on the first site, the slot
      // held is this fetch's. The site it leaves has answered (with the redirect), so its slot goes back at once.
      const beforeRedirect = async (next: string) => {
        await this.assertRobotsAllow(next);
        const site = hostKey(next);
        if (site !== hostKey(current)) {
          releaseRedirectSlot();
          releaseRedirectSlot = () => undefined;
          if (site !== hostKey(url)) releaseRedirectSlot = await this.holdSlotAt(next, whenHostBusy);
        }
        await fetchOptions.beforeRedirect?.(next);
        current = next;
      };
      return await throttle.run(url, () => client.fetch(url, { ...fetchOptions, beforeRedirect }), { crawlDelayMs, maxWaitMs, claimsNextTurn });
    } catch (error) {
      if (!(error instanceof FetchError) || error.code !== 'http-status') throw error;
      if (error.status !== 429 && error.status !== 503) throw error;
      const waitMs = Math.min(error.retryAfterMs ?? this.defaultBackOffMs, this.maxBackOffMs);
      await throttle.backOff(current, this.now() + waitMs);
      throw new FetchError('rate-limited', `HTTP ${error.status} from ${current}; Vigil waits ${formatDuration(waitMs)} before asking again`, {
        status: error.status,
        retryAfterMs: waitMs,
        cause: error,
      });
    } finally {
      releaseRedirectSlot();
    }
  }

  /**
   * A redirect to another site takes a slot there, as a request to it would: after its back-off, spacing and crawl
   * delay, and within its concurrency, held until the returned function is called (when the redirected request ends or
   * leads elsewhere). The wait is bounded, and a full site is never waited for: a job defers (HostBusyError) as for
   * its first request, a waiting caller gives up. So two sites redirecting to each other, each fetch holding one and
   * asking for the other, cannot wait for each other for ever.
   */
  private async holdSlotAt(url: string, whenHostBusy: 'wait' | 'defer'): Promise<() => void> {
    await this.assertNotBackedOff(url);
    const crawlDelayMs = await this.options.robots.crawlDelayMs(url);
    const maxWaitMs = whenHostBusy === 'defer' ? this.maxHostWaitMs : this.maxRedirectWaitMs;
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    try {
      // The run's task holds the slot: it starts when the slot is this fetch's, and ends when the fetch lets go.
      await new Promise<void>((started, refused) => {
        const holdSlot = async () => {
          started();
          await released;
        };
        this.options.throttle.run(url, holdSlot, { crawlDelayMs, maxWaitMs }).catch(refused);
      });
    } catch (error) {
      if (whenHostBusy === 'defer' || !(error instanceof HostBusyError)) throw error;
      throw new FetchError('rate-limited', `${url} is on ${error.host}, which has no free turn for ${formatDuration(error.retryAfterMs)}`, {
        retryAfterMs: error.retryAfterMs,
      });
    }
    return release;
  }

  private async assertNotBackedOff(url: string): Promise<void> {
    const backedOffUntil = await this.options.throttle.backedOffUntil(url);
    if (backedOffUntil > 0) {
      const waitMs = backedOffUntil - this.now();
      throw new FetchError('rate-limited', `${new URL(url).host} asked Vigil to slow down; next try in ${formatDuration(waitMs)}`, {
        retryAfterMs: waitMs,
      });
    }
  }

  private async assertRobotsAllow(url: string): Promise<void> {
    if (!(await this.options.robots.isAllowed(url))) {
      throw new FetchError('robots-disallowed', `robots.txt of ${new URL(url).origin} does not allow VigilBot to fetch ${url}`);
    }
  }

  private now(): number {
    return this.clock.now().getTime();
  }
}
