import type { JobName, JobPayloads } from '@vigil/contracts';

export type JobHandler<N extends JobName> = (payload: JobPayloads[N]) => Promise<void>;

export interface EnqueueOptions {
  /** Deterministic id: a job already waiting or running with this id is not added again. */
  jobId?: string;
}

/**
 * The one way Vigil runs background work. In-process without Redis, BullMQ with it;
 * processors are the same functions in both modes.
 */
export abstract class JobQueue {
  abstract readonly mode: 'in-process' | 'bullmq';
  abstract enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options?: EnqueueOptions): Promise<void>;
  /** Starts consuming jobs of this name in this process. */
  abstract process<N extends JobName>(name: N, handler: JobHandler<N>): void;
  /** Runs a job every `everyMs`; declaring the same schedule from several processes keeps one schedule. */
  abstract repeat<N extends JobName>(name: N, payload: JobPayloads[N], everyMs: number): Promise<void>;
  /** Throws when jobs cannot be queued; used by the health check. */
  abstract ping(): Promise<void>;
  /** Stops taking jobs and lets running ones finish. */
  abstract close(): Promise<void>;
}

export const JOB_ATTEMPTS = 3;
export const JOB_BACKOFF_MS = 1000;
