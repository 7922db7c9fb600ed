import { MIGRATIONS } from '@vigil/persistence';
import { openTestDatabase, type TestDatabase } from '@vigil/testing';
import { DataSource } from 'typeorm';

/** The migration that gives each source the key of its address, on a database that already holds sources. */
describe('Source address keys on a database with sources', () => {
  let database: TestDatabase;
  let db: DataSource;

  beforeAll(async () => {
    database = await openTestDatabase();
    // Every migration before this one, as a database from before it was written.
    const before = MIGRATIONS.findIndex((migration) => migration.name === 'SourceUrlKeys1766400000000');
    db = await new DataSource({ type: 'postgres', ...database.connection, migrations: MIGRATIONS.slice(0, before), extra: { max: 1 } }).initialize();
    await db.runMigrations({ transaction: 'each' });
  }, 120_000);

  afterAll(async () => {
    if (db?.isInitialized) await db.destroy();
    await database?.close();
  });

  async function addSource(name: string, url: string, createdAt: string, removed = false): Promise<string> {
    const [row]: { id: string }[] = await db.query(
      `INSERT INTO sources (name, url, kind, poll_interval_sec, configured_poll_interval_sec, min_poll_interval_sec, max_poll_interval_sec, created_at, next_fetch_at, removed_at)
       VALUES ($1, $2, 'rss', 900, 900, 300, 3600, $3, $3, $4) RETURNING id`,
      [name, url, createdAt, removed ? createdAt : null],
    );
    return row!.id;
  }

  it('keys each address in use once, oldest first, and then refuses another source at a key in use', async () => {
    const removed = await addSource('Báo cũ đã gỡ', 'https://tinmoi.example.vn/rss', '2026-01-01T00:00:00Z', true);
    const first = await addSource('Tin Mới', 'https://www.tinmoi.example.vn/rss/', '2026-02-01T00:00:00Z');
    const copy = await addSource('Tin Mới (bản sao)', 'http://tinmoi.example.vn/rss?utm_source=zalo', '2026-03-01T00:00:00Z');
    const other = await addSource('Riverside Gazette', 'https://gazette.example.com/feed.xml', '2026-02-15T00:00:00Z');

    const Migration = MIGRATIONS.find((migration) => migration.name === 'SourceUrlKeys1766400000000')!;
    const runner = db.createQueryRunner();
    try {
      await new Migration().up(runner);
    } finally {
      await runner.release();
    }

    const keys: { id: string; url_key: string | null }[] = await db.query(`SELECT id, url_key FROM sources`);
    expect(new Map(keys.map((row) => [row.id, row.url_key]))).toEqual(
      new Map([
        [removed, 'tinmoi.example.vn/rss'],
        [first, 'tinmoi.example.vn/rss'],
        [copy, null],
        [other, 'gazette.example.com/feed.xml'],
      ]),
    );
    await expect(
      db.query(
        `INSERT INTO sources (name, url, url_key, kind, poll_interval_sec, configured_poll_interval_sec, min_poll_interval_sec, max_poll_interval_sec, next_fetch_at)
         VALUES ('Lần nữa', 'https://tinmoi.example.vn/rss', 'tinmoi.example.vn/rss', 'rss', 900, 900, 300, 3600, now())`,
      ),
    ).rejects.toMatchObject({ driverError: { constraint: 'sources_url_key_in_use' } });
  });
});
