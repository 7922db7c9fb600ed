import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DatabaseServer } from './embedded/database-server';

// Any constant works; it only has to be the same in every Vigil process.
const MIGRATION_LOCK_KEY = 7_316_001;

/** Applies pending migrations at start, one process at a time, so an API and ingestors can boot together. */
@Injectable()
export class MigrationRunner implements OnModuleInit {
  private readonly logger = new Logger(MigrationRunner.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly databaseServer: DatabaseServer,
  ) {}

  async onModuleInit(): Promise<void> {
    // The embedded database has one connection and one process: holding a lock there would starve the migrations.
    if (this.databaseServer.isEmbedded) return this.migrate();
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      await this.migrate();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
      await runner.release();
    }
  }

  private async migrate(): Promise<void> {
    const applied = await this.dataSource.runMigrations({ transaction: 'each' });
    if (applied.length) this.logger.log(`Applied migrations: ${applied.map((m) => m.name).join(', ')}`);
  }
}
