import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Process-independent values every instance must share, such as the token signing secret. */
@Entity({ name: 'settings' })
export class SettingEntity {
  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  value!: string;
}
