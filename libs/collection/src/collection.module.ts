import { Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { VIGIL_CONFIG, type VigilConfig } from '@vigil/config';
import { CLOCK, type Clock } from '@vigil/domain';
import { createRedisConnection } from '@vigil/queue';
import { GuardedHttpClient, HostThrottle, InMemoryHostThrottle, PoliteFetcher, RedisHostThrottle, RobotsPolicy } from './http';
import { ParsingPool } from './parsing-pool';
import { SnapshotPages } from './snapshot/snapshot-pages';
import { SourceDetector } from './source-detector';

/**
 * The network side of collection, one instance per process. Per-host politeness is shared by every job of the
 * process, and with REDIS_URL by every process of the deployment (robots.txt stays cached per process). The CPU
 * side too: one parsing pool per process keeps heavy parsing off the event loop; its threads stop at shutdown.
 */
@Module({
  providers: [
    {
      provide: HostThrottle,
      inject: [VIGIL_CONFIG, CLOCK],
      useFactory: (config: VigilConfig, clock: Clock): HostThrottle => {
        const budget = { maxConcurrentPerHost: config.fetch.hostConcurrency, minIntervalMs: config.fetch.hostIntervalMs, clock };
        const { redisUrl, prefix } = config.queue;
        if (!redisUrl) return new InMemoryHostThrottle(budget);
        new Logger('CollectionModule').log(`Per-site politeness shared through Redis (prefix ${prefix})`);
        return new RedisHostThrottle({ ...budget, redis: createRedisConnection(redisUrl, { name: 'HostThrottle' }), prefix });
      },
    },
    {
      provide: PoliteFetcher,
      inject: [VIGIL_CONFIG, CLOCK, HostThrottle],
      useFactory: (config: VigilConfig, clock: Clock, throttle: HostThrottle) => {
        const client = new GuardedHttpClient({
          contactUrl: config.fetch.contactUrl,
          allowlist: config.fetch.allowlist,
          deadlineMs: config.fetch.timeoutMs,
          maxBytes: config.fetch.maxBytes,
          clock,
        });
        return new PoliteFetcher({ client, robots: new RobotsPolicy({ client, clock }), throttle, clock });
      },
    },
    {
      provide: ParsingPool,
      inject: [VIGIL_CONFIG],
      useFactory: (config: VigilConfig) => new ParsingPool({ threads: config.parsing.threads ?? undefined, timeoutMs: config.parsing.timeoutMs }),
    },
    SourceDetector,
    SnapshotPages,
  ],
  exports: [PoliteFetcher, ParsingPool, SourceDetector, SnapshotPages],
})
export class CollectionModule implements OnApplicationShutdown {
  constructor(@Inject(HostThrottle) private readonly throttle: HostThrottle) {}

  /** After the queue has let running jobs finish (QueueModule, beforeApplicationShutdown). */
  async onApplicationShutdown(): Promise<void> {
    await this.throttle.close();
  }
}
