import { Inject, Injectable } from '@nestjs/common';
import { LiveNotifier } from './live-notifier';
import type { EndedSessions } from './ended-sessions';

export type { EndedSessions };

/**
 * Says that sessions ended, to every API process, so the live sockets they signed in close at once (a socket is
 * signed in only at its handshake). Called after the session rows are revoked, so a reconnect is refused.
 */
@Injectable()
export class SessionEvents {
  constructor(@Inject(LiveNotifier) private readonly notifier: LiveNotifier) {}

  ended(sessions: EndedSessions): Promise<void> {
    return this.notifier.notify({ kind: 'sessions-ended', ended: sessions });
  }

  /** For the live gateway: called with each ended set of sessions, from any process. */
  onEnded(handler: (sessions: EndedSessions) => void): () => void {
    return this.notifier.subscribe((notification) => {
      if (notification.kind !== 'sessions-ended') return;
      handler(notification.ended);
    });
  }
}
