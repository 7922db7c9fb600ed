import { FetchError, isHalfFailure } from './fetch-error';
import type { GuardedHttpClient } from './guarded-http-client';
import { HostBusyError, type RunOptions } from './host-throttle';
import { InMemoryHostThrottle } from './in-memory-host-throttle';
import { PoliteFetcher } from './polite-fetcher';
import { RobotsPolicy } from './robots-policy';
import { failure, loopbackClient, startLoopbackServer, stubResolver, type LoopbackServer } from './test-fixtures';

type Route = { status: number; headers?: Record<string, string>; body?: string };

class RecordingThrottle extends InMemoryHostThrottle {
  readonly runOptions: RunOptions[] = [];
  override run<T>(url: string, task: () => Promise<T>, options: RunOptions = {}): Promise<T> {
    this.runOptions.push(options);
    return super.run(url, task, options);
  }
}

describe('PoliteFetcher', () => {
  let server: LoopbackServer;
  let client: GuardedHttpClient;
  let throttle: RecordingThrottle;
  let fetcher: PoliteFetcher;
  const now = new Date('2026-03-04T10:00:00Z');

  async function site(routes: Record<string, Route>): Promise<void> {
    server = await startLoopbackServer((request, response) => {
      const route = routes[request.url ?? ''] ?? { status: 404 };
      response.writeHead(route.status, route.headers ?? {}).end(route.body ?? '');
    });
    const clock = { now: () => now };
    client = loopbackClient({ clock });
    throttle = new RecordingThrottle({ minIntervalMs: 0, clock });
    fetcher = new PoliteFetcher({ client, robots: new RobotsPolicy({ client, clock }), throttle, clock });
  }

  afterEach(async () => {
    await client.close();
    await server.close();
  });

  const robotsTxt: Route = { status: 200, body: 'User-agent: VigilBot\nDisallow: /private/\nCrawl-delay: 2\n' };

  it('reads robots.txt first, then fetches an allowed page with the crawl delay as its interval', async () => {
    await site({ '/robots.txt': robotsTxt, '/news': { status: 200, headers: { 'content-type': 'text/html' }, body: '<p>tin</p>' } });
    const result = await fetcher.fetch(`${server.origin}/news`, { expect: 'html' });
    expect(result.text()).toBe('<p>tin</p>');
    expect(server.requests.map((request) => request.path)).toEqual(['/robots.txt', '/news']);
    expect(throttle.runOptions).toEqual([{ crawlDelayMs: 2_000 }]);
  });

  it("for a job, declines to wait for a host's turn that is further off than a moment, without requesting the page", async () => {
    const page: Route = { status: 200, headers: { 'content-type': 'text/html' }, body: '<p>tin</p>' };
    await site({ '/robots.txt': robotsTxt, '/news': page, '/later': page });
    await fetcher.fetch(`${server.origin}/news`, { expect: 'html', whenHostBusy: 'defer' });
    const error: unknown = await fetcher.fetch(`${server.origin}/later`, { expect: 'html', whenHostBusy: 'defer', claimsNextTurn: true }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HostBusyError);
    expect(error).toMatchObject({ host: '127.0.0.1', retryAfterMs: 2_000, delayMs: 2_000 });
    expect(server.requests.map((request) => request.path)).toEqual(['/robots.txt', '/news']);
    expect(throttle.runOptions.map(({ maxWaitMs, claimsNextTurn }) => ({ maxWaitMs, claimsNextTurn }))).toEqual([
      { maxWaitMs: 50, claimsNextTurn: undefined },
      { maxWaitMs: 50, claimsNextTurn: true },
    ]);
  });

  it('refuses a page robots.txt disallows, without requesting it', async () => {
    await site({ '/robots.txt': robotsTxt });
    const error = await failure(fetcher.fetch(`${server.origin}/private/memo`));
    expect(error).toMatchObject({
      code: 'robots-disallowed',
      message: `robots.txt of ${server.origin} does not allow VigilBot to fetch ${server.origin}/private/memo`,
    });
    expect(server.requests.map((request) => request.path)).toEqual(['/robots.txt']);
  });

  it("does not follow a redirect to a page robots.txt disallows, so it is never requested", async () => {
    await site({ '/robots.txt': robotsTxt, '/moved': { status: 302, headers: { location: '/private/memo' } } });
    const error = await failure(fetcher.fetch(`${server.origin}/moved`));
    expect(error).toMatchObject({ code: 'robots-disallowed', message: `robots.txt of ${server.origin} does not allow VigilBot to fetch ${server.origin}/private/memo` });
    expect(server.requests.map((request) => request.path)).toEqual(['/robots.txt', '/moved']);
  });

  it("reads the robots.txt of the site a redirect leads to, and follows only where it allows", async () => {
    const elsewhere = await startLoopbackServer((request, response) => {
      if (request.url === '/robots.txt') response.writeHead(200).end('User-agent: *\nDisallow: /archive/\n');
      else response.writeHead(200, { 'content-type': 'text/html' }).end('<p>bài gốc</p>');
    });
    try {
      await site({
        '/robots.txt': { status: 404 },
        '/syndicated': { status: 301, headers: { location: `${elsewhere.origin}/archive/2026/story` } },
        '/republished': { status: 301, headers: { location: `${elsewhere.origin}/news/story` } },
      });
      const error = await failure(fetcher.fetch(`${server.origin}/syndicated`));
      expect(error).toMatchObject({ code: 'robots-disallowed', message: `robots.txt of ${elsewhere.origin} does not allow VigilBot to fetch ${elsewhere.origin}/archive/2026/story` });
      const followed = await fetcher.fetch(`${server.origin}/republished`, { expect: 'html' });
      expect(followed.text()).toBe('<p>bài gốc</p>');
      expect(followed.finalUrl).toBe(`${elsewhere.origin}/news/story`);
      expect(elsewhere.requests.map((request) => request.path)).toEqual(['/robots.txt', '/news/story']);
    } finally {
      await elsewhere.close();
    }
  });

  it('turns a 429 into rate-limited with its Retry-After, and fails later fetches to the site fast', async () => {
    await site({ '/robots.txt': { status: 404 }, '/feed': { status: 429, headers: { 'retry-after': '120' } } });
    const error = await failure(fetcher.fetch(`${server.origin}/feed`));
    expect(error).toMatchObject({
      code: 'rate-limited',
      status: 429,
      retryAfterMs: 120_000,
      message: `HTTP 429 from ${server.origin}/feed; Vigil waits 2 min before asking again`,
    });
    expect(isHalfFailure(error)).toBe(true);
    expect(await throttle.backedOffUntil(server.origin)).toBe(now.getTime() + 120_000);

    const again = await failure(fetcher.fetch(`${server.origin}/other`));
    expect(again).toMatchObject({ code: 'rate-limited', retryAfterMs: 120_000, message: `127.0.0.1:${server.port} asked Vigil to slow down; next try in 2 min` });
    expect(server.requests.map((request) => request.path)).toEqual(['/robots.txt', '/feed']);
  });

  it('honours a Retry-After date on a 503', async () => {
    await site({ '/robots.txt': { status: 404 }, '/feed': { status: 503, headers: { 'retry-after': 'Wed, 04 Mar 2026 10:10:00 GMT' } } });
    const error = await failure(fetcher.fetch(`${server.origin}/feed`));
    expect(error).toMatchObject({ code: 'rate-limited', status: 503, retryAfterMs: 600_000 });
  });

  it('backs off for a minute when a 429 gives no Retry-After', async () => {
    await site({ '/robots.txt': { status: 404 }, '/feed': { status: 429 } });
    const error = await failure(fetcher.fetch(`${server.origin}/feed`));
    expect(error.retryAfterMs).toBe(60_000);
  });

  it('passes other HTTP errors through unchanged', async () => {
    await site({ '/robots.txt': { status: 404 } });
    const error = await failure(fetcher.fetch(`${server.origin}/gone`));
    expect(error).toMatchObject({ code: 'http-status', status: 404, message: `HTTP 404 from ${server.origin}/gone` });
    expect(isHalfFailure(error)).toBe(true);
    expect(await throttle.backedOffUntil(server.origin)).toBe(0);
  });
});

// Two sites on one loopback server: 127.0.0.1 and localhost (resolved to 127.0.0.1 by a stub) have budgets of their own.
describe('PoliteFetcher, when a redirect leads to another site', () => {
  let server: LoopbackServer;
  let client: GuardedHttpClient;
  const storyArrivals: number[] = [];
  const otherSite = () => `http://localhost:${server.port}`;

  beforeEach(async () => {
    storyArrivals.length = 0;
    server = await startLoopbackServer((request, response) => {
      const other = `http://localhost:${server.port}`;
      if (request.url === '/robots.txt') response.writeHead(404).end();
      else if (request.url === '/moved') response.writeHead(302, { location: `${other}/story` }).end();
      else if (request.url === '/busy') response.writeHead(302, { location: `${other}/limited` }).end();
      else if (request.url === '/limited') response.writeHead(429, { 'retry-after': '300' }).end();
      else if (request.url === '/and-back') response.writeHead(302, { location: `${other}/return` }).end();
      else if (request.url === '/return') response.writeHead(302, { location: `http://127.0.0.1:${server.port}/home` }).end();
      else if (request.url === '/to-slow') response.writeHead(302, { location: `${other}/slow` }).end();
      else if (request.url === '/onwards') response.writeHead(302, { location: `${other}/onwards-again` }).end();
      else if (request.url === '/onwards-again') response.writeHead(302, { location: `http://third.test:${server.port}/story` }).end();
      else if (request.url === '/slow') setTimeout(() => response.writeHead(200, { 'content-type': 'text/html' }).end('<p>/slow</p>'), 400);
      else {
        if (request.url === '/story') storyArrivals.push(Date.now());
        response.writeHead(200, { 'content-type': 'text/html' }).end(`<p>${request.url}</p>`);
      }
    });
    client = loopbackClient({ resolver: stubResolver({ localhost: ['127.0.0.1'], 'third.test': ['127.0.0.1'] }) });
  });

  afterEach(async () => {
    await client.close();
    await server.close();
  });

  function fetcherWith(throttle: InMemoryHostThrottle, options: { maxRedirectWaitMs?: number } = {}): PoliteFetcher {
    return new PoliteFetcher({ client, robots: new RobotsPolicy({ client }), throttle, ...options });
  }

  it("waits for that site's spacing before following, as if the page were asked for", async () => {
    const fetcher = fetcherWith(new InMemoryHostThrottle({ minIntervalMs: 300 }));
    await fetcher.fetch(`${otherSite()}/story`, { expect: 'html' });
    const followed = await fetcher.fetch(`${server.origin}/moved`, { expect: 'html' });
    expect(followed.finalUrl).toBe(`${otherSite()}/story`);
    expect(storyArrivals).toHaveLength(2);
    // Timer granularity: a turn may start a millisecond early by the wall clock.
    expect(storyArrivals[1]! - storyArrivals[0]!).toBeGreaterThanOrEqual(290);
  });

  it("defers a job whose redirect leads to a site with no free turn, without requesting the target", async () => {
    const fetcher = fetcherWith(new InMemoryHostThrottle({ minIntervalMs: 60_000 }));
    await fetcher.fetch(`${otherSite()}/story`, { expect: 'html' });
    const error: unknown = await fetcher.fetch(`${server.origin}/moved`, { expect: 'html', whenHostBusy: 'defer' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HostBusyError);
    expect(error).toMatchObject({ host: 'localhost' });
    expect((error as HostBusyError).retryAfterMs).toBeGreaterThan(59_000);
    expect(server.requests.filter((request) => request.path === '/story')).toHaveLength(1);
  });

  it('gives up with rate-limited when a waiting caller would wait too long for that site', async () => {
    const fetcher = fetcherWith(new InMemoryHostThrottle({ minIntervalMs: 60_000 }), { maxRedirectWaitMs: 100 });
    await fetcher.fetch(`${otherSite()}/story`, { expect: 'html' });
    const error = await failure(fetcher.fetch(`${server.origin}/moved`, { expect: 'html' }));
    expect(error.code).toBe('rate-limited');
    expect(error.message).toMatch(new RegExp(`^${otherSite()}/story is on localhost, which has no free turn for (59|60) s$`));
    expect(server.requests.filter((request) => request.path === '/story')).toHaveLength(1);
  });

  it('backs off the site that answered 429, not the one that redirected to it', async () => {
    const throttle = new InMemoryHostThrottle({ minIntervalMs: 0 });
    const error = await failure(fetcherWith(throttle).fetch(`${server.origin}/busy`));
    expect(error).toMatchObject({ code: 'rate-limited', status: 429, message: `HTTP 429 from ${otherSite()}/limited; Vigil waits 5 min before asking again` });
    expect(await throttle.backedOffUntil(otherSite())).toBeGreaterThan(Date.now() + 290_000);
    expect(await throttle.backedOffUntil(server.origin)).toBe(0);
  });

  it('holds a slot on that site until the redirected request ends, so a site that allows one request at a time gets one', async () => {
    const throttle = new InMemoryHostThrottle({ minIntervalMs: 0, maxConcurrentPerHost: 1 });
    const fetcher = fetcherWith(throttle);
    const redirected = fetcher.fetch(`${server.origin}/to-slow`, { expect: 'html' });
    await waitForRequest('/slow');
    const whileHeld: unknown = await fetcher.fetch(`${otherSite()}/story`, { expect: 'html', whenHostBusy: 'defer' }).catch((caught: unknown) => caught);
    expect(whileHeld).toBeInstanceOf(HostBusyError);
    expect(whileHeld).toMatchObject({ host: 'localhost' });
    expect((await redirected).text()).toBe('<p>/slow</p>');
    // Let go once the redirected request has ended.
    expect((await fetcher.fetch(`${otherSite()}/story`, { expect: 'html', whenHostBusy: 'defer' })).text()).toBe('<p>/story</p>');
  });

  it('lets go of the slot on a site the redirect leaves for a third one', async () => {
    const throttle = new InMemoryHostThrottle({ minIntervalMs: 0, maxConcurrentPerHost: 1 });
    const fetcher = fetcherWith(throttle);
    const followed = await fetcher.fetch(`${server.origin}/onwards`, { expect: 'html' });
    expect(followed.finalUrl).toBe(`http://third.test:${server.port}/story`);
    // Both sites a redirect passed through are free again.
    expect((await fetcher.fetch(`${otherSite()}/story`, { expect: 'html', whenHostBusy: 'defer' })).text()).toBe('<p>/story</p>');
    expect((await fetcher.fetch(`http://third.test:${server.port}/story`, { expect: 'html', whenHostBusy: 'defer' })).text()).toBe('<p>/story</p>');
  });

  async function waitForRequest(path: string): Promise<void> {
    for (let waited = 0; !server.requests.some((request) => request.path === path); waited += 10) {
      if (waited > 5_000) throw new Error(`${path} was never requested`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  it("comes back to the first site on the slot its fetch holds, even when that site allows one request at a time", async () => {
    const fetcher = fetcherWith(new InMemoryHostThrottle({ minIntervalMs: 0, maxConcurrentPerHost: 1 }), { maxRedirectWaitMs: 1_000 });
    const followed = await fetcher.fetch(`${server.origin}/and-back`, { expect: 'html' });
    expect(followed.finalUrl).toBe(`${server.origin}/home`);
    expect(followed.text()).toBe('<p>/home</p>');
  });
});

describe('isHalfFailure', () => {
  it.each([
    [new FetchError('http-status', 'HTTP 404', { status: 404 }), true],
    [new FetchError('http-status', 'HTTP 500', { status: 500 }), true],
    [new FetchError('rate-limited', 'HTTP 429', { status: 429 }), true],
    [new FetchError('http-status', 'HTTP 403', { status: 403 }), false],
    [new FetchError('http-status', 'HTTP 410', { status: 410 }), false],
    [new FetchError('timeout', 'slow'), false],
    [new FetchError('rate-limited', 'backed off'), false],
    [new Error('other'), false],
  ])('counts %s as a half failure: %s', (error, expected) => {
    expect(isHalfFailure(error)).toBe(expected);
  });
});
