import { randomUUID } from 'node:crypto';
import {
  ENTITIES,
  EvidenceRepository,
  ItemEntity,
  ItemEventEntity,
  ItemsRepository,
  MIGRATIONS,
  type NewItem,
  type NewSource,
  SecondFactorEntity,
  SecondFactorsRepository,
  SessionEntity,
  SessionsRepository,
  SourceActivityRepository,
  SnapshotEntity,
  SourceEntity,
  SourcesRepository,
  StoryEntity,
  UserEntity,
  UsersRepository,
} from '@vigil/persistence';
import { openTestDatabase, type TestDatabase } from '@vigil/testing';
import { DataSource, type EntityManager } from 'typeorm';

/** The repositories under test, built as the app builds them, on one connection's manager. */
export interface Repositories {
  items: ItemsRepository;
  activity: SourceActivityRepository;
  sources: SourcesRepository;
  evidence: EvidenceRepository;
  users: UsersRepository;
  sessions: SessionsRepository;
  secondFactors: SecondFactorsRepository;
}

function repositoriesOn(manager: EntityManager): Repositories {
  return {
    items: new ItemsRepository(manager.getRepository(ItemEntity)),
    activity: new SourceActivityRepository(manager.getRepository(ItemEntity)),
    sources: new SourcesRepository(manager.getRepository(SourceEntity)),
    evidence: new EvidenceRepository(manager.getRepository(SnapshotEntity), manager.getRepository(ItemEventEntity), manager.getRepository(StoryEntity)),
    users: new UsersRepository(manager.getRepository(UserEntity)),
    sessions: new SessionsRepository(manager.getRepository(SessionEntity)),
    secondFactors: new SecondFactorsRepository(manager.getRepository(SecondFactorEntity)),
  };
}

export interface RepositoryDatabase extends Repositories {
  db: DataSource;
  describe: string;
  /**
   * Runs `work` on repositories inside one transaction that starts with no sources (so no items, stories or
   * snapshots) and is rolled back afterwards: for specs of queries that read a whole table (the outbox sweep, due
   * sources), which rows of other tests would otherwise answer too. Other tests never see its rows either.
   */
  rolledBack(work: (repositories: Repositories) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/**
 * A migrated database of the run's own (PGlite, or PostgreSQL with TEST_DATABASE_URL) and its repositories.
 * Opening one costs seconds on PGlite, so a spec file opens one and each test works in sources of its own.
 */
export async function openRepositories(): Promise<RepositoryDatabase> {
  const database: TestDatabase = await openTestDatabase();
  // One connection: PGlite has a single session, and rolledBack's transaction must be the only one open on it.
  const db = new DataSource({ type: 'postgres', ...database.connection, entities: ENTITIES, migrations: MIGRATIONS, extra: { max: 1 } });
  try {
    await db.initialize();
    await db.runMigrations({ transaction: 'each' });
  } catch (error) {
    if (db.isInitialized) await db.destroy();
    await database.close();
    throw error;
  }
  return {
    db,
    ...repositoriesOn(db.manager),
    describe: database.describe,
    rolledBack: async (work) => {
      const runner = db.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      try {
        await runner.query('DELETE FROM sources');
        await work(repositoriesOn(runner.manager));
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
    },
    close: async () => {
      await db.destroy();
      await database.close();
    },
  };
}

/** A source as an admin would add it; every call a new one, so each test works in sources of its own. */
export function newSource(overrides: Partial<NewSource> = {}): NewSource {
  const n = randomUUID().slice(0, 8);
  return {
    name: `Nguồn ${n}`,
    url: `https://nguon-${n}.example.vn/rss`,
    kind: 'rss',
    pollIntervalSec: 600,
    minPollIntervalSec: 300,
    maxPollIntervalSec: 3600,
    languageHint: 'vi',
    weight: 50,
    tags: [],
    paused: false,
    listing: null,
    ...overrides,
  };
}

/**
 * An item as collection stores it from a feed entry: keyed on its guid when it has one, else its URL (as
 * entryKey does). `key` names it within the test and makes the guid, URL and hashes.
 */
export function newItem(sourceId: string, key: string, fetchedAt: Date, overrides: Partial<NewItem> = {}): NewItem {
  const guid = overrides.guid === undefined ? `urn:vigil-test:${key}` : overrides.guid;
  const url = overrides.url ?? `https://nguon.example.vn/bai/${key}`;
  const title = overrides.title ?? `Bác bỏ thông tin sai lệch ${key}`;
  const text = `Nội dung bài ${key}.`;
  return {
    sourceId,
    dedupeKey: guid ?? url,
    guid,
    url,
    canonicalUrl: url,
    title,
    content: text,
    text,
    snippet: text,
    language: 'vi',
    byline: null,
    imageUrls: [],
    publishedAt: fetchedAt,
    updatedAt: null,
    fetchedAt,
    searchTitle: title.toLowerCase(),
    searchText: text.toLowerCase(),
    contentHash: `content-${key}`,
    entryHash: `entry-${key}`,
    ...overrides,
  };
}

/** `ms` after `at`. */
export function after(at: Date, ms: number): Date {
  return new Date(at.getTime() + ms);
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
