import { chmod } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { PrivateNodeFS } from './private-node-fs';

/**
 * PGlite's default 128 MB buffer pool is resident in the WebAssembly heap from the start. Half of it saved ~80 MiB of
 * the process while collecting (bench memory figure, 567 → 486 MiB) with search p95 on PGlite at 34 against 31 ms;
 * 32 MB saved only 12 MiB more there, for 43 ms. On disk, the kernel's page cache keeps the files as well.
 */
const START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=64MB'];

/** What the thread is started with (see EmbeddedPostgres). */
export interface EmbeddedPostgresThreadData {
  /** The cluster's directory, already created; null keeps everything in memory. */
  clusterDirectory: string | null;
  socketPath: string;
}

/**
 * Entry of the embedded database's thread: PGlite and the socket server that serves it to `pg`. PGlite runs
 * PostgreSQL synchronously on the thread that calls it, so on a thread of its own a query's CPU (an upsert's
 * tsvectors, a VACUUM) runs beside the event loop instead of stopping it. The thread stops, closing
 * the database, on the first message its starter sends.
 */
async function serve(): Promise<void> {
  const { clusterDirectory, socketPath } = workerData as EmbeddedPostgresThreadData;
  const fs = clusterDirectory === null ? undefined : new PrivateNodeFS(clusterDirectory);
  const database = await PGlite.create({ fs, extensions: { pg_trgm, unaccent }, startParams: START_PARAMS });
  const server = new PGLiteSocketServer({ db: database, path: socketPath });
  try {
    await server.start();
    // The directory already keeps others out; the socket itself is owner-only too, should the directory ever be widened.
    await chmod(socketPath, 0o600);
  } catch (error) {
    await server.stop();
    await database.close();
    throw error;
  }
  const port = parentPort!;
  port.once('message', () => {
    void (async () => {
      // The database closes (its last writes flushed) even if the socket server fails to stop; that error then ends the thread.
      try {
        await server.stop();
      } finally {
        await database.close();
        port.close();
      }
    })();
  });
  // Ready: the starter hands the socket to `pg` on this one message.
  port.postMessage('ready');
}

await serve();
