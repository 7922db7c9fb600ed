import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type PersonRow, personJson } from './case-people-sql';

export interface TeamRow {
  id: string;
  name: string;
  members: PersonRow[];
}

export type TeamCreation = { kind: 'created'; team: TeamRow } | { kind: 'exists'; existingId: string };

const TEAM_SELECT = `
  SELECT t.id, t.name,
         COALESCE(json_agg(${personJson('u')} ORDER BY u.username) FILTER (WHERE u.id IS NOT NULL), '[]') AS members
    FROM teams t LEFT JOIN team_members m ON m.team_id = t.id LEFT JOIN users u ON u.id = m.user_id`;

/** Teams own cases; names are unique whatever their case. */
@Injectable()
export class TeamsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The team and its members, or the id of the team that already has this name (members must be existing user ids). */
  async create(name: string, memberIds: readonly string[], at: Date): Promise<TeamCreation> {
    return this.db.transaction(async (manager) => {
      const [created]: { id: string }[] = await manager.query(`INSERT INTO teams (name, created_at) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING id`, [name, at]);
      if (!created) {
        const [existing]: { id: string }[] = await manager.query(`SELECT id FROM teams WHERE lower(name) = lower($1)`, [name]);
        return { kind: 'exists', existingId: existing!.id };
      }
      await manager.query(`INSERT INTO team_members (team_id, user_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [created.id, [...memberIds]]);
      const [team]: TeamRow[] = await manager.query(`${TEAM_SELECT} WHERE t.id = $1 GROUP BY t.id`, [created.id]);
      return { kind: 'created', team: team! };
    });
  }

  list(): Promise<TeamRow[]> {
    return this.db.query(`${TEAM_SELECT} GROUP BY t.id ORDER BY lower(t.name)`);
  }

  async findById(id: string): Promise<TeamRow | null> {
    const [team]: TeamRow[] = await this.db.query(`${TEAM_SELECT} WHERE t.id = $1 GROUP BY t.id`, [id]);
    return team ?? null;
  }

  /** Replaces the team's members; null when there is no such team. */
  async setMembers(id: string, userIds: readonly string[]): Promise<TeamRow | null> {
    return this.db.transaction(async (manager) => {
      const [team]: { id: string }[] = await manager.query(`SELECT id FROM teams WHERE id = $1 FOR UPDATE`, [id]);
      if (!team) return null;
      await manager.query(`DELETE FROM team_members WHERE team_id = $1`, [id]);
      await manager.query(`INSERT INTO team_members (team_id, user_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [id, [...userIds]]);
      const [row]: TeamRow[] = await manager.query(`${TEAM_SELECT} WHERE t.id = $1 GROUP BY t.id`, [id]);
      return row!;
    });
  }

  /** The ids among `userIds` that name no enabled user. */
  async unknownUsers(userIds: readonly string[]): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows: { id: string }[] = await this.db.query(
      `SELECT x.id FROM unnest($1::uuid[]) AS x(id) WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = x.id AND NOT u.disabled)`,
      [[...userIds]],
    );
    return rows.map((row) => row.id);
  }
}
