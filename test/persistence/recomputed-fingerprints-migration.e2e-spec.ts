import { fingerprintBands, fingerprintToHex, hammingDistance, minhash64 } from '@vigil/domain';
import { MIGRATIONS } from '@vigil/persistence';
import { openTestDatabase, type TestDatabase } from '@vigil/testing';
import { DataSource } from 'typeorm';

const NAME = 'RecomputedFingerprints1766500000000';
// What the hashing before the change stored for some text: any value but today's does.
const STALE = 'a5a5a5a5a5a5a5a5';

const FLOOD = 'Tin đồn vỡ đê sông Hồng ở Hà Nội là sai sự thật, Ban chỉ huy phòng chống thiên tai khẳng định đê vẫn an toàn và lực lượng trực ban tiếp tục theo dõi mực nước suốt đêm nay.';
const COPY = `${FLOOD} (TTXVN)`;
const MARKET = 'Giá rau xanh tại chợ Long Biên ổn định sau đợt mưa lớn, tiểu thương cho biết nguồn hàng từ các tỉnh lân cận về đều đặn mỗi sáng.';

/** The migration that recomputes fingerprints stored before minhash64 changed, on a database that holds items. */
describe('Fingerprints recomputed on a database with items', () => {
  let database: TestDatabase;
  let db: DataSource;
  let sourceId: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    // Every migration before this one, as a database from before it was written.
    const before = MIGRATIONS.findIndex((migration) => migration.name === NAME);
    db = await new DataSource({ type: 'postgres', ...database.connection, migrations: MIGRATIONS.slice(0, before), extra: { max: 1 } }).initialize();
    await db.runMigrations({ transaction: 'each' });
    const [source]: { id: string }[] = await db.query(
      `INSERT INTO sources (name, url, kind, poll_interval_sec, configured_poll_interval_sec, min_poll_interval_sec, max_poll_interval_sec)
       VALUES ('Tin Mới', 'https://tinmoi.example.vn/rss', 'rss', 900, 900, 300, 3600) RETURNING id`,
    );
    sourceId = source!.id;
  }, 120_000);

  afterAll(async () => {
    if (db?.isInitialized) await db.destroy();
    await database?.close();
  });

  /** An item fetched `daysAgo` before the database's own now (the migration's window is the database's clock). */
  async function addItem(key: string, text: string, daysAgo: number, fingerprint: string | null): Promise<string> {
    const [row]: { id: string }[] = await db.query(
      `INSERT INTO items (source_id, dedupe_key, url, canonical_url, title, content, text, snippet, language, fetched_at, search_title, search_text, content_hash, enriched_at, fingerprint, fingerprint_bands)
       VALUES ($1, $2, $3, $3, $2, $4, $4, left($4, 200), 'vi', now() - make_interval(days => $5), $2, $4, md5($4), now() - make_interval(days => $5), $6, $7)
       RETURNING id`,
      [sourceId, key, `https://tinmoi.example.vn/${key}`, text, daysAgo, fingerprint, fingerprint === null ? null : fingerprintBands(fingerprint)],
    );
    return row!.id;
  }

  async function stored(id: string): Promise<{ fingerprint: string | null; fingerprint_bands: number[] | null }> {
    const [row] = await db.query(`SELECT fingerprint, fingerprint_bands FROM items WHERE id = $1`, [id]);
    return row;
  }

  it('refingerprints items within the story window from their stored text, and leaves older and unenriched ones', async () => {
    const recent = await addItem('recent', FLOOD, 1, STALE);
    const lastOfWindow = await addItem('six-days', MARKET, 6, STALE);
    const older = await addItem('older', MARKET, 30, STALE);
    const unenriched = await addItem('unenriched', FLOOD, 1, null);
    // More than one batch of the migration's 500.
    const many = await Promise.all(Array.from({ length: 520 }, (_, index) => addItem(`batch-${index}`, `${MARKET} Bản tin số ${index}.`, 2, STALE)));

    const runner = db.createQueryRunner();
    try {
      await new (MIGRATIONS.find((migration) => migration.name === NAME)!)().up(runner);
    } finally {
      await runner.release();
    }

    const today = (text: string) => ({ fingerprint: fingerprintToHex(minhash64(text)), fingerprint_bands: fingerprintBands(minhash64(text)) });
    expect(await stored(recent)).toEqual(today(FLOOD));
    expect(await stored(lastOfWindow)).toEqual(today(MARKET));
    expect(await stored(older)).toEqual({ fingerprint: STALE, fingerprint_bands: fingerprintBands(STALE) });
    expect(await stored(unenriched)).toEqual({ fingerprint: null, fingerprint_bands: null });
    expect(await stored(many.at(-1)!)).toEqual(today(`${MARKET} Bản tin số 519.`));
    const [{ stale }] = await db.query(`SELECT count(*)::int AS stale FROM items WHERE fingerprint = $1 AND fetched_at >= now() - interval '7 days'`, [STALE]);
    expect(stale).toBe(0);
    // What the change restores: a copy enriched after the upgrade is again a near duplicate of the item from before it.
    expect(hammingDistance((await stored(recent)).fingerprint!, minhash64(COPY))).toBeLessThanOrEqual(3);
    expect(hammingDistance(STALE, minhash64(COPY))).toBeGreaterThan(3);
  });
});
