import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { workerThreadFile } from '@vigil/config';
import type { EmbeddedPostgresThreadData } from './embedded-postgres.worker';
import { initialiseClusterApart } from './initialise-cluster';

/** Any number works: it only names the socket file, `.s.PGSQL.<port>`, the way PostgreSQL and `pg` expect. */
const SOCKET_PORT = 5432;

/** How `pg` (and TypeORM) reach the embedded database: `host` is the directory holding the unix socket. */
export interface EmbeddedPostgresConnection {
  host: string;
  port: number;
  username: string;
  database: string;
}

/**
 * Real PostgreSQL (PGlite, in WebAssembly) served to the ordinary `pg` driver, so the rest of Vigil uses the
 * same SQL as with a PostgreSQL server.
 *
 * PGlite has no authentication, so whoever reaches its socket owns the database (session secret, password
 * hashes). It is therefore served on a unix socket inside a fresh 0700 directory — only this OS user can
 * open it — never on a TCP port, where every local process could. The socket's location is not logged.
 *
 * The database runs on a worker thread of its own (embedded-postgres.worker.ts): PGlite executes PostgreSQL on the
 * thread that calls it, and in the event loop's thread every statement's CPU stopped HTTP, timers and the pipeline's
 * own work alike (a VACUUM of the items held it for seconds).
 */
export class EmbeddedPostgres {
  private thread: Worker | null = null;
  private socketDirectory: string | null = null;

  /**
   * @param dataDir directory to persist into (under `pglite/`, owner-only); null keeps everything in memory.
   * @param onFailure told when the database's thread ends on an error after it started: `pg` then finds no socket,
   *   as it finds no server when a PostgreSQL server goes away.
   */
  constructor(
    private readonly dataDir: string | null,
    private readonly onFailure?: (error: Error) => void,
  ) {}

  async start(): Promise<EmbeddedPostgresConnection> {
    try {
      const clusterDirectory = await this.clusterDirectory();
      // mkdtemp creates the directory 0700; the system's temporary directory keeps the path within a socket's ~100 bytes.
      this.socketDirectory = await mkdtemp(join(tmpdir(), 'vigil-db-'));
      process.once('exit', this.removeSocketDirectoryNow);
      const data: EmbeddedPostgresThreadData = { clusterDirectory, socketPath: join(this.socketDirectory, `.s.PGSQL.${SOCKET_PORT}`) };
      const thread = new Worker(workerThreadFile(import.meta.url, 'libs/persistence/src/embedded/embedded-postgres.worker.js'), { workerData: data });
      this.thread = thread;
      // The thread serves the socket for as long as the process runs; it never keeps a process alive by itself.
      thread.unref();
      await new Promise<void>((ready, fail) => {
        thread.once('message', () => ready());
        thread.once('error', fail);
        thread.once('exit', (code) => fail(new Error(`The embedded database's thread exited (${code}) before it was ready`)));
      });
      thread.on('error', (error) => this.onFailure?.(error));
      return { host: this.socketDirectory, port: SOCKET_PORT, username: 'postgres', database: 'postgres' };
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  async stop(): Promise<void> {
    const thread = this.thread;
    this.thread = null;
    try {
      if (thread && thread.threadId !== -1) {
        const exited = once(thread, 'exit');
        // Held again until it has closed the database: a process with nothing else left would exit mid-close.
        thread.ref();
        thread.postMessage('stop');
        await exited;
      }
    } finally {
      process.off('exit', this.removeSocketDirectoryNow);
      if (this.socketDirectory) await rm(this.socketDirectory, { recursive: true, force: true });
      this.socketDirectory = null;
    }
  }

  /** The data directory's cluster, created first when there is none; null keeps everything in memory. */
  private async clusterDirectory(): Promise<string | null> {
    if (this.dataDir === null) return null;
    const directory = resolve(this.dataDir, 'pglite');
    await initialiseClusterApart(directory);
    return directory;
  }

  /** A process that exits without shutting down (process.exit, a crash) leaves no socket directory behind either. */
  private readonly removeSocketDirectoryNow = (): void => {
    if (this.socketDirectory) rmSync(this.socketDirectory, { recursive: true, force: true });
  };
}
