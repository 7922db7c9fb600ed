import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Role } from '@vigil/contracts';
import { Repository } from 'typeorm';
import { LiveEventEntity } from '../entities/live-event.entity';
import { type Transaction, within } from './transactions';

export type NewLiveEvent = Omit<LiveEventEntity, 'id'>;

/** Who is reading: an event with an audience is theirs if they hold one of its roles, belong to its team or are named in it. */
export interface LiveEventViewer {
  userId: string;
  roles: readonly Role[];
  teams?: readonly string[];
}

// Any constant works; it only has to be the same in every Vigil process (and differ from the migration lock).
const APPEND_LOCK_KEY = 7_316_002;

/** The live feed's event store: appended in id order, read back by id ("everything after the last one I saw"). */
@Injectable()
export class LiveEventsRepository {
  constructor(@InjectRepository(LiveEventEntity) private readonly events: Repository<LiveEventEntity>) {}

  /**
   * Stores the events and returns them with their ids. Appends are serialised by a transaction-scoped lock, so an id
   * is drawn only after every smaller id has committed: a reader that has seen id N has seen every id below it, and
   * "after N" never skips an event that a slower, concurrent append commits later. Within a caller's transaction
   * (the flag the events announce) the lock is held until that commits: append last, so it is held briefly.
   */
  async append(events: readonly NewLiveEvent[], tx?: Transaction): Promise<LiveEventEntity[]> {
    if (events.length === 0) return [];
    return within(tx, this.events.manager, async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK_KEY]);
      const result = await manager.createQueryBuilder().insert().into(LiveEventEntity).values(events.map((event) => ({ ...event }))).returning('*').execute();
      const rows = result.raw as { id: string; type: string; at: Date; data: object; roles: Role[] | null; team: string | null; user_ids: string[] | null }[];
      return rows.map(({ user_ids: userIds, ...row }) => Object.assign(new LiveEventEntity(), row, { id: String(row.id), userIds }));
    });
  }

  /**
   * At most `limit` events with an id above `afterId` (and at most `upTo`, if given), oldest first. With a viewer,
   * only the events that viewer may see.
   */
  after(afterId: string, limit: number, options: { upTo?: string; viewer?: LiveEventViewer } = {}): Promise<LiveEventEntity[]> {
    const query = this.events.createQueryBuilder('event').where('event.id > :afterId', { afterId }).orderBy('event.id', 'ASC').limit(limit);
    if (options.upTo !== undefined) query.andWhere('event.id <= :upTo', { upTo: options.upTo });
    if (options.viewer) {
      query.andWhere(
        '((event.roles IS NULL AND event.team IS NULL AND event.userIds IS NULL) OR event.roles && CAST(:roles AS text[]) OR event.team = ANY(CAST(:teams AS text[])) OR CAST(:userId AS text) = ANY(event.userIds))',
        { roles: [...options.viewer.roles], teams: [...(options.viewer.teams ?? [])], userId: options.viewer.userId },
      );
    }
    return query.getMany();
  }

  /** The newest id stored, '0' when there is none. */
  async latestId(): Promise<string> {
    const rows: { id: string | null }[] = await this.events.query('SELECT max(id)::text AS id FROM live_events');
    return rows[0]?.id ?? '0';
  }
}
