import { Inject, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { VIGIL_CONFIG, type VigilConfig } from '@vigil/config';
import { JobQueue } from '@vigil/queue';
import { MetricsModule } from '@vigil/metrics';
import { RealtimeModule } from '@vigil/realtime';
import { DeadlineTicker } from './deadline-ticker';
import { DeadlinesModule } from './deadlines.module';

/**
 * The deadline ticker as a scheduled job, hosted wherever the collection worker is (the ingestor, or the API in
 * single-process mode). Any number of hosts may tick: PostgreSQL decides which one fires each deadline.
 */
@Module({
  // Firings are announced live and counted; both modules are global, imported so every host of the ticker has them.
  imports: [DeadlinesModule, RealtimeModule, MetricsModule],
  providers: [DeadlineTicker],
})
export class DeadlinesWorkerModule implements OnApplicationBootstrap {
  private readonly logger = new Logger(DeadlinesWorkerModule.name);

  constructor(
    @Inject(VIGIL_CONFIG) private readonly config: VigilConfig,
    @Inject(JobQueue) private readonly queue: JobQueue,
    private readonly ticker: DeadlineTicker,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.queue.process('tick-deadlines', async () => {
      const fired = await this.ticker.tick();
      if (fired.warnings || fired.breaches || fired.reminders) {
        this.logger.log(`Deadlines: ${fired.warnings} warning(s), ${fired.breaches} breach(es), ${fired.reminders} reminder(s)`);
      }
    });
    await this.queue.repeat('tick-deadlines', {}, this.config.deadlines.tickMs);
  }
}
