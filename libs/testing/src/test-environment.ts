import { randomBytes } from 'node:crypto';
import { withClient } from './test-database';

/** The environment one test application runs in, and how to clean it up afterwards. */
export interface TestEnvironment {
  env: Record<string, string>;
  describe: string;
  cleanup(): Promise<void>;
}

/**
 * Embedded PGlite in memory and in-process jobs by default; with TEST_DATABASE_URL / TEST_REDIS_URL the real
 * servers, each run isolated in a fresh database and its own Redis key prefix.
 */
export async function prepareTestEnvironment(extra: Record<string, string> = {}): Promise<TestEnvironment> {
  const runId = `t${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const env: Record<string, string> = { VIGIL_DATA_DIR: 'memory', ADMIN_PASSWORD: TEST_ADMIN_PASSWORD, LOG_LEVEL: 'warn', ...extra };
  const cleanups: (() => Promise<void>)[] = [];
  const modes: string[] = [];

  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const database = `vigil_${runId}`;
    await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${database}`));
    const url = new URL(serverUrl);
    url.pathname = `/${database}`;
    env.DATABASE_URL = url.toString();
    modes.push(`PostgreSQL database ${database}`);
    cleanups.push(async () => {
      await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    });
  } else {
    modes.push('embedded PGlite');
  }

  const redisUrl = process.env.TEST_REDIS_URL;
  if (redisUrl) {
    env.REDIS_URL = redisUrl;
    env.VIGIL_QUEUE_PREFIX = `vigil-${runId}`;
    env.VIGIL_EMBEDDED_WORKER = 'true';
    modes.push(`BullMQ prefix ${env.VIGIL_QUEUE_PREFIX}`);
    cleanups.push(() => deleteRedisKeys(redisUrl, `${env.VIGIL_QUEUE_PREFIX}:*`));
  } else {
    modes.push('in-process jobs');
  }

  if (process.env.ELASTICSEARCH_URL) {
    // A spec may reach the node through a gate of its own (to cut it off mid-run).
    env.ELASTICSEARCH_URL = extra.ELASTICSEARCH_URL ?? process.env.ELASTICSEARCH_URL;
    env.VIGIL_SEARCH_INDEX_PREFIX = `vigil-${runId.toLowerCase()}-`;
    modes.push('Elasticsearch');
  }

  return {
    env,
    describe: modes.join(', '),
    cleanup: async () => {
      for (const cleanup of cleanups.reverse()) await cleanup();
    },
  };
}

export const TEST_ADMIN_PASSWORD = 'admin-test-passphrase';

/** Deletes every Redis key matching `pattern`: what a test run leaves behind under its own prefix. */
export async function deleteRedisKeys(redisUrl: string, pattern: string): Promise<void> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
