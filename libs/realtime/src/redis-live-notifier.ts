import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { createRedisConnection, type RedisConnection } from '@vigil/queue';
import { LiveNotifier, LocalHandlers, type LiveNotification, type LiveNotificationHandler } from './live-notifier';

interface Envelope {
  from: string;
  notification: LiveNotification;
}

/**
 * Redis pub/sub on `<prefix>:live`, so every API process hears what any process (an ingestor, another API)
 * stored. Handlers of the sending process are told directly, not through Redis, so a Redis outage never delays
 * its own clients; its own messages coming back from Redis are ignored.
 */
export class RedisLiveNotifier extends LiveNotifier {
  readonly mode = 'redis';
  private readonly logger = new Logger('LiveNotifier');
  private readonly handlers = new LocalHandlers();
  private readonly processId = randomUUID();
  private readonly channel: string;
  private readonly publisher: RedisConnection;
  private readonly subscriber: RedisConnection;

  constructor(options: { redisUrl: string; prefix: string }) {
    super();
    this.channel = `${options.prefix}:live`;
    this.publisher = createRedisConnection(options.redisUrl, { name: 'LiveNotifier' });
    this.subscriber = createRedisConnection(options.redisUrl, { name: 'LiveNotifier' });
    // Subscribing again on every (re)connection is harmless and does not depend on the first attempt succeeding.
    this.subscriber.on('ready', () => {
      this.subscriber.subscribe(this.channel).catch((error: unknown) => this.logger.warn(`Could not subscribe to ${this.channel}: ${String(error)}`));
    });
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel !== this.channel) return;
      const envelope = parseEnvelope(message);
      if (!envelope) return this.logger.warn(`Ignored a malformed live notification on ${channel}`);
      if (envelope.from === this.processId) return;
      this.deliver(envelope.notification);
    });
  }

  async notify(notification: LiveNotification): Promise<void> {
    this.deliver(notification);
    try {
      await this.publisher.publish(this.channel, JSON.stringify({ from: this.processId, notification } satisfies Envelope));
    } catch (error) {
      // Stored is what counts: other processes catch up on their next periodic read.
      this.logger.warn(`Could not tell the other processes (${notification.kind}): ${String(error)}`);
    }
  }

  subscribe(handler: LiveNotificationHandler): () => void {
    return this.handlers.add(handler);
  }

  close(): Promise<void> {
    this.handlers.clear();
    this.subscriber.disconnect();
    this.publisher.disconnect();
    return Promise.resolve();
  }

  private deliver(notification: LiveNotification): void {
    this.handlers.deliver(notification, (error) => this.logger.error(`A live notification handler failed: ${String(error)}`));
  }
}

function parseEnvelope(message: string): Envelope | null {
  try {
    const parsed = JSON.parse(message) as Partial<Envelope>;
    const kind = parsed.notification?.kind;
    return typeof parsed.from === 'string' && (kind === 'events-stored' || kind === 'sessions-ended') ? (parsed as Envelope) : null;
  } catch {
    return null;
  }
}
