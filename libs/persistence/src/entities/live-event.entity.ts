import type { Role } from '@vigil/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One event of the live feed, stored before anyone is told; see the LiveEvents migration. */
@Entity({ name: 'live_events' })
export class LiveEventEntity {
  /** A bigint, kept as its decimal string. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data!: object;

  /** Who may see it: holders of one of these roles, members of `team` or the users in `userIds`; all null means everyone signed in. */
  @Column({ type: 'text', array: true, nullable: true })
  roles!: Role[] | null;

  @Column({ type: 'text', nullable: true })
  team!: string | null;

  @Column({ name: 'user_ids', type: 'text', array: true, nullable: true })
  userIds!: string[] | null;
}
