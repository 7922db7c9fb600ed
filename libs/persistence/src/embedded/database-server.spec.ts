import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@vigil/config';
import { DatabaseServer } from './database-server';

describe('DatabaseServer', () => {
  afterEach(() => jest.restoreAllMocks());

  it('logs that the embedded database started without saying where to reach it', async () => {
    const logged: string[] = [];
    jest.spyOn(Logger.prototype, 'log').mockImplementation((message: unknown) => void logged.push(String(message)));
    const server = new DatabaseServer(loadConfig({ VIGIL_DATA_DIR: 'memory' }));
    try {
      const connection = await server.connection();
      if (!('host' in connection)) throw new Error('expected the embedded database, reached through its socket directory');
      expect(logged).toEqual([expect.stringMatching(/^Embedded PostgreSQL \(PGlite\) in memory/)]);
      expect(logged.join('\n')).not.toContain(connection.host);
      expect(logged.join('\n')).not.toMatch(/127\.0\.0\.1|localhost|:\d{2,5}\b|\.s\.PGSQL/);
    } finally {
      await server.onApplicationShutdown();
    }
  });

  it('hands a configured server URL through unchanged and starts nothing', async () => {
    const server = new DatabaseServer(loadConfig({ DATABASE_URL: 'postgres://vigil@db.example:5432/vigil' }));
    expect(await server.connection()).toEqual({ url: 'postgres://vigil@db.example:5432/vigil' });
    await server.onApplicationShutdown();
  });
});
