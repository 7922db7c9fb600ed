import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { VIGIL_CONFIG, type VigilConfig } from '@vigil/config';
import { EmbeddedPostgres } from './embedded-postgres';

/** Tells TypeORM where PostgreSQL is, starting the embedded one when no server is configured. */
@Injectable()
export class DatabaseServer implements OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseServer.name);
  private embedded: EmbeddedPostgres | null = null;

  constructor(@Inject(VIGIL_CONFIG) private readonly config: VigilConfig) {}

  get isEmbedded(): boolean {
    return this.config.database.mode === 'embedded';
  }

  async connectionUrl(): Promise<string> {
    const database = this.config.database;
    if (database.mode === 'server') return database.url;
    this.embedded = new EmbeddedPostgres(database.dataDir);
    const { host, port } = await this.embedded.start();
    this.logger.log(`Embedded PostgreSQL (PGlite) ${database.dataDir ? `in ${database.dataDir}` : 'in memory'} on ${host}:${port}`);
    return `postgres://postgres@${host}:${port}/postgres`;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.embedded?.stop();
  }
}
