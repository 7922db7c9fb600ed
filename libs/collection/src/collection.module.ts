import { Module } from '@nestjs/common';
import { VIGIL_CONFIG, type VigilConfig } from '@vigil/config';
import { CLOCK, type Clock } from '@vigil/domain';
import { GuardedHttpClient, HostThrottle, PoliteFetcher, RobotsPolicy } from './http';
import { SourceDetector } from './source-detector';

/** The network side of collection, one instance per process so per-host politeness is shared by every job. */
@Module({
  providers: [
    {
      provide: PoliteFetcher,
      inject: [VIGIL_CONFIG, CLOCK],
      useFactory: (config: VigilConfig, clock: Clock) => {
        const client = new GuardedHttpClient({
          contactUrl: config.fetch.contactUrl,
          allowlist: config.fetch.allowlist,
          deadlineMs: config.fetch.timeoutMs,
          maxBytes: config.fetch.maxBytes,
          clock,
        });
        const throttle = new HostThrottle({
          maxConcurrentPerHost: config.fetch.hostConcurrency,
          minIntervalMs: config.fetch.hostIntervalMs,
          clock,
        });
        return new PoliteFetcher({ client, robots: new RobotsPolicy({ client, clock }), throttle, clock });
      },
    },
    SourceDetector,
  ],
  exports: [PoliteFetcher, SourceDetector],
})
export class CollectionModule {}
