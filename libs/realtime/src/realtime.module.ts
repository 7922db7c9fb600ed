import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { VIGIL_CONFIG, type VigilConfig } from '@vigil/config';
import { InProcessLiveNotifier } from './in-process-live-notifier';
import { LiveEventPublisher } from './live-event-publisher';
import { LiveNotifier } from './live-notifier';
import { RedisLiveNotifier } from './redis-live-notifier';
import { SessionEvents } from './session-events';

/**
 * The live feed's process-independent half, for the API and the ingestor alike: storing events and telling
 * every API process about them (and about ended sessions). The sockets themselves live in the API's live module.
 */
@Global()
@Module({
  providers: [
    {
      provide: LiveNotifier,
      inject: [VIGIL_CONFIG],
      useFactory: (config: VigilConfig): LiveNotifier => {
        const { redisUrl, prefix } = config.queue;
        if (!redisUrl) return new InProcessLiveNotifier();
        new Logger('RealtimeModule').log(`Live events announced through Redis (channel ${prefix}:live)`);
        return new RedisLiveNotifier({ redisUrl, prefix });
      },
    },
    LiveEventPublisher,
    SessionEvents,
  ],
  exports: [LiveNotifier, LiveEventPublisher, SessionEvents],
})
export class RealtimeModule implements OnApplicationShutdown {
  constructor(@Inject(LiveNotifier) private readonly notifier: LiveNotifier) {}

  async onApplicationShutdown(): Promise<void> {
    await this.notifier.close();
  }
}
