import type { EndedSessions } from './ended-sessions';

/**
 * What one Vigil process tells every API process (itself included). Notifications carry no event data: the
 * database is the source of truth, and each API process reads what was stored after the last event it delivered.
 */
export type LiveNotification =
  | { kind: 'events-stored'; upTo: string }
  /** Sessions that ended (logout, password change, disabled user): their sockets close at once. */
  | { kind: 'sessions-ended'; ended: EndedSessions };

export type LiveNotificationHandler = (notification: LiveNotification) => void;

/**
 * The cross-process transport of the live feed: in-process in single-process mode, Redis pub/sub with REDIS_URL.
 * Delivery is best effort (a notification lost to a Redis outage is made up by the API's periodic catch-up read).
 */
export abstract class LiveNotifier {
  abstract readonly mode: 'in-process' | 'redis';
  /** Tells every subscriber of every process; handlers of this process hear it even when Redis is down. */
  abstract notify(notification: LiveNotification): Promise<void>;
  /** Returns the unsubscribe function. */
  abstract subscribe(handler: LiveNotificationHandler): () => void;
  abstract close(): Promise<void>;
}

/** Handlers of this process, each shielded from the others' exceptions. */
export class LocalHandlers {
  private readonly handlers = new Set<LiveNotificationHandler>();

  add(handler: LiveNotificationHandler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  deliver(notification: LiveNotification, onError: (error: unknown) => void): void {
    for (const handler of this.handlers) {
      try {
        handler(notification);
      } catch (error) {
        onError(error);
      }
    }
  }

  clear(): void {
    this.handlers.clear();
  }
}
