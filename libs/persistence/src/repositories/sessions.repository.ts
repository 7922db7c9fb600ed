import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThan, MoreThan, Not, Repository } from 'typeorm';
import { SessionEntity } from '../entities/session.entity';
import { UserEntity } from '../entities/user.entity';

/** What checking a request's session reads: the session's lifetime and the user's standing. */
export interface SessionWithUser {
  session: Pick<SessionEntity, 'id' | 'userId' | 'expiresAt' | 'lastUsedAt'>;
  user: Pick<UserEntity, 'id' | 'username' | 'roles' | 'disabled' | 'mustChangePassword'>;
}

interface SessionWithUserRecord {
  id: string;
  user_id: string;
  expires_at: Date;
  last_used_at: Date;
  username: string;
  roles: UserEntity['roles'];
  disabled: boolean;
  must_change_password: boolean;
}

@Injectable()
export class SessionsRepository {
  constructor(@InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>) {}

  /** `now` comes from the application's clock, so the idle timeout counts from the same clock that checks it. */
  create(userId: string, expiresAt: Date, now: Date): Promise<SessionEntity> {
    return this.sessions.save(this.sessions.create({ userId, expiresAt, lastUsedAt: now, revokedAt: null }));
  }

  findActive(id: string, now: Date): Promise<SessionEntity | null> {
    return this.sessions.findOneBy({ id, revokedAt: IsNull(), expiresAt: MoreThan(now) });
  }

  /**
   * A session not revoked, expired or not (the caller tells "timed out" from "signed out"), with its user, in one
   * statement: every authenticated request reads both. Plain SQL of the columns a check reads: TypeORM's query
   * builder and entity mapping cost more CPU than the statement itself on this hot path.
   */
  async findUnrevokedWithUser(id: string): Promise<SessionWithUser | null> {
    const [row]: SessionWithUserRecord[] = await this.sessions.manager.query(
      `SELECT session.id, session.user_id, session.expires_at, session.last_used_at,
              account.username, account.roles, account.disabled, account.must_change_password
         FROM sessions session JOIN users account ON account.id = session.user_id
        WHERE session.id = $1 AND session.revoked_at IS NULL`,
      [id],
    );
    if (!row) return null;
    return {
      session: { id: row.id, userId: row.user_id, expiresAt: row.expires_at, lastUsedAt: row.last_used_at },
      user: { id: row.user_id, username: row.username, roles: row.roles, disabled: row.disabled, mustChangePassword: row.must_change_password },
    };
  }

  /**
   * Records a use, but only when the stored one is older than `minGapMs`: a busy console writes its session row
   * about once a minute, not on every request. The condition is in the UPDATE, so concurrent requests write once.
   */
  async touch(id: string, now: Date, minGapMs: number): Promise<void> {
    await this.sessions.update({ id, revokedAt: IsNull(), lastUsedAt: LessThan(new Date(now.getTime() - minGapMs)) }, { lastUsedAt: now });
  }

  async revoke(id: string, now: Date): Promise<void> {
    await this.sessions.update({ id, revokedAt: IsNull() }, { revokedAt: now });
  }

  async revokeAllForUserExcept(userId: string, keptSessionId: string, now: Date): Promise<void> {
    await this.sessions.update({ userId, revokedAt: IsNull(), id: Not(keptSessionId) }, { revokedAt: now });
  }

  async revokeAllForUser(userId: string, now: Date): Promise<void> {
    await this.sessions.update({ userId, revokedAt: IsNull() }, { revokedAt: now });
  }
}
