import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Logger } from '@nestjs/common';
import type { RedisConnection } from '@vigil/queue';
import { systemClock, type Clock } from './clock';
import { CLAIM_GRACE_MS, HostBusyError, HostThrottle, hostKey, type HostThrottleOptions, type RunOptions } from './host-throttle';

export interface RedisHostThrottleOptions extends HostThrottleOptions {
  /** A connection this throttle may define its scripts on; `close()` disconnects it. */
  redis: RedisConnection;
  /** The deployment's key prefix (VIGIL_QUEUE_PREFIX), so deployments and test runs sharing one Redis keep separate budgets. */
  prefix: string;
  /** How long a slot stays taken unless its holder renews it: a process that dies mid-fetch frees its slot after this. */
  leaseMs?: number;
  /** Longest a waiter for a full site waits before asking again: a release in another process is not announced. */
  pollMs?: number;
  /** Converts the port's absolute back-off times (epoch milliseconds on this clock) to durations and back. */
  clock?: Clock;
}

const DEFAULT_LEASE_MS = 30_000;
const DEFAULT_POLL_MS = 100;
/** How long a call waits for the connection to come up (at boot, after a Redis restart) before it fails. */
const READY_TIMEOUT_MS = 2_000;

/**
 * Time: every comparison happens inside Redis, on Redis's clock. Spacing and back-off are keys whose expiry (PX) is
 * the wait, and slot leases are scored with Redis `TIME`. Ingestors on different machines have clocks that drift
 * apart; had each written its own "next allowed at", two processes a few hundred milliseconds apart would start
 * requests closer together than the interval. The injected clock only turns the port's absolute back-off times into
 * durations (and back), so callers on a test clock still read sensible values.
 *
 * Acquire, atomically. KEYS: leases (sorted set: lease id → expiry), spacing, back-off, booked (the latest turn
 * pencilled in for a caller turned away), claim (a turn claimed by a poll). ARGV: lease id, most at once, interval ms,
 * lease ms, longest wait ms (-1: as long as it takes), retry ms on a full site, 1 if the caller claims the next turn,
 * claim grace ms. Returns {status, wait ms}: 0 = wait (back-off or spacing: exactly that long), 1 = full (the earliest
 * lease ends in that long, unless released sooner), 2 = granted, 3 = busy: the wait is longer than the caller would
 * wait. A busy claimer is told the next turn and claims it; while a claim stands, other callers with a longest wait
 * are busy too. Any other busy caller is pencilled in one interval after the last one pencilled (callers turned away
 * come back in turn, not all at once; the spacing still decides who starts).
 */
const ACQUIRE_LUA = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local interval = tonumber(ARGV[3])
local maxWait = tonumber(ARGV[5])
local claims = ARGV[7] == '1'
local claimedByAnother = maxWait >= 0 and not claims and redis.call('PTTL', KEYS[5]) > 0
local status = 0
local wait = redis.call('PTTL', KEYS[3])
if wait <= 0 then wait = redis.call('PTTL', KEYS[2]) end
if wait <= 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
  local held = redis.call('ZCARD', KEYS[1])
  if held < tonumber(ARGV[2]) and not claimedByAnother then
    local lease = tonumber(ARGV[4])
    redis.call('ZADD', KEYS[1], now + lease, ARGV[1])
    redis.call('PEXPIRE', KEYS[1], lease)
    if interval > 0 then redis.call('SET', KEYS[2], '1', 'PX', interval) end
    if claims then redis.call('DEL', KEYS[5]) end
    return {2, 0}
  end
  status = 1
  wait = 0
  if held >= tonumber(ARGV[2]) then wait = tonumber(redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')[2]) - now end
end
if maxWait < 0 or (status == 0 and wait <= maxWait) then return {status, wait} end
if claims then
  if status == 1 then wait = tonumber(ARGV[6]) end
  local hold = wait + tonumber(ARGV[8])
  if redis.call('PTTL', KEYS[5]) < hold then redis.call('SET', KEYS[5], '1', 'PX', hold) end
  return {3, wait}
end
if status == 1 then wait = math.max(interval, tonumber(ARGV[6])) end
local booked = tonumber(redis.call('GET', KEYS[4]) or '0')
local turn = math.max(now + wait, booked + interval)
redis.call('SET', KEYS[4], turn, 'PX', turn - now + interval + 1)
return {3, turn - now}
`;

/** Extends a lease still held (KEYS: leases; ARGV: lease id, lease ms). 0 when it had already expired. */
const RENEW_LUA = `
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 0 end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local lease = tonumber(ARGV[2])
redis.call('ZADD', KEYS[1], now + lease, ARGV[1])
redis.call('PEXPIRE', KEYS[1], lease)
return 1
`;

/** Backs the host off for ARGV[1] ms unless it already is for longer (KEYS: back-off). */
const BACK_OFF_LUA = `
local ms = tonumber(ARGV[1])
if redis.call('PTTL', KEYS[1]) < ms then redis.call('SET', KEYS[1], '1', 'PX', ms) end
return 1
`;

/** The acquire script's answers (see ACQUIRE_LUA); 0 is a wait of exactly the time it gives. */
const FULL = 1;
const GRANTED = 2;
const BUSY = 3;
type AcquireStatus = 0 | typeof FULL | typeof GRANTED | typeof BUSY;
/** Longest wait passed to the script for "as long as it takes". */
const WAIT_ANY = -1;
/** A full site frees a slot when a request ends, which is not known ahead: a caller turned away asks again this soon at the earliest. */
const FULL_RETRY_MS = 100;

interface ThrottleCommands {
  vigilHostAcquire(
    leases: string,
    spacing: string,
    backOff: string,
    booked: string,
    claim: string,
    leaseId: string,
    max: number,
    intervalMs: number,
    leaseMs: number,
    maxWaitMs: number,
    fullRetryMs: number,
    claims: 0 | 1,
    claimGraceMs: number,
  ): Promise<[AcquireStatus, number]>;
  vigilHostRenew(leases: string, leaseId: string, leaseMs: number): Promise<number>;
  vigilHostBackOff(backOff: string, ms: number): Promise<number>;
}

interface HostKeys {
  host: string;
  leases: string;
  spacing: string;
  backOff: string;
  booked: string;
  claim: string;
}

/**
 * Per-site politeness shared by every process on one Redis (REDIS_URL): together the ingestors keep the budget one
 * process would. A slot is a lease renewed while its request runs, so a crashed holder never blocks a site for longer
 * than one lease. Waiters poll (spacing and back-off waits are exact, a full site is asked again within pollMs), so
 * arrival order across processes is not kept. With Redis unreachable a run fails rather than fetch unthrottled.
 */
export class RedisHostThrottle extends HostThrottle {
  private readonly logger = new Logger('HostThrottle');
  private readonly redis: RedisConnection & ThrottleCommands;
  private readonly prefix: string;
  private readonly maxConcurrent: number;
  private readonly minIntervalMs: number;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly clock: Clock;
  private closed = false;

  constructor(options: RedisHostThrottleOptions) {
    super();
    this.prefix = `${options.prefix}:politeness`;
    this.maxConcurrent = Math.max(1, options.maxConcurrentPerHost ?? 2);
    this.minIntervalMs = Math.max(0, options.minIntervalMs ?? 1_000);
    this.leaseMs = Math.max(30, options.leaseMs ?? DEFAULT_LEASE_MS);
    this.pollMs = Math.max(1, options.pollMs ?? DEFAULT_POLL_MS);
    this.clock = options.clock ?? systemClock;
    options.redis.defineCommand('vigilHostAcquire', { numberOfKeys: 5, lua: ACQUIRE_LUA });
    options.redis.defineCommand('vigilHostRenew', { numberOfKeys: 1, lua: RENEW_LUA });
    options.redis.defineCommand('vigilHostBackOff', { numberOfKeys: 1, lua: BACK_OFF_LUA });
    this.redis = options.redis as RedisConnection & ThrottleCommands;
  }

  override async run<T>(url: string, task: () => Promise<T>, options: RunOptions = {}): Promise<T> {
    const keys = this.keysFor(url);
    const intervalMs = Math.max(this.minIntervalMs, options.crawlDelayMs ?? 0);
    const leaseId = randomUUID();
    const startedAt = performance.now();
    for (;;) {
      // What is left of the caller's longest wait: a short wait that ends in losing the turn to another process is
      // followed by a busy answer, not by another wait.
      const maxWaitMs = options.maxWaitMs === undefined ? WAIT_ANY : Math.max(0, Math.floor(options.maxWaitMs - (performance.now() - startedAt)));
      const [status, waitMs] = await this.call(keys, () =>
        this.redis.vigilHostAcquire(
          keys.leases,
          keys.spacing,
          keys.backOff,
          keys.booked,
          keys.claim,
          leaseId,
          this.maxConcurrent,
          intervalMs,
          this.leaseMs,
          maxWaitMs,
          FULL_RETRY_MS,
          options.claimsNextTurn ? 1 : 0,
          CLAIM_GRACE_MS,
        ),
      );
      if (status === GRANTED) break;
      if (status === BUSY) throw new HostBusyError(keys.host, Math.max(1, waitMs));
      // Jitter on a full site, so waiters in several processes do not all ask again in the same millisecond.
      await sleep(status === FULL ? Math.min(Math.max(waitMs, 1), this.pollMs) + Math.random() * 10 : Math.max(waitMs, 1));
    }
    const renewal = setInterval(() => void this.renew(keys, leaseId), Math.max(10, Math.floor(this.leaseMs / 3)));
    renewal.unref();
    try {
      return await task();
    } finally {
      clearInterval(renewal);
      // Should the release fail, the lease ends by itself within leaseMs.
      await this.redis.zrem(keys.leases, leaseId).catch((error: Error) => this.logger.warn(`Could not release a slot on ${keys.host}: ${error.message}`));
    }
  }

  override async backOff(urlOrHost: string, untilMs: number): Promise<void> {
    const keys = this.keysFor(urlOrHost);
    const ms = Math.ceil(untilMs - this.now());
    if (ms <= 0) return;
    try {
      await this.call(keys, () => this.redis.vigilHostBackOff(keys.backOff, ms));
    } catch (error) {
      this.logger.warn((error as Error).message);
    }
  }

  override async backedOffUntil(urlOrHost: string): Promise<number> {
    const keys = this.keysFor(urlOrHost);
    const remainingMs = await this.call(keys, () => this.redis.pttl(keys.backOff));
    return remainingMs > 0 ? this.now() + remainingMs : 0;
  }

  override async close(): Promise<void> {
    this.closed = true;
    this.redis.disconnect();
  }

  private async renew(keys: HostKeys, leaseId: string): Promise<void> {
    try {
      if ((await this.redis.vigilHostRenew(keys.leases, leaseId, this.leaseMs)) === 0) {
        this.logger.warn(`A slot on ${keys.host} expired before its request ended (the process stalled for over ${this.leaseMs} ms)`);
      }
    } catch {
      // Redis away: the lease lapses, which is what it is for; the next acquire reports the outage.
    }
  }

  /** One Redis call on this host's budget; an unreachable Redis fails it with a reason the job log can carry. */
  private async call<T>(keys: HostKeys, operation: () => Promise<T>): Promise<T> {
    if (this.closed) throw new Error(`The politeness budget of ${keys.host} is closed (the process is stopping)`);
    await this.ready();
    try {
      return await operation();
    } catch (error) {
      throw new Error(`The politeness budget of ${keys.host} is kept in Redis, which did not answer: ${(error as Error).message}`, { cause: error });
    }
  }

  /** Waits a little for the connection at boot or after a Redis restart: commands fail at once while it is down. */
  private async ready(): Promise<void> {
    if (this.redis.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.redis.off('ready', done);
        resolve();
      };
      const timer = setTimeout(done, READY_TIMEOUT_MS);
      this.redis.once('ready', done);
    });
  }

  /** One hash tag per host, so a Redis Cluster keeps a host's keys on one node (the script touches all five). */
  private keysFor(urlOrHost: string): HostKeys {
    const host = hostKey(urlOrHost);
    const base = `${this.prefix}:{${host}}`;
    return { host, leases: `${base}:leases`, spacing: `${base}:spacing`, backOff: `${base}:back-off`, booked: `${base}:booked`, claim: `${base}:claim` };
  }

  private now(): number {
    return this.clock.now().getTime();
  }
}
