import { MIGRATIONS, TableMaintenance } from '@vigil/persistence';
import { openTestDatabase, seedSyntheticItems, TEST_EPOCH, type TestDatabase, waitFor } from '@vigil/testing';
import { DataSource } from 'typeorm';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';

interface TableStats {
  reltuples: number;
  n_dead_tup: number;
  n_mod_since_analyze: number;
  last_vacuum: Date | null;
  last_analyze: Date | null;
}

function tableStats(db: DataSource, table: string): Promise<TableStats> {
  return db
    .query(
      `SELECT class.reltuples::float8 AS reltuples, stat.n_dead_tup::int AS n_dead_tup, stat.n_mod_since_analyze::int AS n_mod_since_analyze,
              stat.last_vacuum, stat.last_analyze
         FROM pg_stat_user_tables stat JOIN pg_class class ON class.oid = stat.relid
        WHERE stat.schemaname = current_schema() AND stat.relname = $1`,
      [table],
    )
    .then(([row]: TableStats[]) => row!);
}

/** How many most common values ANALYZE kept for a column: at most the statistics target it ran with. */
async function commonValuesKept(db: DataSource, table: string, column: string): Promise<number> {
  const [row]: { kept: number }[] = await db.query(
    `SELECT coalesce(array_length(most_common_vals::text::text[], 1), 0) AS kept FROM pg_stats WHERE schemaname = current_schema() AND tablename = $1 AND attname = $2`,
    [table, column],
  );
  return row!.kept;
}

/**
 * Table statistics reach pg_stat_* when a session flushes them (at most once a second, when idle); this asks for the
 * next flush and waits until the rows written show.
 */
async function statsShow(db: DataSource, table: string, shows: (stats: TableStats) => boolean): Promise<void> {
  await waitFor(`the statistics of ${table} to show the rows written`, async () => {
    await db.query('SELECT pg_stat_force_next_flush()');
    return shows(await tableStats(db, table)) ? true : undefined;
  }, 10_000);
}

describe('Table maintenance by autovacuum rules', () => {
  let database: TestDatabase;
  let db: DataSource;
  let maintenance: TableMaintenance;

  beforeAll(async () => {
    database = await openTestDatabase();
    console.log(`Table maintenance on ${database.describe}`);
    db = await new DataSource({ type: 'postgres', ...database.connection, migrations: MIGRATIONS, extra: { max: 1 } }).initialize();
    await db.runMigrations({ transaction: 'each' });
    maintenance = new TableMaintenance(db);
  }, 120_000);

  afterAll(async () => {
    if (db?.isInitialized) await db.destroy();
    await database?.close();
  });

  it('vacuums and analyses the tables that took many rows, gives the planner their size, then leaves them alone', async () => {
    expect((await tableStats(db, 'items')).reltuples).toBeLessThanOrEqual(0);
    await seedSyntheticItems(db, 3_000, { now: TEST_EPOCH });
    await statsShow(db, 'items', (stats) => stats.n_mod_since_analyze >= 3_000);

    const first = await maintenance.runPass();
    expect(first.vacuumed).toEqual(expect.arrayContaining(['public.items', 'public.item_search']));
    expect(first.analyzed).toEqual(expect.arrayContaining(['public.items', 'public.item_search']));
    const items = await tableStats(db, 'items');
    expect(items.reltuples).toBe(3_000);
    expect(items.last_vacuum).not.toBeNull();
    expect(items.last_analyze).not.toBeNull();
    // The 20 synthetic sources, each common: the database's own target (100) keeps them all.
    expect(await commonValuesKept(db, 'items', 'source_id')).toBe(20);

    // Nothing changed since: no table is due (the few rows the migrations wrote are far below every threshold).
    await db.query('SELECT pg_stat_force_next_flush()');
    expect(await maintenance.runPass()).toEqual({ vacuumed: [], analyzed: [] });
  }, 120_000);

  it('reclaims the dead rows of a table most of whose rows were rewritten, and only that table', async () => {
    await db.query(`UPDATE items SET watched = NOT watched WHERE copy_of IS NULL`);
    await statsShow(db, 'items', (stats) => stats.n_dead_tup >= 3_000);

    const pass = await maintenance.runPass();
    expect(pass.vacuumed).toContain('public.items');
    expect(pass.vacuumed).not.toContain('public.sources');
    expect(pass.analyzed).toContain('public.items');
    await statsShow(db, 'items', (stats) => stats.n_dead_tup === 0);
  }, 120_000);

  it('analyses with the statistics target it is given (the embedded one samples less), for that statement only', async () => {
    await db.query(`UPDATE items SET watched = NOT watched WHERE copy_of IS NULL`);
    await statsShow(db, 'items', (stats) => stats.n_mod_since_analyze >= 3_000);

    expect((await new TableMaintenance(db, 10).runPass()).analyzed).toContain('public.items');
    expect(await commonValuesKept(db, 'items', 'source_id')).toBe(10);
    expect(await db.query('SHOW default_statistics_target')).toEqual([{ default_statistics_target: '100' }]);
  }, 120_000);
});

describe('The embedded database maintained on its own', () => {
  let vigil: VigilTestApp;

  beforeAll(async () => {
    vigil = await startVigil({ VIGIL_EMBEDDED_MAINTENANCE_SEC: '1' });
  }, 120_000);

  afterAll(async () => {
    await vigil?.close();
  });

  it('analyses the items once many are stored, on PGlite; leaves it to the server’s autovacuum with DATABASE_URL', async () => {
    const db = vigil.app.get(DataSource);
    await seedSyntheticItems(db, 2_000, { now: TEST_EPOCH });
    if (vigil.environment.env.DATABASE_URL) {
      // Three passes' worth of waiting: none runs against a PostgreSQL server.
      console.log('Embedded maintenance is off with DATABASE_URL: checking that it never analyses the server’s tables');
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect((await tableStats(db, 'items')).last_analyze).toBeNull();
      return;
    }
    await waitFor('the embedded maintenance to analyse the items', async () => ((await tableStats(db, 'items')).last_analyze ? true : undefined), 20_000);
    expect((await tableStats(db, 'items')).reltuples).toBe(2_000);
  }, 60_000);
});
