import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'items' })
export class ItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'source_id', type: 'uuid' })
  sourceId!: string;

  /** guid when the feed gives one, else the item's URL: unique per source, so re-polling stores nothing twice. */
  @Column({ name: 'dedupe_key', type: 'text' })
  dedupeKey!: string;

  @Column({ type: 'text', nullable: true })
  guid!: string | null;

  @Column({ type: 'text' })
  url!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  content!: string;

  @Column({ type: 'text' })
  snippet!: string;

  @Column({ type: 'text', nullable: true })
  language!: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'fetched_at', type: 'timestamptz' })
  fetchedAt!: Date;

  /** Null until the search engine has the current version; cleared whenever the item changes. */
  @Column({ name: 'indexed_at', type: 'timestamptz', nullable: true })
  indexedAt!: Date | null;

  /** Folded forms from the shared text module; the search vector is generated from them. */
  @Column({ name: 'search_title', type: 'text' })
  searchTitle!: string;

  @Column({ name: 'search_text', type: 'text' })
  searchText!: string;
}
