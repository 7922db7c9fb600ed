import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One story told by several items (syndicated copies, near duplicates), with where and when it was first seen. */
@Entity({ name: 'stories' })
export class StoryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'first_source_id', type: 'uuid' })
  firstSourceId!: string;

  @Column({ name: 'first_seen_at', type: 'timestamptz' })
  firstSeenAt!: Date;
}
