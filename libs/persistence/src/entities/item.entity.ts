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

  /** Text the feed carried (summary or content, markup removed). */
  @Column({ type: 'text' })
  content!: string;

  /** Main text: the article extracted from its page, else the feed's text. */
  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'canonical_url', type: 'text' })
  canonicalUrl!: string;

  /** As published; Vigil never tries to identify anonymous authors. */
  @Column({ type: 'text', nullable: true })
  byline!: string | null;

  @Column({ name: 'image_urls', type: 'text', array: true, default: () => `'{}'` })
  imageUrls!: string[];

  @Column({ name: 'updated_at', type: 'timestamptz', nullable: true })
  updatedAt!: Date | null;

  @Column({ name: 'story_id', type: 'uuid', nullable: true })
  storyId!: string | null;

  /** The earlier item of another source this one copies word for word: lists show that original alone. */
  @Column({ name: 'copy_of', type: 'uuid', nullable: true })
  copyOf!: string | null;

  @Column({ name: 'content_hash', type: 'text', nullable: true })
  contentHash!: string | null;

  /** Cheap hash of the entry as its source last gave it: an unchanged entry is recognised without converting it. */
  @Column({ name: 'entry_hash', type: 'text', nullable: true })
  entryHash!: string | null;

  /** MinHash of the text's word shingles (16 hex digits): near duplicates differ in a few bits. */
  @Column({ type: 'text', nullable: true })
  fingerprint!: string | null;

  /** Four 16-bit bands of the fingerprint: near duplicates (distance ≤ 3) share at least one. */
  @Column({ name: 'fingerprint_bands', type: 'integer', array: true, nullable: true })
  fingerprintBands!: number[] | null;

  /** Set once the article page has been fetched, archived and extracted (or found unavailable). */
  @Column({ name: 'enriched_at', type: 'timestamptz', nullable: true })
  enrichedAt!: Date | null;

  @Column({ type: 'boolean', default: false })
  watched!: boolean;

  @Column({ name: 'next_check_at', type: 'timestamptz', nullable: true })
  nextCheckAt!: Date | null;

  @Column({ name: 'removed_at', type: 'timestamptz', nullable: true })
  removedAt!: Date | null;

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

  /** Folded forms from the shared text module; the trigger that writes the item's search row (item_search) makes its tsvector from them. */
  @Column({ name: 'search_title', type: 'text' })
  searchTitle!: string;

  @Column({ name: 'search_text', type: 'text' })
  searchText!: string;
}
