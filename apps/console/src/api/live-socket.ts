import { LIVE_NAMESPACE, LIVE_READY_EVENT, LIVE_SOCKET_EVENT, type AnyLiveEventEnvelope, type LiveHandshakeAuth, type LiveReady } from '@vigil/contracts';
import { io } from 'socket.io-client';

/** What the connection indicator shows. */
export type LiveConnectionState =
  | { kind: 'connecting' }
  | { kind: 'connected' }
  /** Replaying what was missed since the last event seen, until the server's `ready`. */
  | { kind: 'catching_up'; received: number }
  | { kind: 'reconnecting' };

export interface LiveSocketHandlers {
  /** The last event id applied, sent on every (re)connection so the server replays what came after; undefined: from now. */
  cursor(): string | undefined;
  onEvent(event: AnyLiveEventEnvelope, replayed: boolean): void;
  /** `resumed` is false when the connection started without a cursor (nothing was replayed). */
  onReady(ready: LiveReady, resumed: boolean): void;
  onState(state: LiveConnectionState): void;
  /** The server refused the handshake or closed the socket (signed out elsewhere, session ended); it will not retry by itself. */
  onRefused(code: string, retry: () => void): void;
}

/**
 * The `/live` socket on the console's own origin, signed in by the session cookie. socket.io retries dropped
 * transports by itself; every (re)connection sends the last applied id, and replay comes from the server's event
 * store, so a reconnect loses and repeats nothing (the caller still drops ids it has applied). Returns `close`.
 */
export function openLiveSocket(handlers: LiveSocketHandlers): () => void {
  let resumed = false;
  let replaying = true;
  let received = 0;
  const socket = io(LIVE_NAMESPACE, {
    withCredentials: true,
    reconnectionDelay: 1_000,
    reconnectionDelayMax: 10_000,
    auth: (send) => {
      const lastEventId = handlers.cursor();
      resumed = lastEventId !== undefined;
      send((lastEventId === undefined ? {} : { lastEventId }) satisfies LiveHandshakeAuth);
    },
  });
  const retry = () => {
    if (!socket.connected) socket.connect();
  };

  socket.on('connect', () => {
    replaying = true;
    received = 0;
    handlers.onState(resumed ? { kind: 'catching_up', received } : { kind: 'connecting' });
  });
  socket.on(LIVE_SOCKET_EVENT, (event: AnyLiveEventEnvelope) => {
    if (replaying && resumed) {
      received += 1;
      handlers.onState({ kind: 'catching_up', received });
    }
    handlers.onEvent(event, replaying && resumed);
  });
  socket.on(LIVE_READY_EVENT, (ready: LiveReady) => {
    replaying = false;
    handlers.onReady(ready, resumed);
    handlers.onState({ kind: 'connected' });
  });
  socket.on('disconnect', (reason) => {
    if (reason === 'io client disconnect') return;
    handlers.onState({ kind: 'reconnecting' });
    // Closed by the server (logout, password change, disabled user): socket.io does not reconnect on its own.
    if (reason === 'io server disconnect') handlers.onRefused('unauthenticated', retry);
  });
  socket.on('connect_error', (error: Error & { data?: { code?: unknown } }) => {
    handlers.onState({ kind: 'reconnecting' });
    // A transport failure is retried by socket.io (`active`); a refusal by the server's sign-in check is not.
    if (!socket.active) handlers.onRefused(typeof error.data?.code === 'string' ? error.data.code : error.message, retry);
  });

  return () => {
    socket.removeAllListeners();
    socket.disconnect();
  };
}
