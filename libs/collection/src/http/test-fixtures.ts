// Shared by the http specs: loopback fixture servers, a stub resolver and a connection factory
// that records every attempt and dials nothing but the loopback fixture.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FetchError } from './fetch-error';
import { socketConnectionFactory, type ConnectionFactory, type ConnectTarget, type Resolver } from './guarded-connector';
import { GuardedHttpClient, type GuardedHttpClientOptions } from './guarded-http-client';

export interface RecordedRequest {
  path: string;
  headers: IncomingHttpHeaders;
}

export interface LoopbackServer {
  origin: string;
  port: number;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export async function startLoopbackServer(handler: Handler): Promise<LoopbackServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    requests.push({ path: request.url ?? '', headers: request.headers });
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Host names answered from a table; anything else fails like a missing DNS name. */
export function stubResolver(table: Record<string, string[]>): Resolver & { calls: string[] } {
  const calls: string[] = [];
  const resolver = async (hostname: string) => {
    calls.push(hostname);
    const addresses = table[hostname];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? (6 as const) : (4 as const) }));
  };
  return Object.assign(resolver, { calls });
}

/** Records every connection attempt; dials 127.0.0.1 (the fixture) and refuses everything else. */
export function recordingConnections(): { attempts: ConnectTarget[]; factory: ConnectionFactory } {
  const attempts: ConnectTarget[] = [];
  const loopback = socketConnectionFactory(1_000);
  const factory: ConnectionFactory = async (target) => {
    attempts.push(target);
    if (target.address === '127.0.0.1') return loopback(target);
    throw new Error(`the test connector never dials ${target.address}`);
  };
  return { attempts, factory };
}

export const CONTACT_URL = 'https://vigil.example/contact';

/** A client that may reach the loopback fixture and nothing else. */
export function loopbackClient(options: Partial<GuardedHttpClientOptions> = {}): GuardedHttpClient {
  return new GuardedHttpClient({ contactUrl: CONTACT_URL, allowlist: ['127.0.0.1'], ...options });
}

/** Sends a fixed answer; handy for one-route servers. */
export function respond(status: number, headers: Record<string, string | number>, body: string | Buffer = ''): Handler {
  return (_request, response) => {
    response.writeHead(status, headers);
    response.end(body);
  };
}

/** The FetchError a fetch fails with; any other outcome fails the test. */
export async function failure(promise: Promise<unknown>): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FetchError) return error;
    throw error;
  }
  throw new Error('expected the fetch to fail');
}
