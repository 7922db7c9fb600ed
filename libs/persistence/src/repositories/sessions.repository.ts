import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThan, MoreThan, Not, Repository } from 'typeorm';
import { SessionEntity } from '../entities/session.entity';
import { UserEntity } from '../entities/user.entity';

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
   * query: every authenticated request reads both.
   */
  async findUnrevokedWithUser(id: string): Promise<{ session: SessionEntity; user: UserEntity } | null> {
    const found = await this.sessions
      .createQueryBuilder('session')
      .innerJoinAndMapOne('session.user', UserEntity, 'user', 'user.id = session.userId')
      .where('session.id = :id AND session.revokedAt IS NULL', { id })
      .getOne();
    if (!found) return null;
    const { user, ...session } = found as SessionEntity & { user: UserEntity };
    return { session, user };
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
