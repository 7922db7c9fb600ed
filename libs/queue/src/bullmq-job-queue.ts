import { Logger } from '@nestjs/common';
import { runWithLogContext } from '@vigil/config';
import { JOB_PRIORITIES, type JobName, type JobPayloads } from '@vigil/contracts';
import { DelayedError, type Job, type JobsOptions, Queue, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import {
  EnqueueOptions,
  InvalidJobPayloadError,
  JOB_ATTEMPTS,
  JOB_BACKOFF_MS,
  JobDeferral,
  JobHandler,
  JobQueue,
  type JobQueueOptions,
  type JobRun,
  type QueueDepth,
  type JobToEnqueue,
  parseJobPayload,
} from './job-queue';

const QUEUE_NAME = 'jobs';
// One MULTI per this many jobs: large enough to amortise the round trip, small enough not to stall Redis.
const BULK_CHUNK = 1000;

export interface BullMqOptions extends JobQueueOptions {
  redisUrl: string;
  /** Prefix of every Redis key, isolating deployments and test runs that share a Redis. */
  prefix: string;
}

// How long a start waits for Redis to say its eviction policy before going on without it.
const EVICTION_CHECK_TIMEOUT_MS = 2000;

function evictionRefusal(policy: string): string {
  return `Redis maxmemory-policy is ${policy}: BullMQ needs noeviction, or queued jobs can be evicted (set maxmemory-policy noeviction)`;
}

/** A bad payload is not retried: BullMQ fails an UnrecoverableError at once. */
class InvalidPayloadFailure extends UnrecoverableError {}

/**
 * Shared-queue mode: jobs go through Redis and any ingestor process may run them. One queue; lanes are BullMQ
 * priorities (JOB_PRIORITIES), which it keeps in a sorted set: O(log n) per job, FIFO within a priority.
 */
export class BullMqJobQueue extends JobQueue {
  readonly mode = 'bullmq' as const;
  private readonly logger = new Logger('BullMqJobQueue');
  private readonly connection: Redis;
  private readonly queue: Queue;
  private readonly handlers = new Map<JobName, JobHandler<JobName>>();
  private readonly backoffMs: number;
  private worker: Worker | null = null;
  private workerConnection: Redis | null = null;
  /** Every job scheduler this process registered, to register again when Redis comes back without them. */
  private readonly schedulers = new Map<string, () => Promise<void>>();
  private connectedBefore = false;

  constructor(private readonly options: BullMqOptions) {
    super();
    this.backoffMs = options.backoffMs ?? JOB_BACKOFF_MS;
    // BullMQ requires maxRetriesPerRequest: null so blocked workers survive a Redis restart.
    this.connection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
    this.queue = new Queue(QUEUE_NAME, { connection: this.connection, prefix: options.prefix });
    this.queue.on('error', (error) => this.logger.error(`Queue error: ${error.message}`));
    // A Redis restarted without persistence (or failed over to an empty replica) has lost the job schedulers, and
    // nothing would tick again: each reconnection registers them again (upserting one is idempotent). Lost
    // waiting jobs need nothing here: the due-source scheduler and the outbox sweep find their work in PostgreSQL.
    this.connection.on('ready', () => {
      if (!this.connectedBefore) {
        this.connectedBefore = true;
        return;
      }
      for (const [id, register] of this.schedulers) {
        register().catch((error: Error) => this.logger.warn(`Could not register job scheduler ${id} again: ${error.message}`));
      }
    });
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options: EnqueueOptions = {}): Promise<void> {
    await this.queue.add(name, payload, this.jobOptions(name, options.jobId));
  }

  async enqueueMany<N extends JobName>(name: N, jobs: JobToEnqueue<N>[]): Promise<void> {
    for (let start = 0; start < jobs.length; start += BULK_CHUNK) {
      const chunk = jobs.slice(start, start + BULK_CHUNK);
      await this.queue.addBulk(chunk.map((job) => ({ name, data: job.payload, opts: this.jobOptions(name, job.jobId) })));
    }
  }

  process<N extends JobName>(name: N, handler: JobHandler<N>): void {
    this.handlers.set(name, handler as JobHandler<JobName>);
    this.worker ??= this.startWorker();
  }

  async repeat<N extends JobName>(name: N, payload: JobPayloads[N], everyMs: number): Promise<void> {
    const id = `every-${name}`;
    const register = async () => {
      await this.queue.upsertJobScheduler(id, { every: everyMs }, { name, data: payload, opts: this.jobOptions(name, undefined) });
    };
    this.schedulers.set(id, register);
    await register();
  }

  /**
   * Refuses a Redis that may evict keys: an evicted job is a job lost without a trace (BullMQ requires noeviction).
   * A managed Redis that does not let clients read its configuration is taken on trust, with a warning. A Redis that
   * is down at start does not stop the start (sign-in must still answer 503): it is checked once it answers.
   */
  override async assertUsable(): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unanswered = new Promise<'unanswered'>((resolve) => {
      timer = setTimeout(() => resolve('unanswered'), EVICTION_CHECK_TIMEOUT_MS);
    });
    const policy = await Promise.race([this.evictionPolicy(), unanswered]).finally(() => clearTimeout(timer));
    if (policy === 'unanswered') {
      this.logger.warn('Redis did not answer at start: its maxmemory-policy is checked once it does');
      this.connection.once('ready', () => {
        void this.evictionPolicy().then((later) => {
          if (later !== null && later !== 'noeviction') this.logger.error(evictionRefusal(later));
        });
      });
      return;
    }
    if (policy !== null && policy !== 'noeviction') throw new Error(evictionRefusal(policy));
  }

  /** Redis' maxmemory-policy, or null when it will not say. */
  private async evictionPolicy(): Promise<string | null> {
    try {
      const answer = (await this.connection.config('GET', 'maxmemory-policy')) as string[];
      return answer[1] ?? null;
    } catch (error) {
      this.logger.warn(`Could not read Redis' maxmemory-policy (${(error as Error).message}): make sure it is noeviction`);
      return null;
    }
  }

  async depth(): Promise<QueueDepth> {
    const counts = await this.queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active');
    return { waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0), delayed: counts.delayed ?? 0, active: counts.active ?? 0 };
  }

  async ping(): Promise<void> {
    await this.connection.ping();
  }

  /** Waits for active jobs to finish (BullMQ's graceful close); waiting ones stay in Redis for any worker. */
  async close(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
    // Connections handed to BullMQ stay open until their owner closes them.
    this.workerConnection?.disconnect();
    this.connection.disconnect();
  }

  /**
   * A job under a deterministic id is removed once it completes or fails for good. BullMQ ignores adding an id it
   * still holds, in any state: a failed poll kept under `collect-<source>-<due>` would block that poll forever.
   * Failures stay visible in the log and through onFailed; anonymous jobs keep a bounded history.
   */
  private jobOptions(name: JobName, jobId: string | undefined): JobsOptions {
    return {
      jobId,
      priority: JOB_PRIORITIES[name],
      attempts: JOB_ATTEMPTS,
      backoff: { type: 'exponential', delay: this.backoffMs },
      removeOnComplete: jobId ? true : { count: 1000 },
      removeOnFail: jobId ? true : { count: 5000 },
    };
  }

  private startWorker(): Worker {
    this.workerConnection = this.connection.duplicate({ maxRetriesPerRequest: null });
    const worker = new Worker(QUEUE_NAME, (job, token) => this.run(job, token), {
      connection: this.workerConnection,
      prefix: this.options.prefix,
      concurrency: this.options.concurrency,
    });
    worker.on('failed', (job, error) => {
      const attempts = job?.attemptsMade ?? 0;
      const final = error instanceof UnrecoverableError || attempts >= (job?.opts.attempts ?? 1);
      if (!final) {
        this.logger.warn(`Job ${job?.name} ${job?.id} failed (attempt ${attempts}), retrying: ${error.message}`);
        return;
      }
      this.logger.error(`Job ${job?.name} ${job?.id} failed after ${attempts} attempt(s): ${error.message}`);
      this.reportFailure({ name: job?.name ?? 'unknown', jobId: job?.id ?? null, attempts, error, invalidPayload: error instanceof InvalidPayloadFailure });
    });
    worker.on('error', (error) => this.logger.error(`Worker error: ${error.message}`));
    return worker;
  }

  private async run(job: Job, token: string | undefined): Promise<void> {
    const name = job.name as JobName;
    const handler = this.handlers.get(name);
    if (!handler) throw new UnrecoverableError(`No processor for job ${job.name}`);
    let payload: JobPayloads[JobName];
    try {
      payload = parseJobPayload(name, job.data);
    } catch (error) {
      if (error instanceof InvalidJobPayloadError) throw new InvalidPayloadFailure(error.message);
      throw error;
    }
    const attempt = job.attemptsMade + 1;
    const startedAt = Date.now();
    // Due at its timestamp, or once its delay (retry backoff, deferral) was over.
    const waitedMs = Math.max(0, startedAt - job.timestamp - (job.delay ?? 0));
    const report = (outcome: JobRun['outcome']) => this.reportRun({ name, waitedMs, ranMs: Date.now() - startedAt, outcome });
    try {
      await runWithLogContext({ jobId: `${name}:${job.id}` }, () => handler(payload, { attempt, finalAttempt: attempt >= (job.opts.attempts ?? 1) }));
      report('completed');
    } catch (error) {
      report(error instanceof JobDeferral ? 'deferred' : 'failed');
      if (!(error instanceof JobDeferral)) throw error;
      // Back to the delayed set under its lock, attempt not counted (skipAttempt); DelayedError tells the worker the
      // job has moved, so it neither completes nor fails it. Promoted at its time, it keeps its priority.
      await job.moveToDelayed(Date.now() + Math.max(0, error.delayMs), token);
      throw new DelayedError(error.message);
    }
  }
}
