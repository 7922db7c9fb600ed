import { getDomain, getHostname } from 'tldts';
import { systemClock, type Clock } from './clock';

export interface HostThrottleOptions {
  /** Requests in flight at once to one registrable domain. */
  maxConcurrentPerHost?: number;
  /** Minimum time between two request starts on one registrable domain. */
  minIntervalMs?: number;
  /** Hosts remembered at most; idle hosts whose waits are over are forgotten first. */
  maxHosts?: number;
  clock?: Clock;
}

export interface RunOptions {
  /** robots.txt Crawl-delay for this host; raises the interval, never lowers it below minIntervalMs. */
  crawlDelayMs?: number | null;
}

interface HostState {
  active: number;
  queue: Array<() => void>;
  lastStartAt: number;
  backOffUntil: number;
  crawlDelayMs: number;
  timer: ReturnType<typeof setTimeout> | null;
}

/**
 * Per-site politeness. Hosts are grouped by registrable domain (tldts), so www.example.vn and
 * m.example.vn share one budget: they are usually the same servers.
 */
export class HostThrottle {
  private readonly hosts = new Map<string, HostState>();
  private readonly maxConcurrent: number;
  private readonly minIntervalMs: number;
  private readonly maxHosts: number;
  private readonly clock: Clock;

  constructor(options: HostThrottleOptions = {}) {
    this.maxConcurrent = Math.max(1, options.maxConcurrentPerHost ?? 2);
    this.minIntervalMs = Math.max(0, options.minIntervalMs ?? 1_000);
    this.maxHosts = Math.max(1, options.maxHosts ?? 10_000);
    this.clock = options.clock ?? systemClock;
  }

  /** Runs the task when the URL's host has a free slot and its interval and any back-off have passed. */
  async run<T>(url: string, task: () => Promise<T>, options: RunOptions = {}): Promise<T> {
    const key = hostKey(url);
    const state = this.stateFor(key);
    if (options.crawlDelayMs !== undefined) state.crawlDelayMs = options.crawlDelayMs ?? 0;
    await new Promise<void>((start) => {
      state.queue.push(start);
      this.pump(state);
    });
    try {
      return await task();
    } finally {
      state.active -= 1;
      this.pump(state);
    }
  }

  /** No request to this host starts before untilMs (epoch milliseconds), e.g. after a 429 Retry-After. */
  backOff(urlOrHost: string, untilMs: number): void {
    const state = this.stateFor(hostKey(urlOrHost));
    state.backOffUntil = Math.max(state.backOffUntil, untilMs);
  }

  /** Epoch milliseconds until which the host is backed off; 0 when it is not. */
  backedOffUntil(urlOrHost: string): number {
    const until = this.hosts.get(hostKey(urlOrHost))?.backOffUntil ?? 0;
    return until > this.now() ? until : 0;
  }

  /** How many hosts are remembered (bounded by maxHosts once their waits are over). */
  get trackedHosts(): number {
    return this.hosts.size;
  }

  private pump(state: HostState): void {
    if (state.timer) return;
    while (state.queue.length > 0 && state.active < this.maxConcurrent) {
      const now = this.now();
      const readyAt = this.readyAt(state);
      if (now < readyAt) {
        state.timer = setTimeout(() => {
          state.timer = null;
          this.pump(state);
        }, readyAt - now);
        return;
      }
      state.active += 1;
      state.lastStartAt = now;
      state.queue.shift()?.();
    }
  }

  private readyAt(state: HostState): number {
    const interval = Math.max(this.minIntervalMs, state.crawlDelayMs);
    return Math.max(state.lastStartAt + interval, state.backOffUntil);
  }

  private stateFor(key: string): HostState {
    let state = this.hosts.get(key);
    if (state) {
      this.hosts.delete(key);
    } else {
      state = { active: 0, queue: [], lastStartAt: Number.NEGATIVE_INFINITY, backOffUntil: 0, crawlDelayMs: 0, timer: null };
    }
    this.hosts.set(key, state);
    if (this.hosts.size > this.maxHosts) this.evictIdle(key);
    return state;
  }

  /** Forgets idle hosts, oldest first; a host still inside its interval or back-off is kept so the wait holds. */
  private evictIdle(keep: string): void {
    const now = this.now();
    for (const [key, state] of this.hosts) {
      if (this.hosts.size <= this.maxHosts) return;
      if (key === keep) continue;
      const idle = state.active === 0 && state.queue.length === 0 && state.timer === null;
      if (idle && this.readyAt(state) <= now) this.hosts.delete(key);
    }
  }

  private now(): number {
    return this.clock.now().getTime();
  }
}

/** The politeness key: registrable domain (tin.gov.vn), or the bare host for IPs and single labels. */
export function hostKey(urlOrHost: string): string {
  const hostname = (urlOrHost.includes('://') ? getHostname(urlOrHost) : urlOrHost) ?? urlOrHost;
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return getDomain(host) ?? host;
}
