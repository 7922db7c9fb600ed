import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '@vigil/testing';

const repositoryRoot = new URL('../../', import.meta.url).pathname;
const apiEntry = join(repositoryRoot, 'dist/apps/api/src/main.js');

/** The process `npm start` runs: the built API, on embedded defaults, in its own data directory. */
function startBuiltApi(dataDir: string, port: number, extraEnv: Record<string, string> = {}): { child: ChildProcess; output: () => string } {
  let output = '';
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, VIGIL_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', ...extraEnv };
  const child = spawn(process.execPath, [apiEntry], { cwd: repositoryRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

/** Sends SIGTERM and reports how the process ended (Nest re-raises the signal after its shutdown hooks). */
async function stop(child: ChildProcess): Promise<string> {
  if (child.signalCode !== null) return child.signalCode;
  if (child.exitCode !== null) return `exit ${child.exitCode}`;
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? `exit ${code}`)));
  child.kill('SIGTERM');
  return exited;
}

describe('npm start (built API on embedded defaults)', () => {
  let dataDir: string;

  beforeAll(() => {
    if (!existsSync(apiEntry)) {
      console.log('dist/ is missing: building the server first (npm run build:server)');
      execFileSync('npm', ['run', 'build:server'], { cwd: repositoryRoot, stdio: 'inherit' });
    }
    dataDir = mkdtempSync(join(tmpdir(), 'vigil-start-'));
  });

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints a one-time admin password once, serves /health, and keeps data across a restart that ignores ADMIN_PASSWORD out loud', async () => {
    const port = 39000 + Math.floor(Math.random() * 1000);
    const first = startBuiltApi(dataDir, port);
    let password: string | undefined;
    const login = () =>
      fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password }),
      });
    try {
      await waitFor('the API to be healthy', async () => ((await fetch(`http://127.0.0.1:${port}/health`)).status === 200 ? true : undefined), 60_000);
      password = /one-time password: (\S+)/.exec(first.output())?.[1];
      expect(password).toBeDefined();
      expect((await login()).status).toBe(200);
    } finally {
      expect(await stop(first.child)).toBe('SIGTERM');
    }

    // Users exist now: ADMIN_PASSWORD changes nothing, and the log says so once.
    const second = startBuiltApi(dataDir, port, { ADMIN_PASSWORD: 'mot-mat-khau-moi-khac-han' });
    try {
      await waitFor('the restarted API', async () => ((await fetch(`http://127.0.0.1:${port}/health`)).status === 200 ? true : undefined), 60_000);
      expect(second.output()).not.toMatch(/one-time password/);
      expect(second.output().match(/ADMIN_PASSWORD is set but ignored: users exist already/g)).toHaveLength(1);
      // Server lines are stamped in ISO 8601, not in the machine's locale.
      expect(second.output()).toMatch(/^\[Nest\] \d+ +- \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z /m);
      expect((await login()).status).toBe(200);
    } finally {
      await stop(second.child);
    }
  });

  it('refuses to start with a clear message naming a bad variable', async () => {
    const { child, output } = startBuiltApi(dataDir, 0, { REDIS_URL: 'localhost:6379' });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(output()).toMatch(/Invalid configuration — REDIS_URL: must be a URL starting with redis: or rediss:\/\//);
  });
});
