import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';

export interface RecordedRequest {
  method: string;
  /** Path and query exactly as requested. */
  path: string;
  headers: IncomingHttpHeaders;
  at: number;
}

export interface StaticResponse {
  status?: number;
  contentType?: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
}

/** Answers one request; `hit` counts the requests this route has had, from 1. */
export type RouteHandler = (request: IncomingMessage, response: ServerResponse, hit: number) => void;

const MiB = 1024 * 1024;

/**
 * A loopback web server for the collection end-to-end specs: a publisher's site as Vigil meets it, well
 * behaved or hostile. Every request is recorded (path, headers) and every route counts what it sent, so a
 * spec can assert what Vigil asked for and what it did not.
 *
 * Several servers may run at once; give one another loopback address (127.0.0.2) when a spec needs a
 * second "host" (Vigil's politeness budget is per host, whatever the port).
 */
export class CollectionFixtureServer {
  readonly requests: RecordedRequest[] = [];
  private readonly server: Server;
  private readonly routes = new Map<string, RouteHandler>();
  private readonly hits = new Map<string, number>();
  private readonly sentBytes = new Map<string, number>();
  private readonly timers = new Set<ReturnType<typeof setInterval>>();
  private readonly open = new Map<string, number>();

  constructor(private readonly host = '127.0.0.1') {
    this.server = createServer((request, response) => this.answer(request, response));
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, this.host, resolve));
    return this.origin;
  }

  get origin(): string {
    return `http://${this.host}:${(this.server.address() as AddressInfo).port}`;
  }

  url(path: string): string {
    return `${this.origin}${path}`;
  }

  /** Requests whose path (query included) is `path`, or whose path without query is `path`. */
  requestsTo(path: string): RecordedRequest[] {
    return this.requests.filter((request) => request.path === path || request.path.split('?')[0] === path);
  }

  /** Body bytes written so far on a route (after compression, as they went on the wire). */
  bytesSent(path: string): number {
    return this.sentBytes.get(path) ?? 0;
  }

  /** Responses on a route still open (neither finished nor hung up on). */
  openResponses(path: string): number {
    return this.open.get(path) ?? 0;
  }

  /** Any behaviour; the route matches the request path with its query first, then without. */
  handle(path: string, handler: RouteHandler): string {
    this.routes.set(path, handler);
    return this.url(path);
  }

  /** A fixed answer; serving the same path again replaces it (a page that changes between requests). */
  serve(path: string, response: StaticResponse): string {
    return this.handle(path, (_request, res) => this.send(path, res, response));
  }

  page(path: string, html: string | Buffer, headers: Record<string, string> = {}): string {
    return this.serve(path, { contentType: 'text/html; charset=utf-8', body: html, headers });
  }

  feed(path: string, document: string, contentType = 'application/rss+xml; charset=utf-8'): string {
    return this.serve(path, { contentType, body: document });
  }

  /** One answer per request in order; the last one repeats. */
  sequence(path: string, responses: StaticResponse[]): string {
    return this.handle(path, (_request, res, hit) => this.send(path, res, responses[Math.min(hit, responses.length) - 1]!));
  }

  /** 304 Not Modified when If-None-Match names the current ETag; `serve` again with a new ETag to publish. */
  conditional(path: string, current: { etag: string; lastModified: string; body: string; contentType?: string }): string {
    return this.handle(path, (request, res) => {
      const validators = { etag: current.etag, 'last-modified': current.lastModified };
      const tags = (request.headers['if-none-match'] ?? '').split(',').map((tag) => tag.trim());
      if (tags.includes(current.etag)) {
        res.writeHead(304, validators).end();
        return;
      }
      this.send(path, res, { contentType: current.contentType ?? 'application/rss+xml; charset=utf-8', body: current.body, headers: validators });
    });
  }

  rateLimited(path: string, retryAfter: string): string {
    return this.serve(path, { status: 429, contentType: 'text/plain', body: 'Too many requests', headers: { 'retry-after': retryAfter } });
  }

  redirect(from: string, to: string, status = 301): string {
    return this.serve(from, { status, contentType: 'text/plain', body: '', headers: { location: to } });
  }

  /** from → to → from → …, each hop a 302 with a relative Location. */
  redirectLoop(from: string, to: string): string {
    this.redirect(to, from, 302);
    return this.redirect(from, to, 302);
  }

  /** Headers at once, then one byte every `intervalMs` forever: no idle timer ever fires, only a deadline stops it. */
  trickle(path: string, contentType = 'application/rss+xml; charset=utf-8', intervalMs = 50): string {
    return this.handle(path, (request, res) => {
      res.writeHead(200, { 'content-type': contentType });
      res.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>');
      const timer = setInterval(() => {
        if (!res.writable) return;
        res.write(' ');
        this.count(path, 1);
      }, intervalMs);
      this.timers.add(timer);
      const stop = () => {
        clearInterval(timer);
        this.timers.delete(timer);
      };
      request.socket.once('close', stop);
      res.once('close', stop);
    });
  }

  /**
   * `totalBytes` of a feed-looking body, streamed with backpressure and no Content-Length (so only a cap on
   * bytes read can stop it), unless `declareLength` announces the size up front.
   */
  oversized(path: string, totalBytes: number, options: { declareLength?: boolean } = {}): string {
    const chunk = Buffer.from(`<item><title>${'Tin rác '.repeat(100)}</title></item>\n`.repeat(64));
    return this.handle(path, (_request, res) => {
      res.writeHead(200, {
        'content-type': 'application/rss+xml; charset=utf-8',
        ...(options.declareLength ? { 'content-length': String(totalBytes) } : {}),
      });
      res.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Khổng lồ</title>\n');
      let written = 0;
      const pump = (): void => {
        while (written < totalBytes && !res.destroyed) {
          const piece = chunk.subarray(0, Math.min(chunk.length, totalBytes - written));
          written += piece.length;
          this.count(path, piece.length);
          if (!res.write(piece)) {
            res.once('drain', pump);
            return;
          }
        }
        if (!res.destroyed) res.end();
      };
      res.on('error', () => undefined);
      pump();
    });
  }

  /**
   * A small gzip body that inflates to `decompressedMiB` MiB of zeros: concatenated gzip members of 16 MiB
   * each (every gzip reader must accept multi-member streams), about 16 KiB on the wire per member.
   */
  gzipBomb(path: string, decompressedMiB: number): string {
    const member = gzipSync(Buffer.alloc(16 * MiB), { level: 9 });
    const body = Buffer.concat(Array.from({ length: Math.ceil(decompressedMiB / 16) }, () => member));
    return this.serve(path, { contentType: 'application/rss+xml; charset=utf-8', body, headers: { 'content-encoding': 'gzip' } });
  }

  /** A document encoded in a legacy or wide charset, declared in Content-Type unless `declare` is null (and a BOM when asked). */
  encoded(path: string, text: string, encoding: 'windows-1258' | 'utf-16le' | 'utf-16be', options: { bom?: boolean; mediaType?: string; declare?: string | null } = {}): Buffer {
    const body = encoding === 'windows-1258' ? windows1258Bytes(text) : iconv.encode(text, encoding, { addBOM: options.bom ?? false });
    const mediaType = options.mediaType ?? 'text/html';
    this.serve(path, { contentType: options.declare === null ? mediaType : `${mediaType}; charset=${options.declare ?? encoding}`, body });
    return body;
  }

  robots(rules: string): string {
    return this.serve('/robots.txt', { contentType: 'text/plain; charset=utf-8', body: rules });
  }

  gone(path: string, status: 404 | 410 = 404): string {
    return this.serve(path, { status, contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>Không tìm thấy</title><h1>Không tìm thấy trang</h1>' });
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    this.timers.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private answer(request: IncomingMessage, response: ServerResponse): void {
    const path = request.url ?? '/';
    this.requests.push({ method: request.method ?? 'GET', path, headers: request.headers, at: Date.now() });
    const key = this.routes.has(path) ? path : path.split('?')[0]!;
    const route = this.routes.get(key);
    if (!route) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const hit = (this.hits.get(key) ?? 0) + 1;
    this.hits.set(key, hit);
    this.open.set(key, this.openResponses(key) + 1);
    response.once('close', () => this.open.set(key, this.openResponses(key) - 1));
    route(request, response, hit);
  }

  private send(path: string, res: ServerResponse, response: StaticResponse): void {
    const body = response.body ?? '';
    this.count(path, Buffer.byteLength(body));
    res.writeHead(response.status ?? 200, { 'content-type': response.contentType ?? 'text/html; charset=utf-8', ...response.headers });
    res.end(body);
  }

  private count(path: string, bytes: number): void {
    this.sentBytes.set(path, (this.sentBytes.get(path) ?? 0) + bytes);
  }
}

/**
 * Vietnamese in windows-1258 as Windows writes it: base letters with circumflex, breve or horn precomposed
 * (the code page has them), tone marks as separate combining characters (it has only those five).
 */
export function windows1258Bytes(text: string): Buffer {
  const composed = text
    .normalize('NFD')
    .replace(/([AaEeOoUu])([\u0300\u0301\u0303\u0309\u0323]?)([\u0302\u0306\u031B])/g, (_match, base: string, tone: string, modifier: string) => `${(base + modifier).normalize('NFC')}${tone}`);
  const bytes = iconv.encode(composed, 'windows-1258');
  if (iconv.decode(bytes, 'windows-1258').normalize('NFC') !== text.normalize('NFC')) {
    throw new Error('windows1258Bytes: the text has characters windows-1258 cannot carry');
  }
  return bytes;
}
