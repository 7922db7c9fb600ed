import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { EmbeddedPostgres, type EmbeddedPostgresConnection } from './embedded-postgres';

async function show(connection: EmbeddedPostgresConnection, setting: string): Promise<string> {
  const client = new pg.Client({ host: connection.host, port: connection.port, user: connection.username, database: connection.database });
  await client.connect();
  try {
    return ((await client.query(`SHOW ${setting}`)).rows[0] as Record<string, string>)[setting]!;
  } finally {
    await client.end();
  }
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
    // On a directory without a cluster, PGlite in this process would start a second instance to run initdb.
    const create = jest.spyOn(PGlite, 'create');
    const first = new EmbeddedPostgres(dataDir);
    try {
      expect(await show(await first.start(), 'server_version_num')).toMatch(/^\d+$/);
    } finally {
      await first.stop();
    }
    expect(create).toHaveBeenCalledTimes(1);

    const reopened = new EmbeddedPostgres(dataDir);
    try {
      expect(await show(await reopened.start(), 'shared_buffers')).toBe('64MB');
    } finally {
      await reopened.stop();
    }
  });
});
