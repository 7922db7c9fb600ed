import { LIVE_NAMESPACE, LIVE_READY_EVENT, LIVE_SOCKET_EVENT, type AnyLiveEventEnvelope, type LiveHandshakeAuth, type LiveReady } from '@vigil/contracts';
import { io, type Socket } from 'socket.io-client';

/** What the connection indicator shows. */
export type LiveConnectionState =
  | { kind: 'connecting' }
  | { kind: 'connected' }
  /** Replaying what was missed since the last event seen, until the server's `ready`. */
  | { kind: 'catching_up'; received: number }
  | { kind: 'reconnecting' };

export interface LiveSocketHandlers {
  /** Only events after this listener's first `ready`: what came before is in whatever it reads on that `ready`. */
  onEvent(event: AnyLiveEventEnvelope, replayed: boolean): void;
  /** `resumed` is false on this listener's first `ready` (nothing was replayed to it); true after a reconnection. */
  onReady(ready: LiveReady, resumed: boolean): void;
  onState(state: LiveConnectionState): void;
  /** The server refused the handshake or closed the socket (signed out elsewhere, session ended); it will not retry by itself. */
  onRefused(code: string, retry: () => void): void;
}

interface Listener {
  handlers: LiveSocketHandlers;
  ready: boolean;
}

interface SharedSocket {
  listeners: Set<Listener>;
  state: LiveConnectionState;
  /** While the socket is caught up, the last id it saw (its `ready` for a listener joining now); else undefined. */
  caughtUp(): LiveReady | undefined;
  /** Connects again if the server closed or refused it (a listener arriving later may be signed in anew). */
  revive(): void;
  close(): void;
}

/** The page's one socket, shared by every view listening (the shell's notifications, the screen's own feed). */
let shared: SharedSocket | null = null;

/**
 * Listens on the `/live` socket on the console's own origin, signed in by the session cookie; returns `stop`. A page
 * holds one socket whatever listens: it opens with the first listener and closes with the last. socket.io retries
 * dropped transports by itself; every reconnection sends the last id the socket saw, and replay comes from the
 * server's event store, so a reconnect loses and repeats nothing (listeners still drop ids they have applied).
 */
export function openLiveSocket(handlers: LiveSocketHandlers): () => void {
  const socket = (shared ??= connectShared());
  const listener: Listener = { handlers, ready: false };
  socket.listeners.add(listener);
  handlers.onState(socket.state);
  socket.revive();
  const caughtUp = socket.caughtUp();
  // Joining a socket that is already caught up: this listener's `ready` is now, once its caller has returned.
  if (caughtUp) {
    queueMicrotask(() => {
      if (!socket.listeners.has(listener) || listener.ready) return;
      listener.ready = true;
      handlers.onReady(caughtUp, false);
    });
  }
  return () => {
    socket.listeners.delete(listener);
    if (socket.listeners.size > 0) return;
    socket.close();
    if (shared === socket) shared = null;
  };
}

function connectShared(): SharedSocket {
  let lastSeen: string | undefined;
  let resumed = false;
  let replaying = true;
  let received = 0;
  let caughtUp = false;
  const listeners = new Set<Listener>();
  const shared: SharedSocket = {
    listeners,
    state: { kind: 'connecting' },
    caughtUp: () => (caughtUp && lastSeen !== undefined ? { lastEventId: lastSeen } : undefined),
    revive: () => {
      if (!socket.active) socket.connect();
    },
    close: () => {
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
  const socket: Socket = io(LIVE_NAMESPACE, {
    withCredentials: true,
    reconnectionDelay: 1_000,
    reconnectionDelayMax: 10_000,
    auth: (send) => {
      resumed = lastSeen !== undefined;
      send((lastSeen === undefined ? {} : { lastEventId: lastSeen }) satisfies LiveHandshakeAuth);
    },
  });
  const setState = (state: LiveConnectionState) => {
    shared.state = state;
    for (const listener of listeners) listener.handlers.onState(state);
  };
  const see = (id: string) => {
    if (lastSeen === undefined || BigInt(id) > BigInt(lastSeen)) lastSeen = id;
  };
  const refused = (code: string) => {
    const retry = () => {
      if (!socket.connected) socket.connect();
    };
    for (const listener of listeners) listener.handlers.onRefused(code, retry);
  };

  socket.on('connect', () => {
    replaying = true;
    received = 0;
    setState(resumed ? { kind: 'catching_up', received } : { kind: 'connecting' });
  });
  socket.on(LIVE_SOCKET_EVENT, (event: AnyLiveEventEnvelope) => {
    see(event.id);
    if (replaying && resumed) {
      received += 1;
      setState({ kind: 'catching_up', received });
    }
    for (const listener of listeners) if (listener.ready) listener.handlers.onEvent(event, replaying && resumed);
  });
  socket.on(LIVE_READY_EVENT, (ready: LiveReady) => {
    see(ready.lastEventId);
    replaying = false;
    caughtUp = true;
    for (const listener of listeners) {
      const listenerResumed = listener.ready;
      listener.ready = true;
      listener.handlers.onReady(ready, listenerResumed);
    }
    setState({ kind: 'connected' });
  });
  socket.on('disconnect', (reason) => {
    caughtUp = false;
    if (reason === 'io client disconnect') return;
    setState({ kind: 'reconnecting' });
    // Closed by the server (logout, password change, disabled user): socket.io does not reconnect on its own.
    if (reason === 'io server disconnect') refused('unauthenticated');
  });
  socket.on('connect_error', (error: Error & { data?: { code?: unknown } }) => {
    caughtUp = false;
    setState({ kind: 'reconnecting' });
    // A transport failure is retried by socket.io (`active`); a refusal by the server's sign-in check is not.
    if (!socket.active) refused(typeof error.data?.code === 'string' ? error.data.code : error.message);
  });
  return shared;
}
