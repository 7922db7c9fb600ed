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

  async assertAllowed(username: string, clientAddress: string): Promise<void> {
    const record = await this.store(() => this.limiter.get(keyOf(username, clientAddress)));
    if (record && record.consumedPoints >= MAX_FAILED_LOGINS) {
      const retryAfterSec = Math.ceil(record.msBeforeNext / 1000);
      throw new VigilError('too_many_login_attempts', `Too many failed sign-ins; try again in ${Math.ceil(retryAfterSec / 60)} min`, {
        details: { retryAfterSec },
      });
    }
  }

  async recordFailure(username: string, clientAddress: string): Promise<void> {
    // Rejects with the limiter's answer once the limit is reached; that refusal is what assertAllowed reports next time.
    await this.store(() => this.limiter.penalty(keyOf(username, clientAddress), 1)).catch((error: unknown) => {
      if (!(error instanceof RateLimiterRes)) throw error;
    });
  }

  async recordSuccess(username: string, clientAddress: string): Promise<void> {
    await this.store(() => this.limiter.delete(keyOf(username, clientAddress)));
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
