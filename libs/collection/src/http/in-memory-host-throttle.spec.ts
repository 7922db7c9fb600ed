import { jest } from '@jest/globals';
import { InMemoryHostThrottle } from './in-memory-host-throttle';

interface Gate {
  promise: Promise<void>;
  open: () => void;
}

function gate(): Gate {
  let open = () => {};
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

// Fake timers also fake Date, so the throttle's default clock follows jest.advanceTimersByTimeAsync.
describe('InMemoryHostThrottle', () => {
  const T0 = new Date('2026-03-04T08:00:00Z').getTime();

  beforeEach(() => {
    jest.useFakeTimers({ now: T0 });
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  /** Runs a task that records when it started (ms after T0) and finishes when its gate opens. */
  function track(throttle: InMemoryHostThrottle, url: string, starts: Array<[string, number]>, done = gate()) {
    return throttle.run(url, async () => {
      starts.push([url, Date.now() - T0]);
      await done.promise;
    });
  }

  it('runs at most two requests to one site at a time', async () => {
    const throttle = new InMemoryHostThrottle({ minIntervalMs: 0 });
    const starts: Array<[string, number]> = [];
    const gates = [gate(), gate(), gate(), gate()];
    const runs = gates.map((g, i) => track(throttle, `https://tin.example/${i}`, starts, g));
    await jest.advanceTimersByTimeAsync(0);
    expect(starts.map(([url]) => url)).toEqual(['https://tin.example/0', 'https://tin.example/1']);
    gates[1]?.open();
    await jest.advanceTimersByTimeAsync(0);
    expect(starts.map(([url]) => url)).toEqual(['https://tin.example/0', 'https://tin.example/1', 'https://tin.example/2']);
    gates.forEach((g) => g.open());
    await Promise.all(runs);
    expect(starts).toHaveLength(4);
  });

  it('spaces request starts to one site by the minimum interval', async () => {
    const throttle = new InMemoryHostThrottle({ minIntervalMs: 1_000, maxConcurrentPerHost: 5 });
    const starts: Array<[string, number]> = [];
    const open = gate();
    open.open();
    const runs = [0, 1, 2].map((i) => track(throttle, `https://tin.example/${i}`, starts, open));
    await jest.advanceTimersByTimeAsync(2_500);
    await Promise.all(runs);
    expect(starts.map(([, at]) => at)).toEqual([0, 1_000, 2_000]);
  });

  it('treats subdomains of one registrable domain as one site, and other sites independently', async () => {
    const throttle = new InMemoryHostThrottle({ minIntervalMs: 1_000 });
    const starts: Array<[string, number]> = [];
    const open = gate();
    open.open();
    const runs = ['https://www.bao.vn/a', 'https://m.bao.vn/b', 'https://tin.gov.vn/c'].map((url) => track(throttle, url, starts, open));
    await jest.advanceTimersByTimeAsync(1_000);
    await Promise.all(runs);
    expect(starts).toEqual([
      ['https://www.bao.vn/a', 0],
      ['https://tin.gov.vn/c', 0],
      ['https://m.bao.vn/b', 1_000],
    ]);
  });

  it('raises the interval to the robots.txt crawl delay', async () => {
    const throttle = new InMemoryHostThrottle({ minIntervalMs: 1_000 });
    const starts: Array<[string, number]> = [];
    const runs = [0, 1].map((i) =>
      throttle.run(`https://tin.example/${i}`, async () => void starts.push(['', Date.now() - T0]), { crawlDelayMs: 5_000 }),
    );
    await jest.advanceTimersByTimeAsync(5_000);
    await Promise.all(runs);
    expect(starts.map(([, at]) => at)).toEqual([0, 5_000]);
  });

  it('holds every request to a backed-off site until the back-off ends', async () => {
    const throttle = new InMemoryHostThrottle({ minIntervalMs: 1_000 });
    await throttle.backOff('tin.example', T0 + 30_000);
    expect(await throttle.backedOffUntil('https://www.tin.example/x')).toBe(T0 + 30_000);
    const starts: Array<[string, number]> = [];
    const run = throttle.run('https://tin.example/after', async () => void starts.push(['', Date.now() - T0]));
    await jest.advanceTimersByTimeAsync(29_999);
    expect(starts).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    await run;
    expect(starts.map(([, at]) => at)).toEqual([30_000]);
    expect(await throttle.backedOffUntil('tin.example')).toBe(0);
  });

  it('frees the slot when a task fails', async () => {
    const throttle = new InMemoryHostThrottle({ minIntervalMs: 0, maxConcurrentPerHost: 1 });
    await expect(throttle.run('https://tin.example/', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(throttle.run('https://tin.example/', async () => 'next')).resolves.toBe('next');
  });

  it('forgets idle sites whose interval has passed, keeping memory bounded', async () => {
    const throttle = new InMemoryHostThrottle({ minIntervalMs: 1_000, maxHosts: 2 });
    for (let i = 0; i < 50; i += 1) {
      await throttle.run(`https://site${i}.example/`, async () => undefined);
      await jest.advanceTimersByTimeAsync(1_000);
    }
    expect(throttle.trackedHosts).toBe(2);
  });
});
