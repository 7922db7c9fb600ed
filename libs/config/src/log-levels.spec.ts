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
});
