import { Logger } from '@nestjs/common';
import { runWithLogContext } from '@vigil/config';
import { JOB_NAMES, JOB_PRIORITIES, type JobName, type JobPayloads } from '@vigil/contracts';
import { Fifo } from './fifo';
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

interface PendingJob {
  name: JobName;
  payload: unknown;
  jobId: string | null;
  attempt: number;
  /** Arrival order, so jobs of equal priority but different names still run oldest first. */
  seq: number;
  /** When it joined its lane (Date.now()): what it waited for a worker is measured from here. */
  dueAt: number;
}

export interface InProcessJobQueueOptions extends JobQueueOptions {
  /**
   * Job names whose pending work PostgreSQL records and a sweep queues again (an outbox), with how many of each may
   * wait in memory. Past that, a new job of the name is not kept (the sweep brings it back, see onBacklogRoom), so a
   * backlog of 100,000 page fetches costs the memory of a few thousand.
   */
  backlogLimits?: Partial<Record<JobName, number>>;
}

/**
 * Single-process mode: jobs run in this process with bounded concurrency, by priority, and retries with backoff;
 * a deferred job (JobDeferral) waits on a timer, off the workers, and comes back as the same attempt.
 * One FIFO per job name: adding and taking a job cost O(1) whatever the backlog (there are a handful of names).
 */
export class InProcessJobQueue extends JobQueue {
  readonly mode = 'in-process' as const;
  private readonly logger = new Logger('InProcessJobQueue');
  private readonly handlers = new Map<JobName, JobHandler<JobName>>();
  private readonly waiting = new Map<JobName, Fifo<PendingJob>>(JOB_NAMES.map((name) => [name, new Fifo<PendingJob>()]));
  /** Ids of jobs waiting, waiting for a retry, or running. */
  private readonly knownIds = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Jobs waiting for their retry or deferral time. */
  private delayed = 0;
  private readonly running = new Set<Promise<void>>();
  private readonly concurrency: number;
  private readonly backoffMs: number;
  private readonly backlogLimits: Partial<Record<JobName, number>>;
  /** Names that left jobs out since their lane last drained to its low-water mark. */
  private readonly shedding = new Set<JobName>();
  private nextSeq = 0;
  private closed = false;

  constructor(options: InProcessJobQueueOptions) {
    super();
    this.concurrency = options.concurrency;
    this.backoffMs = options.backoffMs ?? JOB_BACKOFF_MS;
    this.backlogLimits = options.backlogLimits ?? {};
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options: EnqueueOptions = {}): Promise<void> {
    this.add(name, payload, options.jobId ?? null);
    this.pump();
  }

  async enqueueMany<N extends JobName>(name: N, jobs: JobToEnqueue<N>[]): Promise<void> {
    for (const job of jobs) this.add(name, job.payload, job.jobId ?? null);
    this.pump();
  }

  process<N extends JobName>(name: N, handler: JobHandler<N>): void {
    this.handlers.set(name, handler as JobHandler<JobName>);
    this.pump();
  }

  async repeat<N extends JobName>(name: N, payload: JobPayloads[N], everyMs: number): Promise<void> {
    const tick = () => void this.enqueue(name, payload, { jobId: `repeat-${name}` });
    tick();
    const timer = setInterval(tick, everyMs);
    this.timers.add(timer);
  }

  async depth(): Promise<QueueDepth> {
    let waiting = 0;
    for (const fifo of this.waiting.values()) waiting += fifo.size;
    return { waiting, delayed: this.delayed, active: this.running.size };
  }

  async ping(): Promise<void> {
    if (this.closed) throw new Error('The job queue is closed');
  }

  /** Waiting jobs are dropped: what they would have done is recovered from PostgreSQL at the next start. */
  async close(): Promise<void> {
    this.closed = true;
    this.timers.forEach((timer) => clearTimeout(timer));
    this.timers.clear();
    await Promise.allSettled([...this.running]);
  }

  private add(name: JobName, payload: unknown, jobId: string | null): void {
    if (this.closed || (jobId && this.knownIds.has(jobId))) return;
    const lane = this.waiting.get(name)!;
    const limit = this.backlogLimits[name];
    if (limit !== undefined && lane.size >= limit) {
      if (!this.shedding.has(name)) this.logger.log(`${limit} ${name} jobs wait in memory: further ones are left to the outbox sweep`);
      this.shedding.add(name);
      return;
    }
    if (jobId) this.knownIds.add(jobId);
    lane.push({ name, payload, jobId, attempt: 1, seq: this.nextSeq++, dueAt: Date.now() });
  }

  private pump(): void {
    while (!this.closed && this.running.size < this.concurrency) {
      const job = this.takeNext();
      if (!job) return;
      const run = this.run(job).finally(() => {
        this.running.delete(run);
        this.pump();
      });
      this.running.add(run);
    }
  }

  /** The oldest job of the most urgent priority that this process has a processor for. */
  private takeNext(): PendingJob | undefined {
    let best: Fifo<PendingJob> | undefined;
    let bestJob: PendingJob | undefined;
    for (const [name, fifo] of this.waiting) {
      const head = fifo.peek();
      if (!head || !this.handlers.has(name)) continue;
      const better =
        !bestJob || JOB_PRIORITIES[name] < JOB_PRIORITIES[bestJob.name] || (JOB_PRIORITIES[name] === JOB_PRIORITIES[bestJob.name] && head.seq < bestJob.seq);
      if (better) {
        best = fifo;
        bestJob = head;
      }
    }
    const job = best?.shift();
    if (job) this.noticeRoom(job.name, best!.size);
    return job;
  }

  private noticeRoom(name: JobName, waiting: number): void {
    if (!this.shedding.has(name) || waiting > Math.floor(this.backlogLimits[name]! / 10)) return;
    this.shedding.delete(name);
    this.reportBacklogRoom(name);
  }

  private async run(job: PendingJob): Promise<void> {
    const handler = this.handlers.get(job.name)!;
    const startedAt = Date.now();
    const report = (outcome: JobRun['outcome']) => this.reportRun({ name: job.name, waitedMs: startedAt - job.dueAt, ranMs: Date.now() - startedAt, outcome });
    try {
      const payload = parseJobPayload(job.name, job.payload);
      await runWithLogContext({ jobId: `${job.name}:${job.jobId ?? job.seq}` }, () => handler(payload, { attempt: job.attempt, finalAttempt: job.attempt >= JOB_ATTEMPTS }));
      this.forget(job);
      report('completed');
    } catch (caught) {
      if (caught instanceof JobDeferral) {
        report('deferred');
        this.deferLater(job, caught.delayMs);
        return;
      }
      report('failed');
      const error = caught instanceof Error ? caught : new Error(String(caught));
      const invalidPayload = error instanceof InvalidJobPayloadError;
      if (invalidPayload || job.attempt >= JOB_ATTEMPTS || this.closed) {
        this.forget(job);
        this.logger.error(`Job ${job.name} ${job.jobId ?? ''} failed after ${job.attempt} attempt(s): ${error.message}`);
        this.reportFailure({ name: job.name, jobId: job.jobId, attempts: job.attempt, error, invalidPayload });
        return;
      }
      this.requeueAfter({ ...job, attempt: job.attempt + 1 }, this.backoffMs * 2 ** (job.attempt - 1));
    }
  }

  /** The same attempt again later; its id stays known meanwhile. A deferral at close is dropped like a waiting job. */
  private deferLater(job: PendingJob, delayMs: number): void {
    if (this.closed) this.forget(job);
    else this.requeueAfter(job, delayMs);
  }

  /** Joins the back of its lane once the delay is over: a waiting job holds a timer, not a worker. */
  private requeueAfter(job: PendingJob, delayMs: number): void {
    this.delayed += 1;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.delayed -= 1;
      this.waiting.get(job.name)!.push({ ...job, seq: this.nextSeq++, dueAt: Date.now() });
      this.pump();
    }, Math.max(0, delayMs));
    this.timers.add(timer);
  }

  private forget(job: PendingJob): void {
    if (job.jobId) this.knownIds.delete(job.jobId);
  }
}
