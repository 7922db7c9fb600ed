import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThan, MoreThan, Not, Repository } from 'typeorm';
import { SessionEntity } from '../entities/session.entity';

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

  /** A session not revoked, expired or not: the caller tells "timed out" from "signed out". */
  findUnrevoked(id: string): Promise<SessionEntity | null> {
    return this.sessions.findOneBy({ id, revokedAt: IsNull() });
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
