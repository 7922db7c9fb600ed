import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface Served {
  status?: number;
  contentType?: string;
  body: string | Buffer;
  headers?: Record<string, string>;
}

/** A loopback HTTP server answering from a function of the path; records when each path was first asked for. */
export class BenchServer {
  private readonly server: Server;
  readonly firstRequestAt = new Map<string, number>();
  requestCount = 0;

  constructor(
    private readonly route: (path: string, request: IncomingMessage) => Served | undefined,
    private readonly host = '127.0.0.1',
  ) {
    this.server = createServer((request, response) => this.answer(request, response));
    this.server.keepAliveTimeout = 5000;
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, this.host, resolve);
    });
    return this.baseUrl;
  }

  get baseUrl(): string {
    return `http://${this.host}:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private answer(request: IncomingMessage, response: ServerResponse): void {
    const path = request.url ?? '/';
    this.requestCount += 1;
    if (!this.firstRequestAt.has(path)) this.firstRequestAt.set(path, performance.now());
    const served = this.route(path, request);
    if (!served) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(served.status ?? 200, { 'content-type': served.contentType ?? 'application/rss+xml; charset=utf-8', ...served.headers });
    response.end(served.body);
  }
}

export const HTML = 'text/html; charset=utf-8';
