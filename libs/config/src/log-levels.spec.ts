import { runWithLogContext } from './log-context';
import { serverLogger } from './log-levels';

/** What `work` writes to stdout, kept from the terminal. */
function stdoutOf(work: () => void): string[] {
  const written: string[] = [];
  const original = process.stdout.write;
  process.stdout.write = ((chunk: string | Uint8Array) => written.push(String(chunk)) > 0) as typeof process.stdout.write;
  try {
    work();
  } finally {
    process.stdout.write = original;
  }
  return written;
}

describe('serverLogger', () => {
  it('stamps each line in ISO 8601 UTC, not the machine locale, without colour codes off a terminal', () => {
    const logger = serverLogger('info');
    if (logger === false) throw new Error('LOG_LEVEL=info must give a logger');
    const written = stdoutOf(() => logger.log('Nguồn tin đã được thêm', 'Sources'));
    expect(written).toHaveLength(1);
    // Nest's own stamp would read like "12/01/2026, 1:34:43 PM".
    expect(written[0]).toMatch(/^\[Nest\] \d+ +- \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z +LOG \[Sources\] Nguồn tin đã được thêm\n$/);
  });

  it('keeps LOG_LEVEL: nothing below it is written, and silent means no logger', () => {
    const logger = serverLogger('warn');
    if (logger === false) throw new Error('LOG_LEVEL=warn must give a logger');
    expect(stdoutOf(() => logger.log('not shown', 'Sources'))).toEqual([]);
    expect(serverLogger('silent')).toBe(false);
  });

  it('writes one JSON record per line, with the request or job id of the work that logged', () => {
    const logger = serverLogger('info', 'json');
    if (logger === false) throw new Error('LOG_LEVEL=info must give a logger');
    const written = stdoutOf(() => {
      runWithLogContext({ requestId: 'req-1' }, () => logger.warn('Đăng nhập thất bại\r\n{"level":"fatal","message":"giả mạo"}', 'Auth'));
      runWithLogContext({ jobId: 'collect-source:42' }, () => logger.log('Đã thu thập 3 tin', 'Collect'));
    });
    expect(written).toHaveLength(2);
    for (const line of written) expect(line.indexOf('\n')).toBe(line.length - 1);
    const [warning, collected] = written.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(warning).toMatchObject({ level: 'warn', context: 'Auth', requestId: 'req-1', message: 'Đăng nhập thất bại\r\n{"level":"fatal","message":"giả mạo"}' });
    expect(warning).not.toHaveProperty('jobId');
    expect(collected).toMatchObject({ level: 'log', context: 'Collect', jobId: 'collect-source:42', message: 'Đã thu thập 3 tin' });
  });

  it('masks secrets in the structured values logged with a message', () => {
    const logger = serverLogger('info', 'json');
    if (logger === false) throw new Error('LOG_LEVEL=info must give a logger');
    const [line] = stdoutOf(() => logger.log('Yêu cầu bị từ chối', { headers: { authorization: 'Bearer abc', cookie: 'vigil_session=xyz' }, user: 'admin' }, 'Http'));
    expect(line).not.toContain('abc');
    expect(line).not.toContain('xyz');
    expect(JSON.parse(line!)).toMatchObject({ message: 'Yêu cầu bị từ chối', context: 'Http' });
  });

  it('names the request in text lines too', () => {
    const logger = serverLogger('info');
    if (logger === false) throw new Error('LOG_LEVEL=info must give a logger');
    const [line] = stdoutOf(() => runWithLogContext({ requestId: 'req-7' }, () => logger.log('Nguồn tin đã được thêm', 'Sources')));
    expect(line).toMatch(/LOG \[Sources req req-7\] Nguồn tin đã được thêm\n$/);
  });
});
