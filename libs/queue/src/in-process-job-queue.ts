import { Logger } from '@nestjs/common';
import type { JobName, JobPayloads } from '@vigil/contracts';
import { EnqueueOptions, JOB_ATTEMPTS, JOB_BACKOFF_MS, JobHandler, JobQueue } from './job-queue';

interface PendingJob {
  name: JobName;
  payload: unknown;
  jobId: string | null;
  attempt: number;
}

/** Single-process mode: jobs run in this process with bounded concurrency and retries with backoff. */
export class InProcessJobQueue extends JobQueue {
  readonly mode = 'in-process' as const;
  private readonly logger = new Logger('InProcessJobQueue');
  private readonly handlers = new Map<JobName, (payload: unknown) => Promise<void>>();
  private readonly waiting: PendingJob[] = [];
  private readonly knownIds = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private closed = false;

  constructor(private readonly concurrency: number) {
    super();
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options: EnqueueOptions = {}): Promise<void> {
    const jobId = options.jobId ?? null;
    if (this.closed || (jobId && this.knownIds.has(jobId))) return;
    if (jobId) this.knownIds.add(jobId);
    this.waiting.push({ name, payload, jobId, attempt: 1 });
    this.pump();
  }

  process<N extends JobName>(name: N, handler: JobHandler<N>): void {
    this.handlers.set(name, handler as (payload: unknown) => Promise<void>);
    this.pump();
  }

  async repeat<N extends JobName>(name: N, payload: JobPayloads[N], everyMs: number): Promise<void> {
    const tick = () => void this.enqueue(name, payload, { jobId: `repeat-${name}` });
    tick();
    const timer = setInterval(tick, everyMs);
    this.timers.add(timer);
  }

  async ping(): Promise<void> {
    if (this.closed) throw new Error('The job queue is closed');
  }

  async close(): Promise<void> {
    this.closed = true;
    this.timers.forEach((timer) => clearTimeout(timer));
    this.timers.clear();
    await Promise.allSettled([...this.running]);
  }

  private pump(): void {
    while (!this.closed && this.running.size < this.concurrency) {
      const index = this.waiting.findIndex((job) => this.handlers.has(job.name));
      if (index < 0) return;
      const [job] = this.waiting.splice(index, 1);
      const run = this.run(job).finally(() => {
        this.running.delete(run);
        this.pump();
      });
      this.running.add(run);
    }
  }

  private async run(job: PendingJob): Promise<void> {
    const handler = this.handlers.get(job.name);
    try {
      await handler?.(job.payload);
      if (job.jobId) this.knownIds.delete(job.jobId);
    } catch (error) {
      if (job.attempt >= JOB_ATTEMPTS || this.closed) {
        if (job.jobId) this.knownIds.delete(job.jobId);
        this.logger.error(`Job ${job.name} failed after ${job.attempt} attempts: ${(error as Error).message}`);
        return;
      }
      const delay = JOB_BACKOFF_MS * 2 ** (job.attempt - 1);
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.waiting.push({ ...job, attempt: job.attempt + 1 });
        this.pump();
      }, delay);
      this.timers.add(timer);
    }
  }
}
