import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { VigilError } from '@vigil/contracts';
import { VIGIL_CONFIG, type VigilConfig } from '@vigil/config';
import { createRedisConnection, type RedisConnection } from '@vigil/queue';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

export const MAX_FAILED_LOGINS = 10;
const WINDOW_SEC = 15 * 60;
/** Bounds each connection attempt, so an outage is noticed quickly; meanwhile sign-ins answer 503 at once. */
const REDIS_CONNECT_TIMEOUT_MS = 1000;

/**
 * Brute-force guard per username and client address: after 10 failures in 15 minutes that pair is refused
 * (even with the right password) until the window ends. Shared through Redis when there is one, so every API
 * process counts the same failures; with that Redis unreachable sign-in answers 503 rather than letting
 * guesses through uncounted.
 *
 * Every attempt takes its point before the password is verified, in one atomic step of the limiter: checking the
 * count and adding to it later would let parallel attempts all pass the check before any is counted. A success
 * gives back only its own point, so failures made meanwhile (by anyone at that address) still count.
 */
@Injectable()
export class LoginThrottle implements OnApplicationShutdown {
  private readonly redis: RedisConnection | null;
  private readonly limiter: RateLimiterAbstract;

  constructor(@Inject(VIGIL_CONFIG) config: VigilConfig) {
    const options = { points: MAX_FAILED_LOGINS, duration: WINDOW_SEC, blockDuration: WINDOW_SEC, keyPrefix: `${config.queue.prefix}:login` };
    this.redis = config.queue.redisUrl ? createRedisConnection(config.queue.redisUrl, { name: 'LoginThrottle', connectTimeoutMs: REDIS_CONNECT_TIMEOUT_MS }) : null;
    this.limiter = this.redis ? new RateLimiterRedis({ ...options, storeClient: this.redis }) : new RateLimiterMemory(options);
  }

  /** Counts the attempt, or refuses it with 429 once 10 are counted in the window. */
  async consumeAttempt(username: string, clientAddress: string): Promise<void> {
    try {
      await this.store(() => this.limiter.consume(keyOf(username, clientAddress), 1));
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const retryAfterSec = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw new VigilError('too_many_login_attempts', `Too many failed sign-ins; try again in ${Math.ceil(retryAfterSec / 60)} min`, {
        details: { retryAfterSec },
      });
    }
  }

  /** A successful attempt was not a failure: its point is given back. */
  async refundAttempt(username: string, clientAddress: string): Promise<void> {
    await this.store(() => this.limiter.reward(keyOf(username, clientAddress), 1));
  }

  onApplicationShutdown(): void {
    this.redis?.disconnect();
  }

  /** The limiter's own refusals pass through; a failing store is our outage, not the caller's mistake. */
  private async store<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (error instanceof RateLimiterRes) throw error;
      throw new VigilError('dependency_unavailable', `The sign-in limiter cannot reach Redis: ${(error as Error).message}`, {
        details: { dependency: 'redis' },
        cause: error,
      });
    }
  }
}

function keyOf(username: string, clientAddress: string): string {
  return `${username.toLowerCase()}|${clientAddress}`;
}
