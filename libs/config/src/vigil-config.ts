import { isCommonPassword } from '@vigil/domain';
import { z } from 'zod';

const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : undefined))
    .refine((value) => value === undefined || protocols.some((p) => value.startsWith(`${p}//`)), {
      message: `must be a URL starting with ${protocols.join(' or ')}//`,
    });

const flag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((value) => (value === undefined ? undefined : value === 'true' || value === '1'));

/**
 * Every environment variable Vigil reads, validated once at start.
 * Unset infrastructure variables select the embedded defaults (PGlite, in-process jobs, PostgreSQL search).
 */
const environmentSchema = z.object({
  /** HTTP port of the API and console. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to listen on; 0.0.0.0 inside containers. */
  HOST: z.string().default('0.0.0.0'),
  /** PostgreSQL server; unset → embedded PGlite persisted under VIGIL_DATA_DIR. */
  DATABASE_URL: optionalUrl(['postgres:', 'postgresql:']),
  /** Where embedded data lives; `memory` keeps the embedded database in memory (tests). */
  VIGIL_DATA_DIR: z.string().default('./data'),
  /**
   * How often the embedded database's tables are checked against autovacuum's thresholds and vacuumed or analysed
   * when due, in seconds (autovacuum's own naptime is a minute). PGlite has no autovacuum of its own.
   */
  VIGIL_EMBEDDED_MAINTENANCE_SEC: z.coerce.number().int().min(1).max(86_400).default(60),
  /** Redis for BullMQ queues; unset → jobs run in-process. */
  REDIS_URL: optionalUrl(['redis:', 'rediss:']),
  /** Key prefix of every BullMQ key, so several deployments or test runs can share one Redis. */
  VIGIL_QUEUE_PREFIX: z.string().regex(/^[\w.-]+$/).default('vigil'),
  /** Whether this API process also runs collection workers; defaults to true without Redis. */
  VIGIL_EMBEDDED_WORKER: flag,
  /** Jobs one process runs at once. */
  VIGIL_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** How often due sources are looked for, in seconds. */
  VIGIL_SCHEDULER_TICK_SEC: z.coerce.number().int().min(1).max(3600).default(30),
  /** Elasticsearch; unset → PostgreSQL full-text search. */
  ELASTICSEARCH_URL: optionalUrl(['http:', 'https:']),
  /** Prefix of Vigil's Elasticsearch indexes and aliases. */
  VIGIL_SEARCH_INDEX_PREFIX: z.string().regex(/^[a-z0-9_.-]*$/).default('vigil-'),
  /** Hosts and CIDR ranges the fetcher may reach even when the SSRF guard would refuse them. */
  VIGIL_FETCH_ALLOWLIST: z
    .string()
    .optional()
    .transform((value) => (value ?? '').split(',').map((entry) => entry.trim()).filter(Boolean)),
  /** Contact URL placed in Vigil's User-Agent so site owners can reach the operator. */
  VIGIL_CONTACT_URL: z.string().url().default('https://example.gov.vn/vigil'),
  /** The office Vigil works for, as published rebuttals name their author (ClaimReview `author`, templates' {{office_name}}). */
  VIGIL_OFFICE_NAME: z.string().trim().min(1).max(200).default('Sở Thông tin và Truyền thông'),
  /** How often watched items are re-fetched to catch edits and takedowns, in seconds. */
  VIGIL_WATCH_INTERVAL_SEC: z.coerce.number().int().min(1).max(7 * 86_400).default(3600),
  VIGIL_SPIKE_BUCKET_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(10),
  VIGIL_SPIKE_HISTORY_BUCKETS: z.coerce.number().int().min(3).max(1000).default(36),
  VIGIL_SPIKE_Z_SCORE: z.coerce.number().positive().max(100).default(3),
  VIGIL_SPIKE_MIN_COUNT: z.coerce.number().int().min(1).max(100_000).default(5),
  VIGIL_SPIKE_COOLDOWN_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(60),
  /** Most new items one poll of a source stores; the rest are stored by the next poll, which comes early. */
  VIGIL_POLL_MAX_NEW_ITEMS: z.coerce.number().int().min(1).max(100_000).default(500),
  /** How often pending work recorded in PostgreSQL (items not yet enriched or indexed) is queued again, in seconds. */
  VIGIL_OUTBOX_SWEEP_SEC: z.coerce.number().int().min(1).max(86_400).default(60),
  /**
   * How often due case deadlines are looked for, in seconds: a deadline fires at most this long after its time (2 by
   * default, within the 5 s the SLA promises). Fractions allowed, for tests.
   */
  VIGIL_DEADLINE_TICK_SEC: z.coerce.number().min(0.05).max(60).default(2),
  /** Length of a digest period of lower-tier (non-critical) flags, in minutes; periods align to it in UTC (default 60). */
  VIGIL_DIGEST_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(60),
  /** How long a rotated webhook secret still signs deliveries beside the new one, in hours (default 24). */
  VIGIL_WEBHOOK_SECRET_GRACE_HOURS: z.coerce.number().min(0).max(30 * 24).default(24),
  /** First wait before a failed webhook delivery is tried again, in seconds; later waits are 6, 30 and 180 times it. */
  VIGIL_WEBHOOK_BACKOFF_SEC: z.coerce.number().positive().max(3600).default(10),
  /** Most bytes read from one feed or page, in MiB (compressed and decompressed alike). */
  VIGIL_FETCH_MAX_MIB: z.coerce.number().positive().max(100).default(15),
  /** Overall deadline of one fetch, redirects included, in seconds. */
  VIGIL_FETCH_TIMEOUT_SEC: z.coerce.number().positive().max(300).default(20),
  /** Requests at once to one site, and the least time between two of them, in milliseconds. */
  VIGIL_HOST_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  VIGIL_HOST_INTERVAL_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  /** Worker threads that parse feeds, extract articles and sanitise snapshots, off the event loop; unset → one fewer than the cores (at least 1, at most 4). */
  VIGIL_PARSE_THREADS: z.preprocess((value) => (value === '' ? undefined : value), z.coerce.number().int().min(1).max(32).optional()),
  /** Longest one parsing task may run before its thread is stopped and the item or source marked failing, in seconds. */
  VIGIL_PARSE_TIMEOUT_SEC: z.coerce.number().positive().max(600).default(60),
  /** Password of the first `admin` user, not one of the most common passwords; unset → a one-time password is generated and logged once. */
  ADMIN_PASSWORD: z
    .string()
    .min(8, 'must be at least 8 characters')
    .refine((value) => !isCommonPassword(value), 'is one of the most common passwords: choose another')
    .optional(),
  /** Absolute lifetime of a login session, in hours. */
  VIGIL_SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  /**
   * A session unused for this many minutes ends (401 `session_expired`). 60 by default: a duty officer who watches the
   * live screen or steps away for a briefing stays signed in, a console left open overnight does not.
   */
  VIGIL_SESSION_IDLE_MINUTES: z.coerce.number().positive().max(24 * 60).default(60),
  /**
   * Mark the session cookie Secure (sent over HTTPS only): `auto` whenever the request came over HTTPS, which behind a
   * TLS-terminating proxy needs VIGIL_TRUST_PROXY so its X-Forwarded-Proto counts; `true` always; `false` never.
   */
  VIGIL_COOKIE_SECURE: z
    .enum(['auto', 'true', 'false', '1', '0'])
    .default('auto')
    .transform((value) => (value === 'auto' ? ('auto' as const) : value === 'true' || value === '1')),
  /**
   * Proxies in front of the API whose X-Forwarded-For, -Proto and -Host are believed (client address for the sign-in
   * limit, HTTPS for the cookie, origin for the cross-site check): `false`, a hop count, or a comma-separated list
   * of addresses, CIDR ranges and the names loopback, linklocal, uniquelocal.
   */
  VIGIL_TRUST_PROXY: z
    .string()
    .trim()
    .default('false')
    .transform((value) => (value === '' ? 'false' : value))
    .pipe(
      z.union([
        z.literal('false').transform(() => false as const),
        z.string().regex(/^\d{1,2}$/).transform(Number),
        z
          .string()
          .transform((value) => value.split(',').map((entry) => entry.trim()).filter(Boolean))
          .pipe(z.array(z.union([z.enum(['loopback', 'linklocal', 'uniquelocal']), z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()])).min(1)),
      ]),
    ),
  /** Directory of the built console; unset → apps/console/dist. */
  VIGIL_CONSOLE_DIR: z.string().optional(),
  /** When set, GET /metrics asks for `Authorization: Bearer <token>` (Prometheus' `authorization` setting). */
  VIGIL_METRICS_TOKEN: z
    .string()
    .optional()
    .transform((value) => value || undefined)
    .refine((value) => value === undefined || value.length >= 16, { message: 'at least 16 characters, or unset' }),
  /** The ingestor's own /metrics port (it has no HTTP API); unset: the ingestor serves none. */
  VIGIL_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['text', 'json']).default('text'),
});

export type VigilConfig = ReturnType<typeof toConfig>;

export class ConfigurationError extends Error {}

/** Reads the environment; throws one message naming every bad variable. */
export function loadConfig(environment: NodeJS.ProcessEnv): VigilConfig {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigurationError(`Invalid configuration — ${problems.join('; ')}`);
  }
  return toConfig(parsed.data);
}

function toConfig(env: z.infer<typeof environmentSchema>) {
  return {
    port: env.PORT,
    host: env.HOST,
    database: env.DATABASE_URL
      ? ({ mode: 'server', url: env.DATABASE_URL } as const)
      : ({ mode: 'embedded', dataDir: env.VIGIL_DATA_DIR === 'memory' ? null : env.VIGIL_DATA_DIR, maintenanceMs: env.VIGIL_EMBEDDED_MAINTENANCE_SEC * 1000 } as const),
    queue: {
      redisUrl: env.REDIS_URL ?? null,
      prefix: env.VIGIL_QUEUE_PREFIX,
      concurrency: env.VIGIL_WORKER_CONCURRENCY,
      schedulerTickMs: env.VIGIL_SCHEDULER_TICK_SEC * 1000,
    },
    runsWorkers: env.VIGIL_EMBEDDED_WORKER ?? !env.REDIS_URL,
    search: { elasticsearchUrl: env.ELASTICSEARCH_URL ?? null, indexPrefix: env.VIGIL_SEARCH_INDEX_PREFIX },
    fetch: {
      allowlist: env.VIGIL_FETCH_ALLOWLIST,
      contactUrl: env.VIGIL_CONTACT_URL,
      maxBytes: Math.round(env.VIGIL_FETCH_MAX_MIB * 1024 * 1024),
      timeoutMs: env.VIGIL_FETCH_TIMEOUT_SEC * 1000,
      hostConcurrency: env.VIGIL_HOST_CONCURRENCY,
      hostIntervalMs: env.VIGIL_HOST_INTERVAL_MS,
    },
    collection: {
      watchIntervalMs: env.VIGIL_WATCH_INTERVAL_SEC * 1000,
      maxNewItemsPerPoll: env.VIGIL_POLL_MAX_NEW_ITEMS,
      outboxSweepMs: env.VIGIL_OUTBOX_SWEEP_SEC * 1000,
    },
    spikes: {
      bucketMs: env.VIGIL_SPIKE_BUCKET_MINUTES * 60_000,
      historyBuckets: env.VIGIL_SPIKE_HISTORY_BUCKETS,
      zScore: env.VIGIL_SPIKE_Z_SCORE,
      minCount: env.VIGIL_SPIKE_MIN_COUNT,
      cooldownMs: env.VIGIL_SPIKE_COOLDOWN_MINUTES * 60_000,
    },
    deadlines: { tickMs: Math.round(env.VIGIL_DEADLINE_TICK_SEC * 1000) },
    digest: { intervalMs: env.VIGIL_DIGEST_INTERVAL_MINUTES * 60_000 },
    webhooks: { backoffMs: Math.round(env.VIGIL_WEBHOOK_BACKOFF_SEC * 1000), secretGraceMs: Math.round(env.VIGIL_WEBHOOK_SECRET_GRACE_HOURS * 3600 * 1000) },
    parsing: { threads: env.VIGIL_PARSE_THREADS ?? null, timeoutMs: env.VIGIL_PARSE_TIMEOUT_SEC * 1000 },
    auth: {
      adminPassword: env.ADMIN_PASSWORD ?? null,
      sessionTtlMs: env.VIGIL_SESSION_TTL_HOURS * 3600 * 1000,
      sessionIdleMs: env.VIGIL_SESSION_IDLE_MINUTES * 60 * 1000,
      secureCookie: env.VIGIL_COOKIE_SECURE,
    },
    http: {
      /** Express's `trust proxy` value. */
      trustProxy: env.VIGIL_TRUST_PROXY,
    },
    officeName: env.VIGIL_OFFICE_NAME,
    consoleDir: env.VIGIL_CONSOLE_DIR ?? null,
    metrics: { token: env.VIGIL_METRICS_TOKEN ?? null, ingestorPort: env.VIGIL_METRICS_PORT ?? null },
    logLevel: env.LOG_LEVEL,
    logFormat: env.LOG_FORMAT,
  };
}
