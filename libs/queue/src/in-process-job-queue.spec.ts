import { jest } from '@jest/globals';
import { InProcessJobQueue } from './in-process-job-queue';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('in-process job queue', () => {
  let queue: InProcessJobQueue;

  afterEach(async () => {
    await queue.close();
  });

  it('runs queued jobs once a processor is registered', async () => {
    queue = new InProcessJobQueue(2);
    const seen: string[] = [];
    const done = deferred();
    await queue.enqueue('collect-source', { sourceId: 'a' });
    queue.process('collect-source', async ({ sourceId }) => {
      seen.push(sourceId);
      done.resolve();
    });
    await done.promise;
    expect(seen).toEqual(['a']);
  });

  it('does not add a job whose id is already waiting or running', async () => {
    queue = new InProcessJobQueue(1);
    const release = deferred();
    const seen: string[] = [];
    queue.process('collect-source', async ({ sourceId }) => {
      seen.push(sourceId);
      await release.promise;
    });
    await queue.enqueue('collect-source', { sourceId: 'first' }, { jobId: 'same' });
    await queue.enqueue('collect-source', { sourceId: 'second' }, { jobId: 'same' });
    release.resolve();
    await queue.close();
    expect(seen).toEqual(['first']);
  });

  it('never runs more jobs at once than its concurrency', async () => {
    queue = new InProcessJobQueue(2);
    let running = 0;
    let peak = 0;
    const finished = deferred();
    let count = 0;
    queue.process('collect-source', async () => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setImmediate(resolve));
      running -= 1;
      if (++count === 6) finished.resolve();
    });
    for (let index = 0; index < 6; index += 1) await queue.enqueue('collect-source', { sourceId: String(index) });
    await finished.promise;
    expect(peak).toBe(2);
  });

  it('retries a failing job with backoff until it succeeds', async () => {
    jest.useFakeTimers();
    try {
      queue = new InProcessJobQueue(1);
      let attempts = 0;
      const succeeded = deferred();
      queue.process('collect-source', async () => {
        attempts += 1;
        if (attempts < 3) throw new Error('temporary');
        succeeded.resolve();
      });
      await queue.enqueue('collect-source', { sourceId: 'x' });
      await jest.advanceTimersByTimeAsync(1000);
      expect(attempts).toBe(2);
      await jest.advanceTimersByTimeAsync(2000);
      await succeeded.promise;
      expect(attempts).toBe(3);
    } finally {
      jest.useRealTimers();
    }
  });
});
