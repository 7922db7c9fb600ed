import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A user's TOTP second factor; its secrets are ciphertext and its recovery codes hashes (see the migration). */
@Entity({ name: 'user_second_factors' })
export class SecondFactorEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  /** The active secret, encrypted; null until enrolment is confirmed. */
  @Column({ type: 'text', nullable: true })
  secret!: string | null;

  /** A secret handed out by enrolment and not confirmed yet, encrypted. */
  @Column({ name: 'pending_secret', type: 'text', nullable: true })
  pendingSecret!: string | null;

  @Column({ name: 'enabled_at', type: 'timestamptz', nullable: true })
  enabledAt!: Date | null;

  /** bigint arrives from the driver as a string. */
  @Column({ name: 'last_time_step', type: 'bigint', nullable: true })
  lastTimeStep!: string | null;

  @Column({ name: 'recovery_code_hashes', type: 'text', array: true, default: () => `'{}'` })
  recoveryCodeHashes!: string[];
}
