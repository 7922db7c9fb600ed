import { gzipSync } from 'node:zlib';
import type { GuardedHttpClient } from './guarded-http-client';
import { CONTACT_URL, failure, loopbackClient, respond, startLoopbackServer, type LoopbackServer } from './test-fixtures';

describe('GuardedHttpClient: answers, validators and redirects', () => {
  let server: LoopbackServer;
  let client: GuardedHttpClient;

  afterEach(async () => {
    await client.close();
    await server.close();
  });

  it('returns the body, validators and headers of a 200 and names Vigil in the User-Agent', async () => {
    server = await startLoopbackServer(
      respond(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"v1"', 'last-modified': 'Mon, 02 Mar 2026 08:00:00 GMT' }, '<rss/>'),
    );
    client = loopbackClient();
    const result = await client.fetch(`${server.origin}/feed.xml`, { accept: 'application/rss+xml' });
    expect(result).toMatchObject({
      status: 200,
      notModified: false,
      finalUrl: `${server.origin}/feed.xml`,
      contentType: 'application/rss+xml; charset=utf-8',
      etag: '"v1"',
      lastModified: 'Mon, 02 Mar 2026 08:00:00 GMT',
    });
    expect(result.body.toString()).toBe('<rss/>');
    expect(result.text()).toBe('<rss/>');
    expect(result.headers['etag']).toBe('"v1"');
    expect(server.requests[0]?.headers['user-agent']).toBe(`VigilBot/0.1 (+${CONTACT_URL})`);
    expect(server.requests[0]?.headers['accept']).toBe('application/rss+xml');
  });

  it('sends If-None-Match and If-Modified-Since and reports a 304 as not modified, keeping the validators', async () => {
    server = await startLoopbackServer(respond(304, {}));
    client = loopbackClient();
    const result = await client.fetch(`${server.origin}/feed.xml`, { etag: '"v1"', lastModified: 'Mon, 02 Mar 2026 08:00:00 GMT' });
    expect(result).toMatchObject({ status: 304, notModified: true, etag: '"v1"', lastModified: 'Mon, 02 Mar 2026 08:00:00 GMT' });
    expect(result.body.length).toBe(0);
    expect(server.requests[0]?.headers['if-none-match']).toBe('"v1"');
    expect(server.requests[0]?.headers['if-modified-since']).toBe('Mon, 02 Mar 2026 08:00:00 GMT');
  });

  it('decodes a gzip-encoded body', async () => {
    server = await startLoopbackServer(respond(200, { 'content-encoding': 'gzip' }, gzipSync('Tin mới nhất')));
    client = loopbackClient();
    const result = await client.fetch(`${server.origin}/`);
    expect(result.text()).toBe('Tin mới nhất');
    expect(server.requests[0]?.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('follows a chain of relative and absolute redirects to the final URL', async () => {
    server = await startLoopbackServer((request, response) => {
      const hops: Record<string, string> = { '/a': '/b', '/b': `http://127.0.0.1:${server.port}/c`, '/c': 'd' };
      const next = hops[request.url ?? ''];
      if (next) response.writeHead(302, { location: next }).end();
      else response.writeHead(200, { 'content-type': 'text/html' }).end('<p>đích</p>');
    });
    client = loopbackClient();
    const result = await client.fetch(`${server.origin}/a`);
    expect(result.finalUrl).toBe(`${server.origin}/d`);
    expect(result.text()).toBe('<p>đích</p>');
    expect(server.requests.map((r) => r.path)).toEqual(['/a', '/b', '/c', '/d']);
  });

  it('follows exactly five redirects', async () => {
    server = await startLoopbackServer((request, response) => {
      const hop = Number(request.url?.slice(1));
      if (hop < 5) response.writeHead(301, { location: `/${hop + 1}` }).end();
      else response.writeHead(200).end('ok');
    });
    client = loopbackClient();
    expect((await client.fetch(`${server.origin}/0`)).finalUrl).toBe(`${server.origin}/5`);
  });

  it('refuses a sixth redirect', async () => {
    server = await startLoopbackServer((request, response) => {
      response.writeHead(307, { location: `/${Number(request.url?.slice(1)) + 1}` }).end();
    });
    client = loopbackClient();
    const error = await failure(client.fetch(`${server.origin}/0`));
    expect(error.code).toBe('too-many-redirects');
    expect(error.message).toBe(`More than 5 redirects from ${server.origin}/0`);
    expect(server.requests).toHaveLength(6);
  });

  it('stops a redirect loop as soon as a URL repeats', async () => {
    server = await startLoopbackServer((request, response) => {
      response.writeHead(302, { location: request.url === '/ping' ? '/pong' : '/ping' }).end();
    });
    client = loopbackClient();
    const error = await failure(client.fetch(`${server.origin}/ping`));
    expect(error.code).toBe('too-many-redirects');
    expect(error.message).toBe(`Redirect loop: ${server.origin}/ping → ${server.origin}/pong → ${server.origin}/ping`);
    expect(server.requests).toHaveLength(2);
  });

  it('refuses a redirect to a scheme other than http or https', async () => {
    server = await startLoopbackServer(respond(302, { location: 'file:///etc/passwd' }));
    client = loopbackClient();
    const error = await failure(client.fetch(`${server.origin}/`));
    expect(error.code).toBe('bad-scheme');
    expect(error.message).toBe('Only http and https URLs can be fetched, not file: (file:///etc/passwd)');
  });

  it('drops Authorization and Cookie when a redirect leaves the origin, and keeps them within it', async () => {
    const other = await startLoopbackServer(respond(200, {}, 'elsewhere'));
    server = await startLoopbackServer((request, response) => {
      if (request.url === '/start') response.writeHead(302, { location: '/same' }).end();
      else response.writeHead(302, { location: `${other.origin}/landing` }).end();
    });
    client = loopbackClient();
    try {
      await client.fetch(`${server.origin}/start`, { headers: { Authorization: 'Bearer s3cret', Cookie: 'sid=1' } });
      expect(server.requests.map((r) => [r.path, r.headers['authorization'], r.headers['cookie']])).toEqual([
        ['/start', 'Bearer s3cret', 'sid=1'],
        ['/same', 'Bearer s3cret', 'sid=1'],
      ]);
      expect(other.requests[0]?.headers['authorization']).toBeUndefined();
      expect(other.requests[0]?.headers['cookie']).toBeUndefined();
    } finally {
      await other.close();
    }
  });

  it('reports an error status with a message fit for the source health', async () => {
    server = await startLoopbackServer(respond(404, {}, 'gone'));
    client = loopbackClient();
    const error = await failure(client.fetch(`${server.origin}/missing`));
    expect(error).toMatchObject({ code: 'http-status', status: 404, message: `HTTP 404 from ${server.origin}/missing` });
    expect(error.retryAfterMs).toBeUndefined();
  });

  it('reads Retry-After in seconds from a 429', async () => {
    server = await startLoopbackServer(respond(429, { 'retry-after': '120' }));
    client = loopbackClient();
    const error = await failure(client.fetch(`${server.origin}/`));
    expect(error).toMatchObject({ code: 'http-status', status: 429, retryAfterMs: 120_000 });
  });

  it('reads Retry-After as an HTTP date from a 503, against the injected clock', async () => {
    server = await startLoopbackServer(respond(503, { 'retry-after': 'Wed, 04 Mar 2026 10:05:00 GMT' }));
    client = loopbackClient({ clock: { now: () => new Date('2026-03-04T10:00:00Z') } });
    const error = await failure(client.fetch(`${server.origin}/`));
    expect(error).toMatchObject({ code: 'http-status', status: 503, retryAfterMs: 300_000 });
  });

  it('refuses an image where a feed was expected, without reading the body', async () => {
    server = await startLoopbackServer(respond(200, { 'content-type': 'image/png' }, Buffer.alloc(1024)));
    client = loopbackClient();
    const error = await failure(client.fetch(`${server.origin}/feed`, { expect: 'feed' }));
    expect(error.code).toBe('unsupported-content-type');
    expect(error.message).toBe(`Expected a feed (XML or JSON) but ${server.origin}/feed is image/png`);
  });

  it('refuses application/octet-stream where an HTML page was expected', async () => {
    server = await startLoopbackServer(respond(200, { 'content-type': 'application/octet-stream' }, 'x'));
    client = loopbackClient();
    const error = await failure(client.fetch(`${server.origin}/page`, { expect: 'html' }));
    expect(error.message).toBe(`Expected an HTML page but ${server.origin}/page is application/octet-stream`);
  });

  it('refuses a URL that is not http or https before sending anything', async () => {
    server = await startLoopbackServer(respond(200, {}));
    client = loopbackClient();
    const error = await failure(client.fetch('ftp://127.0.0.1/feed.xml'));
    expect(error.code).toBe('bad-scheme');
    expect(server.requests).toHaveLength(0);
  });

  it('reports a refused connection as a network error', async () => {
    server = await startLoopbackServer(respond(200, {}));
    const port = server.port;
    await server.close();
    client = loopbackClient();
    const error = await failure(client.fetch(`http://127.0.0.1:${port}/`));
    expect(error.code).toBe('network');
    expect(error.message).toBe(`Could not fetch http://127.0.0.1:${port}/: ECONNREFUSED`);
  });
});
