import { Logger } from '@nestjs/common';
import { LiveNotifier, LocalHandlers, type LiveNotification, type LiveNotificationHandler } from './live-notifier';

/** Single-process mode: the API and its embedded worker share one process, so telling its handlers is enough. */
export class InProcessLiveNotifier extends LiveNotifier {
  readonly mode = 'in-process';
  private readonly logger = new Logger('LiveNotifier');
  private readonly handlers = new LocalHandlers();

  notify(notification: LiveNotification): Promise<void> {
    this.handlers.deliver(notification, (error) => this.logger.error(`A live notification handler failed: ${String(error)}`));
    return Promise.resolve();
  }

  subscribe(handler: LiveNotificationHandler): () => void {
    return this.handlers.add(handler);
  }

  close(): Promise<void> {
    this.handlers.clear();
    return Promise.resolve();
  }
}
