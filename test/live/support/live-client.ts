import {
  LIVE_NAMESPACE,
  LIVE_READY_EVENT,
  LIVE_SOCKET_EVENT,
  type AnyLiveEventEnvelope,
  type LiveEventDataMap,
  type LiveHandshakeAuth,
  type LiveReady,
} from '@vigil/contracts';
import { waitFor } from '@vigil/testing';
import { io, type Socket } from 'socket.io-client';

/** A real socket.io client on `/live` that records what it hears. */
export interface LiveClient {
  socket: Socket;
  events: AnyLiveEventEnvelope[];
  /** Every `ready` the connection has received (one per (re)connection). */
  readies: LiveReady[];
  /** Resolves with the events once `count` have arrived (failing after a bound). */
  waitForEvents(count: number): Promise<AnyLiveEventEnvelope[]>;
  /** Resolves once the server has sent its `ready` number `count` (1 = the first connection). */
  waitForReady(count?: number): Promise<LiveReady>;
  /** The last event id heard: what a reconnect sends as lastEventId. */
  lastEventId(): string | undefined;
  close(): void;
}

export interface LiveClientOptions {
  /** The handshake's auth; `lastEventId` defaults to the last id heard, so reconnects resume where they stopped. */
  auth: LiveHandshakeAuth;
  /** Extra headers (the session cookie, an Origin), polling transport only. */
  extraHeaders?: Record<string, string>;
  reconnection?: boolean;
}

export function connectLive(baseUrl: string, options: LiveClientOptions): LiveClient {
  const events: AnyLiveEventEnvelope[] = [];
  const readies: LiveReady[] = [];
  const lastEventId = () => events.at(-1)?.id;
  const socket = io(`${baseUrl}${LIVE_NAMESPACE}`, {
    forceNew: true,
    // A browser's cookie travels with the polling handshake; a script uses the WebSocket straight away.
    transports: options.extraHeaders ? ['polling'] : ['websocket'],
    extraHeaders: options.extraHeaders,
    reconnection: options.reconnection ?? true,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    // Called on every (re)connection: a reconnect resumes after the last event this client heard.
    auth: (send) => send({ ...options.auth, lastEventId: lastEventId() ?? options.auth.lastEventId }),
  });
  socket.on(LIVE_SOCKET_EVENT, (event: AnyLiveEventEnvelope) => events.push(event));
  socket.on(LIVE_READY_EVENT, (ready: LiveReady) => readies.push(ready));
  return {
    socket,
    events,
    readies,
    lastEventId,
    waitForEvents: (count) => waitFor(`${count} live events (have ${events.length})`, () => Promise.resolve(events.length >= count ? [...events] : undefined), 15_000),
    waitForReady: (count = 1) => waitFor(`ready #${count}`, () => Promise.resolve(readies.length >= count ? readies[count - 1] : undefined), 15_000),
    close: () => {
      socket.disconnect();
    },
  };
}

/** The connect_error a refused handshake gets. */
export function refusal(baseUrl: string, options: LiveClientOptions): Promise<{ message: string; data?: { code?: string } }> {
  const client = connectLive(baseUrl, { ...options, reconnection: false });
  return new Promise((resolve, reject) => {
    client.socket.on('connect_error', (error: Error & { data?: { code?: string } }) => {
      client.close();
      resolve({ message: error.message, data: error.data });
    });
    client.socket.on('connect', () => {
      client.close();
      reject(new Error('The handshake was accepted'));
    });
  });
}

/** Resolves when the server ends the connection, with socket.io's reason ('io server disconnect' when it closed it). */
export function disconnection(client: LiveClient): Promise<string> {
  return new Promise((resolve) => client.socket.once('disconnect', (reason) => resolve(reason)));
}

/** An item.changed payload for tests that publish directly; the ids only have to look real. */
export function itemChange(n: number): LiveEventDataMap['item.changed'] {
  return {
    itemId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    sourceId: '00000000-0000-4000-8000-000000000001',
    title: `Bộ Y tế bác bỏ tin đồn số ${n}`,
    itemEventId: String(n),
    reason: 'text_edited',
    params: {},
    snapshotId: null,
  };
}
