import { BeforeApplicationShutdown, Global, Inject, Logger, Module, OnModuleInit } from '@nestjs/common';
import { VIGIL_CONFIG, type VigilConfig } from '@vigil/config';
import { InProcessJobQueue } from './in-process-job-queue';
import { JobQueue } from './job-queue';

/**
 * Pending page fetches are recorded in PostgreSQL (items with no enriched_at) and swept back into the queue, so in
 * memory a single process keeps only this many waiting; Redis keeps every job in BullMQ mode.
 */
const IN_MEMORY_BACKLOG_LIMITS = { 'enrich-item': 5_000 };

@Global()
@Module({
  providers: [
    {
      provide: JobQueue,
      inject: [VIGIL_CONFIG],
      useFactory: async (config: VigilConfig): Promise<JobQueue> => {
        const { redisUrl, prefix, concurrency } = config.queue;
        if (!redisUrl) {
          new Logger('QueueModule').log('Single-process mode: jobs run in this process (set REDIS_URL to share them)');
          return new InProcessJobQueue({ concurrency, backlogLimits: IN_MEMORY_BACKLOG_LIMITS });
        }
        // Loaded only when used: a single process does not carry BullMQ's code in its memory.
        const { BullMqJobQueue } = await import('./bullmq-job-queue');
        return new BullMqJobQueue({ redisUrl, prefix, concurrency });
      },
    },
  ],
  exports: [JobQueue],
})
export class QueueModule implements OnModuleInit, BeforeApplicationShutdown {
  constructor(@Inject(JobQueue) private readonly queue: JobQueue) {}

  /** A shared queue is checked before anything is enqueued: a process on an evicting Redis does not start. */
  async onModuleInit(): Promise<void> {
    await this.queue.assertUsable();
  }

  /** Before anything closes: running jobs finish while the database and search are still there. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
