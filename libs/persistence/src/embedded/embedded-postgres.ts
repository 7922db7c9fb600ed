import { rmSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { initialiseClusterApart } from './initialise-cluster';
import { PrivateNodeFS } from './private-node-fs';

/** Any number works: it only names the socket file, `.s.PGSQL.<port>`, the way PostgreSQL and `pg` expect. */
const SOCKET_PORT = 5432;

/**
 * PGlite's default 128 MB buffer pool is resident in the WebAssembly heap from the start. Half of it saved ~80 MiB of
 * the process while collecting (bench memory figure, 567 → 486 MiB) with search p95 on PGlite at 34 against 31 ms;
 * 32 MB saved only 12 MiB more there, for 43 ms. On disk, the kernel's page cache keeps the files as well.
 */
const START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=64MB'];

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
 */
export class EmbeddedPostgres {
  private database: PGlite | null = null;
  private server: PGLiteSocketServer | null = null;
  private socketDirectory: string | null = null;

  /** @param dataDir directory to persist into (under `pglite/`, owner-only); null keeps everything in memory. */
  constructor(private readonly dataDir: string | null) {}

  async start(): Promise<EmbeddedPostgresConnection> {
    try {
      this.database = await PGlite.create({ fs: await this.filesystem(), extensions: { pg_trgm, unaccent }, startParams: START_PARAMS });
      // mkdtemp creates the directory 0700; the system's temporary directory keeps the path within a socket's ~100 bytes.
      this.socketDirectory = await mkdtemp(join(tmpdir(), 'vigil-db-'));
      process.once('exit', this.removeSocketDirectoryNow);
      const socketPath = join(this.socketDirectory, `.s.PGSQL.${SOCKET_PORT}`);
      this.server = new PGLiteSocketServer({ db: this.database, path: socketPath });
      await this.server.start();
      // The directory already keeps others out; the socket itself is owner-only too, should the directory ever be widened.
      await chmod(socketPath, 0o600);
      return { host: this.socketDirectory, port: SOCKET_PORT, username: 'postgres', database: 'postgres' };
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  async stop(): Promise<void> {
    try {
      await this.server?.stop();
      await this.database?.close();
    } finally {
      process.off('exit', this.removeSocketDirectoryNow);
      if (this.socketDirectory) await rm(this.socketDirectory, { recursive: true, force: true });
      this.server = null;
      this.database = null;
      this.socketDirectory = null;
    }
  }

  /** The data directory's files, its cluster created first when there is none; undefined keeps everything in memory. */
  private async filesystem(): Promise<PrivateNodeFS | undefined> {
    if (this.dataDir === null) return undefined;
    const directory = resolve(this.dataDir, 'pglite');
    await initialiseClusterApart(directory);
    return new PrivateNodeFS(directory);
  }

  /** A process that exits without shutting down (process.exit, a crash) leaves no socket directory behind either. */
  private readonly removeSocketDirectoryNow = (): void => {
    if (this.socketDirectory) rmSync(this.socketDirectory, { recursive: true, force: true });
  };
}
