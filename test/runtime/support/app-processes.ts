import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';

export const repositoryRoot = new URL('../../../', import.meta.url).pathname;

/** The built entry point of an app (npm run build:server). */
export const entry = (app: 'api' | 'ingestor') => join(repositoryRoot, `dist/apps/${app}/src/main.js`);

export interface RunningApp {
  child: ChildProcess;
  output: () => string;
}

/** Starts an app from dist as its own process, with only the environment given (plus PATH and HOME). */
export function startProcess(app: 'api' | 'ingestor', env: Record<string, string>): RunningApp {
  let output = '';
  const child = spawn(process.execPath, [entry(app)], {
    cwd: repositoryRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

/** How the process ended (a signal, or its exit code), once it has. */
export function exitOf(child: ChildProcess): Promise<string> {
  if (child.signalCode !== null) return Promise.resolve(child.signalCode);
  if (child.exitCode !== null) return Promise.resolve(`exit ${child.exitCode}`);
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? `exit ${code}`)));
}

/** Kills whatever a spec left running (SIGKILL: nothing here needs a clean stop) and waits until each has exited. */
export async function killAll(processes: RunningApp[]): Promise<void> {
  const running = processes.filter(({ child }) => child.exitCode === null && child.signalCode === null);
  await Promise.all(running.map(({ child }) => (child.kill('SIGKILL'), exitOf(child))));
}

/**
 * Which of the given processes holds the IPv4 loopback TCP connection from `clientPort` to `serverPort` (Linux /proc),
 * or null. Lets a fixture server tell which process sent a request while the connection is open.
 */
export function connectionOwner(clientPort: number, serverPort: number, pids: number[]): number | null {
  const hex = (port: number) => port.toString(16).toUpperCase().padStart(4, '0');
  const line = readFileSync('/proc/net/tcp', 'utf8')
    .split('\n')
    .map((row) => row.trim().split(/\s+/))
    .find((fields) => fields[1]?.endsWith(`:${hex(clientPort)}`) && fields[2]?.endsWith(`:${hex(serverPort)}`));
  const inode = line?.[9];
  if (!inode) return null;
  for (const pid of pids) {
    const fds = readdirSync(`/proc/${pid}/fd`);
    if (fds.some((fd) => safeReadlink(`/proc/${pid}/fd/${fd}`) === `socket:[${inode}]`)) return pid;
  }
  return null;
}

function safeReadlink(path: string): string | null {
  try {
    return readlinkSync(path);
  } catch {
    return null;
  }
}
