import { performance } from 'node:perf_hooks';
import { LIVE_NAMESPACE, LIVE_READY_EVENT, LIVE_SOCKET_EVENT, type AnyLiveEventEnvelope } from '@vigil/contracts';
import { io, type Socket } from 'socket.io-client';
import { ADMIN_PASSWORD } from './vigil';

/** Wall-clock milliseconds with sub-millisecond resolution, comparable with another process's `Date` on this machine. */
export function wallNow(): number {
  return performance.timeOrigin + performance.now();
}

/** One delivery as a client heard it: the envelope and when it arrived (wall clock, ms). */
export interface Arrival {
  client: number;
  envelope: AnyLiveEventEnvelope;
  at: number;
}

export interface LiveClients {
  sockets: Socket[];
  close(): void;
}

/** The bearer token the socket handshake takes (a session of its own, beside the bench client's). */
export async function liveToken(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`Live login answered ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/**
 * `count` socket.io clients on `/live` (WebSocket transport, as a script connects), each resolved once the server
 * sent `ready`; connected `batch` at a time so the handshakes' sign-ins do not all queue at once. Every envelope is
 * handed to `onEvent` with its arrival time, taken first thing in the handler.
 */
export async function connectLiveClients(
  url: string,
  options: { count: number; auth: Record<string, unknown>; onEvent: (arrival: Arrival) => void; batch?: number; namespace?: string },
): Promise<LiveClients> {
  const sockets: Socket[] = [];
  const close = () => sockets.forEach((socket) => socket.disconnect());
  const batch = options.batch ?? 50;
  try {
    for (let start = 0; start < options.count; start += batch) {
      const ready: Promise<void>[] = [];
      for (let client = start; client < Math.min(options.count, start + batch); client += 1) {
        const socket = io(`${url}${options.namespace ?? LIVE_NAMESPACE}`, { forceNew: true, transports: ['websocket'], reconnection: false, auth: options.auth });
        socket.on(LIVE_SOCKET_EVENT, (envelope: AnyLiveEventEnvelope) => options.onEvent({ client, envelope, at: wallNow() }));
        sockets.push(socket);
        ready.push(
          new Promise<void>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`live client ${client} not ready within 30 s`)), 30_000);
            socket.once(LIVE_READY_EVENT, () => (clearTimeout(timer), resolve()));
            socket.once('connect_error', (error) => (clearTimeout(timer), reject(error)));
          }),
        );
      }
      await Promise.all(ready);
    }
  } catch (error) {
    close();
    throw error;
  }
  return { sockets, close };
}
