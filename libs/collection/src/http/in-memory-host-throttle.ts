import { systemClock, type Clock } from './clock';
import { CLAIM_GRACE_MS, HostBusyError, HostThrottle, hostKey, type HostThrottleOptions, type RunOptions } from './host-throttle';

export interface InMemoryHostThrottleOptions extends HostThrottleOptions {
  /** Hosts remembered at most; idle hosts whose waits are over are forgotten first. */
  maxHosts?: number;
  clock?: Clock;
}

interface HostState {
  active: number;
  queue: Array<() => void>;
  lastStartAt: number;
  backOffUntil: number;
  crawlDelayMs: number;
  /** The latest turn pencilled in for a caller turned away (HostBusyError); the next one is told to come after it. */
  bookedUntil: number;
  /** Until when a run that claimed the next turn (claimsNextTurn) keeps other deferrable runs away. */
  claimedUntil: number;
  timer: ReturnType<typeof setTimeout> | null;
}

/** A full site frees a slot when a request ends, which is not known ahead: a caller turned away asks again this soon at the earliest. */
const FULL_RETRY_MS = 100;

/**
 * Per-site politeness kept in this process: enough when one process does all the fetching (no REDIS_URL).
 * Waiters start in arrival order; times come from the injected clock.
 */
export class InMemoryHostThrottle extends HostThrottle {
  private readonly hosts = new Map<string, HostState>();
  private readonly maxConcurrent: number;
  private readonly minIntervalMs: number;
  private readonly maxHosts: number;
  private readonly clock: Clock;

  constructor(options: InMemoryHostThrottleOptions = {}) {
    super();
    this.maxConcurrent = Math.max(1, options.maxConcurrentPerHost ?? 2);
    this.minIntervalMs = Math.max(0, options.minIntervalMs ?? 1_000);
    this.maxHosts = Math.max(1, options.maxHosts ?? 10_000);
    this.clock = options.clock ?? systemClock;
  }

  override async run<T>(url: string, task: () => Promise<T>, options: RunOptions = {}): Promise<T> {
    const key = hostKey(url);
    const state = this.stateFor(key);
    if (options.crawlDelayMs !== undefined) state.crawlDelayMs = options.crawlDelayMs ?? 0;
    if (options.maxWaitMs !== undefined) {
      const retryAfterMs = this.turnAway(state, options.maxWaitMs, options.claimsNextTurn ?? false);
      if (retryAfterMs !== null) throw new HostBusyError(key, retryAfterMs);
      if (options.claimsNextTurn) state.claimedUntil = 0;
    }
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

  override async backOff(urlOrHost: string, untilMs: number): Promise<void> {
    const state = this.stateFor(hostKey(urlOrHost));
    state.backOffUntil = Math.max(state.backOffUntil, untilMs);
  }

  override async backedOffUntil(urlOrHost: string): Promise<number> {
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
    return Math.max(state.lastStartAt + this.intervalOf(state), state.backOffUntil);
  }

  private intervalOf(state: HostState): number {
    return Math.max(this.minIntervalMs, state.crawlDelayMs);
  }

  /**
   * Null when a run could start within maxWaitMs (a free slot, nobody waiting ahead, no claim by another); otherwise
   * answers how far off its turn is. A claiming run is told the host's next turn and claims it. Any other run is
   * pencilled in one interval after the last one pencilled: the pencilled turns only spread the callers' returns, since
   * a returning caller is granted by the spacing like anyone else, so a turn nobody comes back for costs only its gap.
   */
  private turnAway(state: HostState, maxWaitMs: number, claims: boolean): number | null {
    const now = this.now();
    const interval = this.intervalOf(state);
    const untilReady = Math.max(0, this.readyAt(state) - now);
    const slotFree = state.active < this.maxConcurrent && state.queue.length === 0;
    const claimedByAnother = !claims && state.claimedUntil > now;
    if (slotFree && !claimedByAnother && untilReady <= maxWaitMs) return null;
    const ahead = slotFree ? 0 : Math.max(interval * state.queue.length, FULL_RETRY_MS);
    if (claims) {
      const wait = Math.ceil(untilReady + ahead);
      state.claimedUntil = Math.max(state.claimedUntil, now + wait + CLAIM_GRACE_MS);
      return wait;
    }
    const turn = Math.max(now + untilReady + Math.max(ahead, claimedByAnother ? interval : 0), state.bookedUntil + interval);
    state.bookedUntil = turn;
    return Math.ceil(turn - now);
  }

  private stateFor(key: string): HostState {
    let state = this.hosts.get(key);
    if (state) {
      this.hosts.delete(key);
    } else {
      state = { active: 0, queue: [], lastStartAt: Number.NEGATIVE_INFINITY, backOffUntil: 0, crawlDelayMs: 0, bookedUntil: 0, claimedUntil: 0, timer: null };
    }
    this.hosts.set(key, state);
    if (this.hosts.size > this.maxHosts) this.evictIdle(key);
    return state;
  }

  /** Forgets idle hosts, oldest first; a host still inside its interval, back-off, pencilled turns or a claim is kept so the wait holds. */
  private evictIdle(keep: string): void {
    const now = this.now();
    for (const [key, state] of this.hosts) {
      if (this.hosts.size <= this.maxHosts) return;
      if (key === keep) continue;
      const idle = state.active === 0 && state.queue.length === 0 && state.timer === null;
      if (idle && this.readyAt(state) <= now && Math.max(state.bookedUntil, state.claimedUntil) <= now) this.hosts.delete(key);
    }
  }

  private now(): number {
    return this.clock.now().getTime();
  }
}
