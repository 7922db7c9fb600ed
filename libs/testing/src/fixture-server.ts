import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FixtureResponse {
  status?: number;
  contentType?: string;
  body: string | Buffer;
  headers?: Record<string, string>;
}

/** A real HTTP server on loopback serving fixed responses by path, counting the requests it gets. */
export class FixtureServer {
  private readonly server: Server;
  private readonly routes = new Map<string, FixtureResponse>();
  readonly requests: { path: string; headers: IncomingMessage['headers'] }[] = [];

  constructor() {
    this.server = createServer((request, response) => this.answer(request, response));
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this.baseUrl;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  serve(path: string, response: FixtureResponse): string {
    this.routes.set(path, response);
    return `${this.baseUrl}${path}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private answer(request: IncomingMessage, response: ServerResponse): void {
    const path = request.url ?? '/';
    this.requests.push({ path, headers: request.headers });
    const route = this.routes.get(path);
    if (!route) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(route.status ?? 200, { 'content-type': route.contentType ?? 'application/rss+xml; charset=utf-8', ...route.headers });
    response.end(route.body);
  }
}
