import { JobDeferral } from '@vigil/queue';
import { getDomain, getHostname } from 'tldts';

export interface HostThrottleOptions {
  /** Requests in flight at once to one registrable domain. */
  maxConcurrentPerHost?: number;
  /** Minimum time between two request starts on one registrable domain. */
  minIntervalMs?: number;
}

export interface RunOptions {
  /** robots.txt Crawl-delay for this host; raises the interval, never lowers it below minIntervalMs. */
  crawlDelayMs?: number | null;
  /**
   * Longest the task may wait for its turn. When the turn is further off (spacing, a full site, a back-off) the run
   * rejects at once with HostBusyError, without running the task or taking the turn. Unset: waits as long as it takes.
   */
  maxWaitMs?: number;
  /**
   * With `maxWaitMs`: a run turned away claims the host's next turn instead of joining the back of the pencilled ones,
   * and other runs with a longest wait are turned away while the claim stands (until it comes back, or CLAIM_GRACE_MS
   * after its turn). A poll uses it, so a site's own backlog of page fetches never holds up its next poll.
   */
  claimsNextTurn?: boolean;
}

/** How long past its turn a claim holds when its run does not come back for it (a crash, a slow queue). */
export const CLAIM_GRACE_MS = 2_000;

/**
 * The host's turn is further off than the caller would wait: ask again in `retryAfterMs`. Callers turned away are
 * pencilled in one interval apart, so a backlog comes back in turn instead of all at once. A JobDeferral: a job that
 * meets it goes back to the queue for that long, holding no worker, and the attempt does not count.
 */
export class HostBusyError extends JobDeferral {
  override readonly name = 'HostBusyError';

  constructor(
    readonly host: string,
    readonly retryAfterMs: number,
  ) {
    super(retryAfterMs, `${host} has no free turn for ${retryAfterMs} ms (per-site politeness); asking again then`);
  }
}

/**
 * Per-site politeness: how many requests run at once on one site, how far apart they start, and how long a site
 * that answered 429/503 is left alone. Hosts are grouped by registrable domain (tldts), so www.example.vn and
 * m.example.vn share one budget: they are usually the same servers.
 *
 * In memory for one process; in Redis when several ingestors share the work, so together they stay within the
 * budget one process would keep (two ingestors must not double the load on a site).
 */
export abstract class HostThrottle {
  /**
   * Runs the task when the URL's host has a free slot and its interval and any back-off have passed; with
   * `maxWaitMs`, rejects with HostBusyError instead when that is further off.
   */
  abstract run<T>(url: string, task: () => Promise<T>, options?: RunOptions): Promise<T>;

  /**
   * No request to this host starts before untilMs (epoch milliseconds on the caller's clock), e.g. after a 429
   * Retry-After. Best effort: it never rejects, since the source that saw the 429 already waits on its own.
   */
  abstract backOff(urlOrHost: string, untilMs: number): Promise<void>;

  /** Epoch milliseconds (the caller's clock) until which the host is backed off; 0 when it is not. */
  abstract backedOffUntil(urlOrHost: string): Promise<number>;

  /** Lets go of what the throttle holds (a Redis connection); runs still waiting fail. */
  async close(): Promise<void> {}
}

/** The politeness key: registrable domain (tin.gov.vn), or the bare host for IPs and single labels. */
export function hostKey(urlOrHost: string): string {
  const hostname = (urlOrHost.includes('://') ? getHostname(urlOrHost) : urlOrHost) ?? urlOrHost;
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return getDomain(host) ?? host;
}
