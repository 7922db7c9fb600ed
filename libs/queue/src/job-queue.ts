import { JOB_PAYLOAD_SCHEMAS, type JobName, type JobPayloads } from '@vigil/contracts';

/** What a processor knows of the run it is in: on the final attempt a failure is for good. */
export interface JobContext {
  /** 1 for the first run. */
  attempt: number;
  finalAttempt: boolean;
}

export type JobHandler<N extends JobName> = (payload: JobPayloads[N], context: JobContext) => Promise<void>;

export interface EnqueueOptions {
  /**
   * Deterministic id: a job with this id that is waiting, delayed (between retries) or running is not added again.
   * Once it has completed or failed for good, adding the id again runs it again.
   */
  jobId?: string;
}

export interface JobToEnqueue<N extends JobName> extends EnqueueOptions {
  payload: JobPayloads[N];
}

/** A job that failed for good: it will not run again unless it is added again. */
export interface JobFailure {
  name: string;
  jobId: string | null;
  attempts: number;
  error: Error;
  /** The payload did not match its schema in @vigil/contracts: the job never reached its processor. */
  invalidPayload: boolean;
}

/** One run of a job in this process, for metrics: how long it waited after it became due, and how long it ran. */
export interface JobRun {
  name: JobName;
  waitedMs: number;
  ranMs: number;
  /** `deferred`: the processor put it back for later (JobDeferral); `failed` counts every failed attempt. */
  outcome: 'completed' | 'failed' | 'deferred';
}

/** Jobs not finished yet: due and waiting for a worker, waiting for their time (retries, deferrals), running. */
export interface QueueDepth {
  waiting: number;
  delayed: number;
  active: number;
}

export interface JobQueueOptions {
  concurrency: number;
  /** Delay before the first retry; each further retry waits twice as long. */
  backoffMs?: number;
}

/**
 * The one way Vigil runs background work. In-process without Redis, BullMQ with it;
 * processors are the same functions in both modes. Jobs run by priority (JOB_PRIORITIES), oldest first within one.
 */
export abstract class JobQueue {
  abstract readonly mode: 'in-process' | 'bullmq';
  private readonly failureListeners: ((failure: JobFailure) => void)[] = [];
  private readonly runListeners: ((run: JobRun) => void)[] = [];
  private readonly roomListeners: ((name: JobName) => void)[] = [];

  abstract enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options?: EnqueueOptions): Promise<void>;
  /** Adds many jobs of one name at once (one round trip in BullMQ); ids dedupe as in `enqueue`. */
  abstract enqueueMany<N extends JobName>(name: N, jobs: JobToEnqueue<N>[]): Promise<void>;
  /** Starts consuming jobs of this name in this process. */
  abstract process<N extends JobName>(name: N, handler: JobHandler<N>): void;
  /** Runs a job every `everyMs`; declaring the same schedule from several processes keeps one schedule. */
  abstract repeat<N extends JobName>(name: N, payload: JobPayloads[N], everyMs: number): Promise<void>;
  /** The whole queue's depth (in BullMQ mode, every process's jobs). */
  abstract depth(): Promise<QueueDepth>;
  /** Throws when jobs cannot be queued; used by the health check. */
  abstract ping(): Promise<void>;
  /** Checked before anything is enqueued; throws when this queue must not be used (a Redis that evicts keys). */
  async assertUsable(): Promise<void> {}
  /** Stops taking jobs and waits for running ones to finish. */
  abstract close(): Promise<void>;

  /** Called for every job of this process that fails for good (after its retries, or at once for a bad payload). */
  onFailed(listener: (failure: JobFailure) => void): void {
    this.failureListeners.push(listener);
  }

  protected reportFailure(failure: JobFailure): void {
    for (const listener of this.failureListeners) listener(failure);
  }

  /** Called after every run of a job in this process (metrics). */
  onRun(listener: (run: JobRun) => void): void {
    this.runListeners.push(listener);
  }

  protected reportRun(run: JobRun): void {
    for (const listener of this.runListeners) listener(run);
  }

  /**
   * Called when a job name that left jobs out of memory (its in-process backlog limit) has drained to a tenth of that
   * limit: whoever records that work in PostgreSQL queues it again (the outbox sweep). Never called in BullMQ mode.
   */
  onBacklogRoom(listener: (name: JobName) => void): void {
    this.roomListeners.push(listener);
  }

  protected reportBacklogRoom(name: JobName): void {
    for (const listener of this.roomListeners) listener(name);
  }
}

export const JOB_ATTEMPTS = 3;
export const JOB_BACKOFF_MS = 1000;

/**
 * Thrown by a processor that cannot make progress yet (its site's turn is later): the queue runs the job again after
 * `delayMs` without holding a worker meanwhile. Not a failure: the attempt is not counted, no backoff grows, onFailed
 * is not told, and the job keeps its id (adding it again while it waits is a no-op). A processor must throw it before
 * it has done anything that a re-run would do twice, or be idempotent anyway (jobs are).
 */
export class JobDeferral extends Error {
  override readonly name: string = 'JobDeferral';

  constructor(
    readonly delayMs: number,
    message = `Deferred for ${delayMs} ms`,
  ) {
    super(message);
  }
}

export class InvalidJobPayloadError extends Error {
  override readonly name = 'InvalidJobPayloadError';
}

/** Checks a payload against its job's schema; throws InvalidJobPayloadError naming what is wrong. */
export function parseJobPayload<N extends JobName>(name: N, payload: unknown): JobPayloads[N] {
  const schema = JOB_PAYLOAD_SCHEMAS[name] as (typeof JOB_PAYLOAD_SCHEMAS)[JobName] | undefined;
  if (!schema) throw new InvalidJobPayloadError(`Unknown job ${JSON.stringify(name)}`);
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(payload)'}: ${issue.message}`);
    throw new InvalidJobPayloadError(`Invalid payload for job ${name} — ${problems.join('; ')}`);
  }
  return parsed.data as JobPayloads[N];
}
