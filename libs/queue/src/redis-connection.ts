import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';

export interface RedisConnectionOptions {
  /** Give up a connection attempt after this long (ioredis' connectTimeout); later attempts keep trying. */
  connectTimeoutMs?: number;
  /** Name in the log when the server is unreachable. */
  name?: string;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 2000;
const MAX_RECONNECT_DELAY_MS = 5000;

/**
 * A Redis connection for request paths (not for BullMQ, which needs commands to wait): commands fail at once
 * while the server is unreachable instead of queueing, so callers can answer 503 rather than hang. Only this
 * library imports ioredis.
 */
export function createRedisConnection(url: string, options: RedisConnectionOptions = {}): Redis {
  const logger = new Logger(options.name ?? 'Redis');
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    retryStrategy: (attempt) => Math.min(attempt * 200, MAX_RECONNECT_DELAY_MS),
  });
  // One line per outage, not one per reconnect attempt; without a listener ioredis prints every error itself.
  let reported = false;
  redis.on('error', (error: Error) => {
    if (reported) return;
    reported = true;
    logger.warn(`Redis at ${redactedUrl(url)} unreachable: ${error.message}`);
  });
  redis.on('ready', () => {
    reported = false;
  });
  return redis;
}

export type { Redis as RedisConnection } from 'ioredis';

function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured URL';
  }
}
