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

  it('keeps at most its backlog limit of a name waiting, and says when a tenth is left so the outbox can refill it', async () => {
    const queue = new InProcessJobQueue({ concurrency: 1, backlogLimits: { 'enrich-item': 10 } });
    const gates: (() => void)[] = [];
    const seen: string[] = [];
    queue.process('enrich-item', async ({ itemId }) => {
      seen.push(itemId);
      await new Promise<void>((resolve) => gates.push(resolve));
    });
    const roomAt: number[] = [];
    queue.onBacklogRoom((name) => {
      expect(name).toBe('enrich-item');
      roomAt.push(seen.length);
    });
    const ids = Array.from({ length: 25 }, () => randomUUID());
    await queue.enqueueMany('enrich-item', ids.map((itemId) => ({ payload: { itemId }, jobId: `enrich-${itemId}` })));
    expect(await queue.depth()).toEqual({ waiting: 9, delayed: 0, active: 1 });
    const runNext = async () => {
      await waitFor(() => gates.length > 0);
      gates.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
    };
    for (let run = 0; run < 10; run += 1) await runNext();
    expect(seen).toEqual(ids.slice(0, 10));
    // Taking the ninth job (eight had run) left one waiting, a tenth of 10: reported once.
    expect(roomAt).toEqual([8]);
    // The jobs left out were never known, so the sweep's add queues them.
    await queue.enqueueMany('enrich-item', ids.slice(10).map((itemId) => ({ payload: { itemId }, jobId: `enrich-${itemId}` })));
    for (let run = 0; run < 10; run += 1) await runNext();
    expect(seen).toEqual(ids.slice(0, 20));
    gates.forEach((open) => open());
    await queue.close();
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let tries = 0; tries < 200 && !condition(); tries += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  if (!condition()) throw new Error('condition not met within 1 s');
}
