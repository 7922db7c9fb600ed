import { Logger } from '@nestjs/common';
import type { JobName, JobPayloads } from '@vigil/contracts';
import { Queue, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { EnqueueOptions, JOB_ATTEMPTS, JOB_BACKOFF_MS, JobHandler, JobQueue } from './job-queue';

const QUEUE_NAME = 'jobs';

export interface BullMqOptions {
  redisUrl: string;
  /** Prefix of every Redis key, isolating deployments and test runs that share a Redis. */
  prefix: string;
  concurrency: number;
}

/** Shared-queue mode: jobs go through Redis and any ingestor process may run them. */
export class BullMqJobQueue extends JobQueue {
  readonly mode = 'bullmq' as const;
  private readonly logger = new Logger('BullMqJobQueue');
  private readonly connection: Redis;
  private readonly queue: Queue;
  private readonly handlers = new Map<JobName, (payload: unknown) => Promise<void>>();
  private worker: Worker | null = null;
  private workerConnection: Redis | null = null;

  constructor(private readonly options: BullMqOptions) {
    super();
    // BullMQ requires maxRetriesPerRequest: null so blocked workers survive a Redis restart.
    this.connection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
    this.queue = new Queue(QUEUE_NAME, { connection: this.connection, prefix: options.prefix });
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options: EnqueueOptions = {}): Promise<void> {
    await this.queue.add(name, payload, {
      jobId: options.jobId,
      attempts: JOB_ATTEMPTS,
      backoff: { type: 'exponential', delay: JOB_BACKOFF_MS },
      removeOnComplete: { count: 1000 },
      removeOnFail: { count: 5000 },
    });
  }

  process<N extends JobName>(name: N, handler: JobHandler<N>): void {
    this.handlers.set(name, handler as (payload: unknown) => Promise<void>);
    this.worker ??= this.startWorker();
  }

  async repeat<N extends JobName>(name: N, payload: JobPayloads[N], everyMs: number): Promise<void> {
    await this.queue.upsertJobScheduler(`every-${name}`, { every: everyMs }, { name, data: payload });
  }

  async ping(): Promise<void> {
    await this.connection.ping();
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
    // Connections handed to BullMQ stay open until their owner closes them.
    this.workerConnection?.disconnect();
    this.connection.disconnect();
  }

  private startWorker(): Worker {
    this.workerConnection = this.connection.duplicate({ maxRetriesPerRequest: null });
    const worker = new Worker(
      QUEUE_NAME,
      async (job) => {
        const handler = this.handlers.get(job.name as JobName);
        if (!handler) throw new UnrecoverableError(`No processor for job ${job.name}`);
        await handler(job.data);
      },
      {
        connection: this.workerConnection,
        prefix: this.options.prefix,
        concurrency: this.options.concurrency,
      },
    );
    worker.on('failed', (job, error) => this.logger.warn(`Job ${job?.name} ${job?.id} failed: ${error.message}`));
    return worker;
  }
}
