import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { VIGIL_CONFIG, type VigilConfig } from '@vigil/config';
import { EmbeddedPostgres, type EmbeddedPostgresConnection } from './embedded-postgres';

/** A PostgreSQL server's URL, or the embedded database's unix socket (which a URL cannot carry to TypeORM). */
export type DatabaseConnection = { url: string } | EmbeddedPostgresConnection;

/** Tells TypeORM where PostgreSQL is, starting the embedded one when no server is configured. */
@Injectable()
export class DatabaseServer implements OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseServer.name);
  private embedded: EmbeddedPostgres | null = null;

  constructor(@Inject(VIGIL_CONFIG) private readonly config: VigilConfig) {}

  get isEmbedded(): boolean {
    return this.config.database.mode === 'embedded';
  }

  async connection(): Promise<DatabaseConnection> {
    const database = this.config.database;
    if (database.mode === 'server') return { url: database.url };
    this.embedded = new EmbeddedPostgres(database.dataDir, (error) =>
      this.logger.error(`Embedded PostgreSQL stopped on an error; the database is unavailable until Vigil restarts: ${error.message}`, error.stack),
    );
    const connection = await this.embedded.start();
    // Where the socket is stays unsaid: the log is no place for a way into an unauthenticated database.
    this.logger.log(`Embedded PostgreSQL (PGlite) ${database.dataDir ? `in ${database.dataDir}` : 'in memory'} on a private unix socket`);
    return connection;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.embedded?.stop();
  }
}
