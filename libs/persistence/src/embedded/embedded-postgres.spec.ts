import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { EmbeddedPostgres, type EmbeddedPostgresConnection } from './embedded-postgres';
import { initialiseClusterApart } from './initialise-cluster';

async function query(connection: EmbeddedPostgresConnection, sql: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ host: connection.host, port: connection.port, user: connection.username, database: connection.database });
  await client.connect();
  try {
    const result = await client.query(sql);
    return (Array.isArray(result) ? result.at(-1)! : result).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

async function show(connection: EmbeddedPostgresConnection, setting: string): Promise<string> {
  return (await query(connection, `SHOW ${setting}`))[0]![setting] as string;
}

describe('EmbeddedPostgres', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'vigil-embedded-'));
  });

  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs with a 64MB buffer pool instead of PGlite’s 128MB', async () => {
    const embedded = new EmbeddedPostgres(null);
    try {
      expect(await show(await embedded.start(), 'shared_buffers')).toBe('64MB');
    } finally {
      await embedded.stop();
    }
  });

  it('creates a new data directory’s cluster in another process, so this one runs a single PostgreSQL instance', async () => {
    // On a directory without a cluster, PGlite would start a second instance to run initdb, in the process that asked.
    const create = jest.spyOn(PGlite, 'create');
    const cluster = join(dataDir, 'pglite');
    await initialiseClusterApart(cluster);
    expect(existsSync(join(cluster, 'PG_VERSION'))).toBe(true);
    expect(create).not.toHaveBeenCalled();
    const created = statSync(join(cluster, 'PG_VERSION')).mtimeMs;
    await initialiseClusterApart(cluster);
    expect(statSync(join(cluster, 'PG_VERSION')).mtimeMs).toBe(created);

    const first = new EmbeddedPostgres(dataDir);
    try {
      await query(await first.start(), `CREATE TABLE kept (note text); INSERT INTO kept VALUES ('tin đính chính')`);
    } finally {
      await first.stop();
    }
    const reopened = new EmbeddedPostgres(dataDir);
    try {
      const connection = await reopened.start();
      expect(await query(connection, 'SELECT note FROM kept')).toEqual([{ note: 'tin đính chính' }]);
      expect(await show(connection, 'shared_buffers')).toBe('64MB');
    } finally {
      await reopened.stop();
    }
  });

  it('runs PostgreSQL beside the event loop: a long statement leaves timers on time', async () => {
    const embedded = new EmbeddedPostgres(null);
    try {
      const connection = await embedded.start();
      let last = performance.now();
      let longestGap = 0;
      const ticker = setInterval(() => {
        const at = performance.now();
        longestGap = Math.max(longestGap, at - last);
        last = at;
      }, 5);
      // Long enough to tell, on a machine of any speed: the rows double until the statement takes a quarter second.
      let statementMs = 0;
      for (let rows = 3_000_000; statementMs < 250 && rows <= 48_000_000; rows *= 2) {
        const started = performance.now();
        await query(connection, `SELECT count(*) FROM generate_series(1, ${rows}) AS n WHERE n % 7 = 0`);
        statementMs = performance.now() - started;
      }
      clearInterval(ticker);
      // On the event loop's thread, the statement held every timer for its whole length.
      expect(statementMs).toBeGreaterThanOrEqual(250);
      expect(longestGap).toBeLessThan(statementMs / 3);
    } finally {
      await embedded.stop();
    }
  });
});
