import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { FeedParseError } from '@vigil/parsing';
import { ParseTaskError, ParsingPool, ParsingPoolBusyError } from './parsing-pool';

const PARAGRAPH =
  '<p>Bộ Y tế khẳng định thông tin về dịch bệnh lan truyền trên mạng xã hội là sai sự thật, người dân cần bình tĩnh theo dõi nguồn chính thống. <a href="/tin/1.html">Xem thêm</a></p>\n';

/** An article page of about `mib` MiB: long enough that extracting it keeps a thread busy for seconds. */
function articlePage(mib: number): string {
  const count = Math.ceil((mib * 1024 * 1024) / Buffer.byteLength(PARAGRAPH));
  return `<!doctype html><html lang="vi"><head><title>Tin dài</title></head><body><article><h1>Tin dài</h1>${PARAGRAPH.repeat(count)}</article></body></html>`;
}

const SMALL_PAGE = `<!doctype html><html lang="vi"><head><title>Tin ngắn</title></head><body><article><h1>Tin ngắn</h1>${PARAGRAPH.repeat(5)}</article></body></html>`;

/** Samples the main thread's event loop: the longest a 10 ms timer fired late while `work` ran. */
async function maxEventLoopLag<T>(work: () => Promise<T>): Promise<{ result: T; maxLagMs: number; elapsedMs: number }> {
  const intervalMs = 10;
  let maxLagMs = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    maxLagMs = Math.max(maxLagMs, now - last - intervalMs);
    last = now;
  }, intervalMs);
  const started = performance.now();
  try {
    const result = await work();
    return { result, maxLagMs, elapsedMs: performance.now() - started };
  } finally {
    clearInterval(timer);
  }
}

describe('ParsingPool', () => {
  let pool: ParsingPool | undefined;

  afterEach(async () => {
    await pool?.destroy();
    pool = undefined;
  });

  it('extracts a multi-MiB article off the main thread: the event loop keeps ticking meanwhile', async () => {
    pool = new ParsingPool({ threads: 1 });
    const html = articlePage(1.5);
    const { result, maxLagMs, elapsedMs } = await maxEventLoopLag(() => pool!.extractArticle(html, 'https://tin.example.vn/tin-dai.html'));
    expect(result.title).toBe('Tin dài');
    expect(result.text).toContain('sai sự thật');
    // On the main thread the extraction would block every timer for its whole duration (seconds).
    expect(elapsedMs).toBeGreaterThan(500);
    expect(maxLagMs).toBeLessThan(elapsedMs / 5);
  });

  it('stops a task that runs past its time limit with a clear error, and keeps serving afterwards', async () => {
    pool = new ParsingPool({ threads: 1, timeoutMs: 200 });
    const runaway = pool.extractArticle(articlePage(2), 'https://tin.example.vn/tin-dai.html');
    await expect(runaway).rejects.toThrow('Article extraction stopped after 0.2 s: the document is too large or too complex');
    await expect(runaway).rejects.toBeInstanceOf(ParseTaskError);
    await expect(runaway).rejects.toMatchObject({ kind: 'article', reason: 'timeout' });
    await expect(pool.parseFeed('<rss version="2.0"><channel><title>Sau</title></channel></rss>')).resolves.toMatchObject({ title: 'Sau' });
  });


  it('holds the limit when the event loop is too busy to fire its timer: a task that ran past it still fails', async () => {
    pool = new ParsingPool({ threads: 1, timeoutMs: 200 });
    await pool.parseFeed('<rss version="2.0"><channel><title>Khởi động</title></channel></rss>');
    const runaway = pool.extractArticle(articlePage(0.6), 'https://tin.example.vn/tin-dai.html');
    // Once the task is handed to its thread, the main thread stays blocked until the thread has finished, so neither
    // the thread's start nor the timer is seen in time.
    await new Promise((resolve) => setImmediate(resolve));
    const blockedUntil = performance.now() + 8_000;
    while (performance.now() < blockedUntil) {
      // Busy, as a long garbage collection or a synchronous burst of work would be.
    }
    await expect(runaway).rejects.toMatchObject({ kind: 'article', reason: 'timeout' });
  });
  it('runs the tasks that were waiting behind a stopped one', async () => {
    pool = new ParsingPool({ threads: 1, timeoutMs: 200 });
    const runaway = pool.extractArticle(articlePage(2), 'https://tin.example.vn/tin-dai.html');
    const waiting = [pool.extractArticle(SMALL_PAGE, 'https://tin.example.vn/1.html'), pool.parseFeed('<rss version="2.0"><channel><title>Chờ</title></channel></rss>')];
    await expect(runaway).rejects.toBeInstanceOf(ParseTaskError);
    await expect(Promise.all(waiting)).resolves.toMatchObject([{ title: 'Tin ngắn' }, { title: 'Chờ' }]);
  });

  it('passes a parser’s own error back as that error', async () => {
    pool = new ParsingPool({ threads: 1 });
    await expect(pool.parseFeed('<html><body>not a feed</body></html>')).rejects.toBeInstanceOf(FeedParseError);
  });

  it('refuses tasks beyond its queue limit, instead of growing without bound', async () => {
    pool = new ParsingPool({ threads: 1, maxQueue: 2 });
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, n) => pool!.extractArticle(SMALL_PAGE, `https://tin.example.vn/${n}.html`)));
    const refused = results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
    // One task per thread plus two waiting are taken; the other seven are refused at once.
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(3);
    expect(refused).toHaveLength(7);
    expect(refused.every((reason) => reason instanceof ParsingPoolBusyError)).toBe(true);
  });

  it('sanitises an archived page from its gzip bytes', async () => {
    pool = new ParsingPool({ threads: 1 });
    const page = '<html><body><script>alert(1)</script><p onclick="x()">Nội dung <img src="https://x/y.png" alt="ảnh"></p></body></html>';
    const body = await pool.sanitizeSnapshot(gzipSync(Buffer.from(page)), 'text/html; charset=utf-8', 'https://tin.example.vn/bai.html');
    expect(body).toBe('<p>Nội dung <span>[ảnh]</span></p>');
  });

  it('refuses work once destroyed', async () => {
    pool = new ParsingPool({ threads: 1 });
    await pool.destroy();
    await expect(pool.parseFeed('<rss version="2.0"><channel><title>X</title></channel></rss>')).rejects.toThrow('The parsing pool is shut down');
  });
});
