import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { SecondFactorEntity } from '../entities/second-factor.entity';

/** TOTP second factors. Every state change is one conditional statement, so racing requests cannot both win. */
@Injectable()
export class SecondFactorsRepository {
  constructor(@InjectRepository(SecondFactorEntity) private readonly factors: Repository<SecondFactorEntity>) {}

  find(userId: string): Promise<SecondFactorEntity | null> {
    return this.factors.findOneBy({ userId });
  }

  /** Hands out a new pending secret; refused (false) while a factor is active. */
  async startEnrolment(userId: string, pendingSecret: string): Promise<boolean> {
    const rows: unknown[] = await this.factors.query(
      `INSERT INTO user_second_factors (user_id, pending_secret) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET pending_secret = excluded.pending_secret WHERE user_second_factors.secret IS NULL
       RETURNING user_id`,
      [userId, pendingSecret],
    );
    return rows.length === 1;
  }

  /** Turns the pending secret that was verified into the active one; false if it changed meanwhile. */
  async confirmEnrolment(userId: string, pendingSecret: string, timeStep: number, recoveryCodeHashes: string[], now: Date): Promise<boolean> {
    const result = await this.factors
      .createQueryBuilder()
      .update()
      .set({ secret: pendingSecret, pendingSecret: null, enabledAt: now, lastTimeStep: String(timeStep), recoveryCodeHashes })
      .where('user_id = :userId AND pending_secret = :pendingSecret AND secret IS NULL', { userId, pendingSecret })
      .execute();
    return result.affected === 1;
  }

  /** Accepts a code's time step only if it is later than the last one accepted: a code works once. */
  async acceptTimeStep(userId: string, timeStep: number): Promise<boolean> {
    const result = await this.factors
      .createQueryBuilder()
      .update()
      .set({ lastTimeStep: String(timeStep) })
      .where('user_id = :userId AND secret IS NOT NULL AND (last_time_step IS NULL OR last_time_step < :timeStep)', { userId, timeStep })
      .execute();
    return result.affected === 1;
  }

  /** Spends one recovery code; false if it is not (or no longer) one of the user's. */
  async spendRecoveryCode(userId: string, codeHash: string): Promise<boolean> {
    const result = await this.factors
      .createQueryBuilder()
      .update()
      .set({ recoveryCodeHashes: () => 'array_remove(recovery_code_hashes, :codeHash)' })
      .where('user_id = :userId AND secret IS NOT NULL AND :codeHash = ANY(recovery_code_hashes)')
      .setParameters({ userId, codeHash })
      .execute();
    return result.affected === 1;
  }

  async remove(userId: string): Promise<void> {
    await this.factors.delete({ userId });
  }
}
