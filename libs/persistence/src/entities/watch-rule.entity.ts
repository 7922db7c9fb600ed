import type { Severity } from '@vigil/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A watch rule: a query in the rule language whose matches are flagged for the duty officers. */
@Entity({ name: 'watch_rules' })
export class WatchRuleEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  query!: string;

  @Column({ type: 'text' })
  severity!: Severity;

  @Column({ name: 'owner_team', type: 'text', nullable: true })
  ownerTeam!: string | null;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Set instead of deleting the row, so the flags a rule raised keep it. */
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;
}
