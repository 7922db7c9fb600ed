import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, MoreThan, Not, Repository } from 'typeorm';
import { SessionEntity } from '../entities/session.entity';

@Injectable()
export class SessionsRepository {
  constructor(@InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>) {}

  create(userId: string, expiresAt: Date): Promise<SessionEntity> {
    return this.sessions.save(this.sessions.create({ userId, expiresAt, revokedAt: null }));
  }

  findActive(id: string, now: Date): Promise<SessionEntity | null> {
    return this.sessions.findOneBy({ id, revokedAt: IsNull(), expiresAt: MoreThan(now) });
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
