import { randomBytes } from 'node:crypto';
import type { EmbeddedPostgres } from '@vigil/persistence';
import pg from 'pg';

/** What TypeORM's postgres driver needs to reach a test database: a server URL, or the embedded socket directory. */
export type TestDatabaseConnection = { url: string } | Awaited<ReturnType<EmbeddedPostgres['start']>>;

/** One run's own, empty database (no schema yet), and how to drop it afterwards. */
export interface TestDatabase {
  /** Spread into a TypeORM `DataSource` of type `postgres`. */
  connection: TestDatabaseConnection;
  describe: string;
  close(): Promise<void>;
}

/**
 * A database for one run of a real-database spec: embedded PGlite in memory by default; with TEST_DATABASE_URL a
 * database created for it on that server (`vigil_<run>`) and dropped by `close`, so runs never see each other's rows.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    // Loaded only here, so the many specs that import @vigil/testing for its clock do not load PGlite.
    const { EmbeddedPostgres: Embedded } = await import('@vigil/persistence');
    const embedded = new Embedded(null);
    // The embedded database is reached through its unix socket directory, which a URL cannot carry to TypeORM.
    return { connection: await embedded.start(), describe: 'embedded PGlite', close: () => embedded.stop() };
  }
  const database = `vigil_t${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${database}`));
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return {
    connection: { url: url.toString() },
    describe: `PostgreSQL database ${database}`,
    close: async () => {
      await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    },
  };
}

/** One short-lived connection to a PostgreSQL server, for creating and dropping a run's database. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
