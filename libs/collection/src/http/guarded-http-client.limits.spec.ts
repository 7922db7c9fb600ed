import { gzipSync } from 'node:zlib';
import type { GuardedHttpClient } from './guarded-http-client';
import { failure, loopbackClient, respond, startLoopbackServer, type LoopbackServer } from './test-fixtures';

const MiB = 1024 * 1024;

describe('GuardedHttpClient: time and size limits', () => {
  let server: LoopbackServer;
  let client: GuardedHttpClient;
  const timers: Array<ReturnType<typeof setInterval>> = [];

  afterEach(async () => {
    timers.splice(0).forEach(clearInterval);
    await client.close();
    await server.close();
  });

  it('cuts off a server that trickles bytes at the overall deadline', async () => {
    server = await startLoopbackServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      // One byte every 20 ms: every idle timer stays happy, only a total deadline stops it.
      timers.push(setInterval(() => response.write('.'), 20));
    });
    client = loopbackClient({ deadlineMs: 300 });
    const started = Date.now();
    const error = await failure(client.fetch(`${server.origin}/slow`));
    const elapsed = Date.now() - started;
    expect(error).toMatchObject({ code: 'timeout', message: `No complete answer from ${server.origin}/slow within 300 ms` });
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(1_500);
  });

  it('cuts off a server that never answers at the deadline', async () => {
    server = await startLoopbackServer(() => undefined);
    client = loopbackClient({ deadlineMs: 200 });
    const error = await failure(client.fetch(`${server.origin}/silent`));
    expect(error.code).toBe('timeout');
  });

  it('refuses a declared Content-Length over the cap before reading the body', async () => {
    let written = 0;
    server = await startLoopbackServer((_request, response) => {
      response.writeHead(200, { 'content-length': String(20 * MiB) });
      const chunk = Buffer.alloc(64 * 1024);
      const pump = (): void => {
        while (written < 20 * MiB && response.write(chunk)) written += chunk.length;
        if (written < 20 * MiB) response.once('drain', pump);
      };
      pump();
    });
    client = loopbackClient();
    const error = await failure(client.fetch(`${server.origin}/huge`));
    expect(error).toMatchObject({
      code: 'too-large',
      message: `${server.origin}/huge declares ${20 * MiB} bytes, over the 15 MiB limit`,
    });
    expect(written).toBeLessThan(20 * MiB);
  });

  it('stops reading an endless chunked body at the cap', async () => {
    server = await startLoopbackServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(16 * 1024, 'a');
      const pump = (): void => {
        while (!response.destroyed && response.write(chunk));
        if (!response.destroyed) response.once('drain', pump);
      };
      pump();
    });
    client = loopbackClient();
    const error = await failure(client.fetch(`${server.origin}/endless`, { maxBytes: 256 * 1024 }));
    expect(error).toMatchObject({ code: 'too-large', message: `${server.origin}/endless sent more than 256 KiB` });
  });

  it('fails a gzip bomb fast and with bounded memory, counting decompressed bytes', async () => {
    // 1024 gzip members of 1 MiB of zeros: about 1 MiB on the wire, 1 GiB once decompressed.
    const member = gzipSync(Buffer.alloc(MiB));
    const bomb = Buffer.concat(Array.from({ length: 1024 }, () => member));
    expect(bomb.length).toBeLessThan(2 * MiB);
    server = await startLoopbackServer(respond(200, { 'content-encoding': 'gzip', 'content-type': 'text/xml' }, bomb));
    client = loopbackClient();
    const rssBefore = process.memoryUsage().rss;
    const started = Date.now();
    const error = await failure(client.fetch(`${server.origin}/bomb.xml`));
    expect(error).toMatchObject({ code: 'too-large', message: `${server.origin}/bomb.xml sent more than 15 MiB once decompressed` });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * MiB);
  });

  it('applies the cap to the compressed bytes as well', async () => {
    // Stored (level 0) gzip is slightly larger than its content: over the cap on the wire, under it decoded.
    const content = Buffer.from(Array.from({ length: 256 * 1024 }, (_, i) => (i * 7919) % 251));
    const compressed = gzipSync(content, { level: 0 });
    const cap = content.length + 6;
    expect(compressed.length).toBeGreaterThan(cap);
    server = await startLoopbackServer(respond(200, { 'content-encoding': 'gzip' }, compressed));
    client = loopbackClient();
    const error = await failure(client.fetch(`${server.origin}/`, { maxBytes: cap }));
    expect(error).toMatchObject({ code: 'too-large', message: `${server.origin}/ sent more than ${cap} bytes` });
  });

  it('reports a corrupt compressed body', async () => {
    server = await startLoopbackServer(respond(200, { 'content-encoding': 'gzip' }, 'not gzip at all'));
    client = loopbackClient();
    const error = await failure(client.fetch(`${server.origin}/`));
    expect(error).toMatchObject({ code: 'network', message: `The compressed body from ${server.origin}/ is corrupt` });
  });

  it('keeps only the first maxBytes when asked to truncate instead of failing', async () => {
    server = await startLoopbackServer(respond(200, { 'content-length': '10000' }, 'x'.repeat(10_000)));
    client = loopbackClient();
    const result = await client.fetch(`${server.origin}/`, { maxBytes: 1_000, truncate: true });
    expect(result.body.length).toBe(1_000);
  });
});
