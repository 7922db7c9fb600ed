import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@vigil/config';
import { TEST_ADMIN_PASSWORD } from '@vigil/testing';
import { createApiApp } from '../../apps/api/src/app.factory';

// An API that cannot start throws to its caller (main.ts exits with the cause; a test fails alone) instead of Nest
// ending the whole process, which took a whole Jest run down with it. The failure here is the embedded database's
// data directory being a file, in both test modes.
describe('An API that cannot start', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vigil-start-failure-'));
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('rejects with the cause and leaves the process running', async () => {
    const notADirectory = join(dir, 'data');
    writeFileSync(notADirectory, 'not a directory');
    const config = loadConfig({ VIGIL_DATA_DIR: notADirectory, ADMIN_PASSWORD: TEST_ADMIN_PASSWORD, LOG_LEVEL: 'warn', PORT: '0', HOST: '127.0.0.1' });
    await expect(createApiApp(config, { logger: false })).rejects.toThrow(/ENOTDIR|EEXIST|not a directory/i);
    // Still here: the next line runs only if Nest did not exit the process.
    expect(process.exitCode ?? 0).toBe(0);
  });
});
