import { FetchError } from './fetch-error';
import type { GuardedHttpClient } from './guarded-http-client';
import { RobotsPolicy } from './robots-policy';
import { loopbackClient, respond, startLoopbackServer, type Handler, type LoopbackServer } from './test-fixtures';

const ROBOTS = [
  'User-agent: *',
  'Disallow: /',
  '',
  'User-agent: VigilBot',
  'Disallow: /private/',
  'Allow: /private/press/',
  'Crawl-delay: 3',
].join('\n');

function manualClock(start = '2026-03-04T08:00:00Z'): { now(): Date; advance(ms: number): void } {
  let now = new Date(start).getTime();
  return { now: () => new Date(now), advance: (ms) => (now += ms) };
}

describe('RobotsPolicy', () => {
  let server: LoopbackServer;
  let client: GuardedHttpClient;

  afterEach(async () => {
    await client.close();
    await server.close();
  });

  async function policyFor(handler: Handler, clock = manualClock()): Promise<RobotsPolicy> {
    server = await startLoopbackServer(handler);
    client = loopbackClient();
    return new RobotsPolicy({ client, clock });
  }

  it('applies the rules written for VigilBot, not the wildcard group', async () => {
    const robots = await policyFor(respond(200, { 'content-type': 'text/plain' }, ROBOTS));
    expect(await robots.isAllowed(`${server.origin}/news/1`)).toBe(true);
    expect(await robots.isAllowed(`${server.origin}/private/memo`)).toBe(false);
    expect(await robots.isAllowed(`${server.origin}/private/press/release`)).toBe(true);
    expect(await robots.crawlDelayMs(`${server.origin}/news/1`)).toBe(3_000);
  });

  it('allows everything when robots.txt is missing (404)', async () => {
    const robots = await policyFor(respond(404, {}, 'not found'));
    expect(await robots.isAllowed(`${server.origin}/anything`)).toBe(true);
    expect(await robots.crawlDelayMs(`${server.origin}/anything`)).toBeNull();
  });

  it('allows everything when robots.txt is forbidden (403), as RFC 9309 says for every 4xx', async () => {
    const robots = await policyFor(respond(403, {}));
    expect(await robots.isAllowed(`${server.origin}/anything`)).toBe(true);
  });

  it('disallows everything when robots.txt answers 500', async () => {
    const robots = await policyFor(respond(500, {}));
    expect(await robots.isAllowed(`${server.origin}/anything`)).toBe(false);
  });

  it('disallows everything when robots.txt answers 429', async () => {
    const robots = await policyFor(respond(429, { 'retry-after': '60' }));
    expect(await robots.isAllowed(`${server.origin}/anything`)).toBe(false);
  });

  it('disallows everything when the site cannot be reached', async () => {
    server = await startLoopbackServer(respond(200, {}));
    const port = server.port;
    await server.close();
    client = loopbackClient();
    const robots = new RobotsPolicy({ client, clock: manualClock() });
    expect(await robots.isAllowed(`http://127.0.0.1:${port}/page`)).toBe(false);
  });

  it('fetches robots.txt once per origin for concurrent and repeated checks within 24 hours', async () => {
    const clock = manualClock();
    const robots = await policyFor(respond(200, {}, ROBOTS), clock);
    await Promise.all([robots.isAllowed(`${server.origin}/a`), robots.isAllowed(`${server.origin}/b`)]);
    clock.advance(23 * 3_600_000);
    await robots.isAllowed(`${server.origin}/c`);
    await robots.crawlDelayMs(`${server.origin}/d`);
    expect(server.requests.map((request) => request.path)).toEqual(['/robots.txt']);
  });

  it('fetches robots.txt again once the cached copy is 24 hours old', async () => {
    const clock = manualClock();
    let body = ROBOTS;
    const robots = await policyFor((_request, response) => response.writeHead(200).end(body), clock);
    expect(await robots.isAllowed(`${server.origin}/private/memo`)).toBe(false);
    body = 'User-agent: *\nDisallow:\n';
    clock.advance(24 * 3_600_000);
    expect(await robots.isAllowed(`${server.origin}/private/memo`)).toBe(true);
    expect(server.requests).toHaveLength(2);
  });

  it('asks again an hour after robots.txt was unreachable, instead of waiting a day', async () => {
    const clock = manualClock();
    let status = 503;
    const robots = await policyFor((_request, response) => response.writeHead(status).end(''), clock);
    expect(await robots.isAllowed(`${server.origin}/a`)).toBe(false);
    status = 404;
    clock.advance(59 * 60_000);
    expect(await robots.isAllowed(`${server.origin}/a`)).toBe(false);
    clock.advance(60_000);
    expect(await robots.isAllowed(`${server.origin}/a`)).toBe(true);
    expect(server.requests).toHaveLength(2);
  });

  it('parses only the first 500 KiB, dropping a rule cut in half', async () => {
    // The 500 KiB boundary falls right after "Disallow: /news" of "Disallow: /news/archive/":
    // parsed as cut, it would shut out the whole news section.
    const head = 'User-agent: VigilBot\nDisallow: /early/\n';
    const cut = 'Disallow: /news';
    const filler = `# ${'x'.repeat(500 * 1024 - head.length - cut.length - 3)}\n`;
    const text = `${head}${filler}${cut}/archive/\nDisallow: /late/\n`;
    expect(text.indexOf(cut) + cut.length).toBe(500 * 1024);
    const robots = await policyFor(respond(200, {}, text));
    expect(await robots.isAllowed(`${server.origin}/early/1`)).toBe(false);
    expect(await robots.isAllowed(`${server.origin}/news/today`)).toBe(true);
    expect(await robots.isAllowed(`${server.origin}/late/1`)).toBe(true);
  });

  it('clamps a huge Crawl-delay to one minute', async () => {
    const robots = await policyFor(respond(200, {}, 'User-agent: *\nCrawl-delay: 86400\n'));
    expect(await robots.crawlDelayMs(`${server.origin}/`)).toBe(60_000);
  });

  it('reports a blocked address instead of treating it as an unreachable robots.txt', async () => {
    server = await startLoopbackServer(respond(200, {}));
    client = loopbackClient({ allowlist: [] });
    const robots = new RobotsPolicy({ client, clock: manualClock() });
    const error = await robots.isAllowed('http://10.0.0.5/page').catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(FetchError);
    expect((error as FetchError).code).toBe('blocked-address');
  });
});
