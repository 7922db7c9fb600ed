import { HttpException, HttpStatus, Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { VIGIL_CONFIG, type VigilConfig } from '@vigil/config';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';

export const MAX_FAILED_LOGINS = 10;
const WINDOW_SEC = 15 * 60;

/** 429 with the time to wait; the exception filter turns `retryAfterSec` into a Retry-After header. */
export class TooManyLoginAttemptsException extends HttpException {
  constructor(readonly retryAfterSec: number) {
    super(`Too many failed sign-ins; try again in ${Math.ceil(retryAfterSec / 60)} min`, HttpStatus.TOO_MANY_REQUESTS);
  }
}

/**
 * Brute-force guard per username and client address: after 10 failures in 15 minutes that pair is refused
 * (even with the right password) until the window ends. Shared through Redis when there is one, so every API
 * process counts the same failures.
 */
@Injectable()
export class LoginThrottle implements OnApplicationShutdown {
  private readonly redis: Redis | null;
  private readonly limiter: RateLimiterAbstract;

  constructor(@Inject(VIGIL_CONFIG) config: VigilConfig) {
    const options = { points: MAX_FAILED_LOGINS, duration: WINDOW_SEC, blockDuration: WINDOW_SEC, keyPrefix: `${config.queue.prefix}:login` };
    this.redis = config.queue.redisUrl ? new Redis(config.queue.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 }) : null;
    this.limiter = this.redis ? new RateLimiterRedis({ ...options, storeClient: this.redis }) : new RateLimiterMemory(options);
  }

  async assertAllowed(username: string, clientAddress: string): Promise<void> {
    const record = await this.limiter.get(keyOf(username, clientAddress));
    if (record && record.consumedPoints >= MAX_FAILED_LOGINS) throw new TooManyLoginAttemptsException(Math.ceil(record.msBeforeNext / 1000));
  }

  async recordFailure(username: string, clientAddress: string): Promise<void> {
    // Rejects once the limit is reached; that refusal is what assertAllowed reports next time.
    await this.limiter.penalty(keyOf(username, clientAddress), 1).catch(() => undefined);
  }

  async recordSuccess(username: string, clientAddress: string): Promise<void> {
    await this.limiter.delete(keyOf(username, clientAddress));
  }

  onApplicationShutdown(): void {
    this.redis?.disconnect();
  }
}

function keyOf(username: string, clientAddress: string): string {
  return `${username.toLowerCase()}|${clientAddress}`;
}
