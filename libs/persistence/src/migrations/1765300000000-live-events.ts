import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The live feed's event store. Every event is a row before any client hears of it; `id` only grows, and rows are
 * appended one transaction at a time (LiveEventsRepository.append), so the ids a reader sees are always a prefix of
 * the ids that will ever be committed: replay "after id N" misses nothing. `roles` / `team` narrow who may see an
 * event (both null: every signed-in user).
 */
export class LiveEvents1765300000000 implements MigrationInterface {
  name = 'LiveEvents1765300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE live_events (
        id bigserial PRIMARY KEY,
        type text NOT NULL,
        at timestamptz NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        roles text[],
        team text
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE live_events`);
  }
}
