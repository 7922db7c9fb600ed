import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

// Test support for the engine's request-shape specs: never dials anything but 127.0.0.1.

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  contentType: string;
  body: string;
}

export interface FakeResponse {
  status: number;
  body?: unknown;
}

/** Answers by "METHOD /path"; anything unexpected gets a 400 so a wrong request fails loudly. */
export type Routes = Record<string, FakeResponse | ((request: RecordedRequest) => FakeResponse)>;

export interface FakeElasticsearch {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** A loopback HTTP server that records requests and answers like Elasticsearch 8 would. */
export async function startFakeElasticsearch(routes: Routes): Promise<FakeElasticsearch> {
  const requests: RecordedRequest[] = [];
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
      const request: RecordedRequest = {
        method: incoming.method ?? '',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        contentType: incoming.headers['content-type'] ?? '',
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      const route = routes[`${request.method} ${request.path}`];
      const response = typeof route === 'function' ? route(request) : (route ?? unexpected(request));
      // The v8 client refuses any 2xx answer without this header.
      outgoing.writeHead(response.status, { 'content-type': 'application/json', 'x-elastic-product': 'Elasticsearch' });
      const hasBody = response.body !== undefined && request.method !== 'HEAD';
      outgoing.end(hasBody ? JSON.stringify(response.body) : undefined);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function unexpected(request: RecordedRequest): FakeResponse {
  const reason = `${request.method} ${request.path}`;
  return { status: 400, body: { error: { type: 'unexpected_request', reason }, status: 400 } };
}
