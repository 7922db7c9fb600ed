import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A per-user audience for live events: `user_ids` names the users an event is for (a comment's @mentions), beside
 * `roles` and `team`; all three null still means every signed-in user.
 */
export class LiveEventUsers1766300000000 implements MigrationInterface {
  name = 'LiveEventUsers1766300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE live_events ADD COLUMN user_ids text[]`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE live_events DROP COLUMN user_ids`);
  }
}
