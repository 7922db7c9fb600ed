import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgresAddress {
  host: string;
  port: number;
}

/**
 * Real PostgreSQL (PGlite, in WebAssembly) served on a loopback port, so the rest of Vigil
 * uses the ordinary `pg` driver and the same SQL as with a PostgreSQL server.
 */
export class EmbeddedPostgres {
  private database: PGlite | null = null;
  private server: PGLiteSocketServer | null = null;

  /** @param dataDir directory to persist into; null keeps everything in memory. */
  constructor(private readonly dataDir: string | null) {}

  async start(): Promise<EmbeddedPostgresAddress> {
    const dataDir = this.dataDir === null ? undefined : resolve(this.dataDir, 'pglite');
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    this.database = await PGlite.create({ dataDir, extensions: { pg_trgm, unaccent } });
    this.server = new PGLiteSocketServer({ db: this.database, host: '127.0.0.1', port: 0 });
    await this.server.start();
    // getServerConn() reports the port the OS picked for port 0, as "host:port".
    const port = Number(this.server.getServerConn().split(':').pop());
    return { host: '127.0.0.1', port };
  }

  async stop(): Promise<void> {
    await this.server?.stop();
    await this.database?.close();
    this.server = null;
    this.database = null;
  }
}
