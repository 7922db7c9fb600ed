import type { ItemEventKind, ItemEventParams, ItemEventReason } from '@vigil/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An edit or takedown noticed on a watched item; stored before anyone is told. */
@Entity({ name: 'item_events' })
export class ItemEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId!: string;

  @Column({ type: 'text' })
  kind!: ItemEventKind;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'text' })
  reason!: ItemEventReason;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  params!: ItemEventParams;

  /** The same in English, for developers and logs. */
  @Column({ type: 'text' })
  detail!: string;

  @Column({ name: 'snapshot_id', type: 'uuid', nullable: true })
  snapshotId!: string | null;
}
