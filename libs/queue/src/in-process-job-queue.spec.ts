import { randomUUID } from 'node:crypto';
import { InProcessJobQueue } from './in-process-job-queue';

/** In-process specifics; what both queues promise is in job-queue.contract.spec.ts. */
describe('in-process job queue', () => {
  /** Adds `count` jobs and waits for all of them to run; returns the time per job in microseconds. */
  async function perJobMicros(count: number): Promise<number> {
    const queue = new InProcessJobQueue({ concurrency: 4 });
    const sourceId = randomUUID();
    const jobs = Array.from({ length: count }, (_, index) => ({ payload: { sourceId }, jobId: `job-${index}` }));
    let done = 0;
    let finish = () => {};
    const drained = new Promise<void>((resolve) => (finish = resolve));
    const startedAt = performance.now();
    queue.process('collect-source', async () => {
      if (++done === count) finish();
    });
    await queue.enqueueMany('collect-source', jobs);
    await drained;
    const elapsed = performance.now() - startedAt;
    await queue.close();
    return (elapsed * 1000) / count;
  }

  it('costs about the same per job with 160,000 queued as with 10,000 (no quadratic backlog)', async () => {
    await perJobMicros(10_000); // warm-up: JIT and allocation
    const small = Math.min(await perJobMicros(10_000), await perJobMicros(10_000));
    const large = await perJobMicros(160_000);
    // A complexity check, not a speed goal: an O(n) removal per job makes the large run ~16× dearer per job.
    expect(large / small).toBeLessThan(3);
  }, 120_000);

  it('drops waiting jobs at close and adds none afterwards', async () => {
    const queue = new InProcessJobQueue({ concurrency: 1 });
    let release = () => {};
    const blocked = new Promise<void>((resolve) => (release = resolve));
    const seen: string[] = [];
    queue.process('enrich-item', async ({ itemId }) => {
      seen.push(itemId);
      await blocked;
    });
    const [running, waiting, late] = [randomUUID(), randomUUID(), randomUUID()];
    await queue.enqueue('enrich-item', { itemId: running });
    await queue.enqueue('enrich-item', { itemId: waiting });
    const closed = queue.close();
    release();
    await closed;
    await queue.enqueue('enrich-item', { itemId: late });
    expect(seen).toEqual([running]);
    await expect(queue.ping()).rejects.toThrow('closed');
  });
});
