import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ListingRule, SourceFailureCode, SourceFailureParams, SourceKind } from '@vigil/contracts';

@Entity({ name: 'sources' })
export class SourceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  url!: string;

  /** `sourceUrlKey(url)`, set on every write of the URL: unique among the sources in use (null for an old copy). */
  @Column({ name: 'url_key', type: 'text', nullable: true })
  urlKey!: string | null;

  @Column({ type: 'text' })
  kind!: SourceKind;

  /** The current, adaptive interval: shorter while the source publishes, longer while it is idle. */
  @Column({ name: 'poll_interval_sec', type: 'integer' })
  pollIntervalSec!: number;

  /** The interval the user set (at create or edit); the adaptive one above starts from it. */
  @Column({ name: 'configured_poll_interval_sec', type: 'integer' })
  configuredPollIntervalSec!: number;

  @Column({ name: 'min_poll_interval_sec', type: 'integer' })
  minPollIntervalSec!: number;

  @Column({ name: 'max_poll_interval_sec', type: 'integer' })
  maxPollIntervalSec!: number;

  @Column({ name: 'language_hint', type: 'text', nullable: true })
  languageHint!: 'vi' | 'en' | null;

  @Column({ type: 'integer', default: 50 })
  weight!: number;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  tags!: string[];

  @Column({ type: 'boolean', default: false })
  paused!: boolean;

  @Column({ type: 'jsonb', nullable: true })
  listing!: ListingRule | null;

  /** Failures weighted for backoff: 404, 429 and 5xx count half, other failures whole. */
  @Column({ name: 'failure_score', type: 'real', default: 0 })
  failureScore!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'next_fetch_at', type: 'timestamptz' })
  nextFetchAt!: Date;

  @Column({ name: 'last_fetched_at', type: 'timestamptz', nullable: true })
  lastFetchedAt!: Date | null;

  @Column({ name: 'last_success_at', type: 'timestamptz', nullable: true })
  lastSuccessAt!: Date | null;

  /** The last failure in English, for developers and logs; users see it worded from the code and params below. */
  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'last_error_code', type: 'text', nullable: true })
  lastErrorCode!: SourceFailureCode | null;

  @Column({ name: 'last_error_params', type: 'jsonb', nullable: true })
  lastErrorParams!: SourceFailureParams | null;

  @Column({ name: 'consecutive_failures', type: 'integer', default: 0 })
  consecutiveFailures!: number;

  /** Validators for conditional GET, so an unchanged feed costs a 304. */
  @Column({ type: 'text', nullable: true })
  etag!: string | null;

  @Column({ name: 'last_modified', type: 'text', nullable: true })
  lastModified!: string | null;

  /** Digest of the last completely read document, so a server that ignores validators still costs no parse. */
  @Column({ name: 'body_hash', type: 'text', nullable: true })
  bodyHash!: string | null;

  /** Set when an admin removed the source: never polled again; its items stay, marked "source removed". */
  @Column({ name: 'removed_at', type: 'timestamptz', nullable: true })
  removedAt!: Date | null;

  /** Removed with its items, whose documents a separate search engine still holds until the outbox sweep deletes them. */
  @Column({ name: 'search_purge_pending', type: 'boolean', default: false })
  searchPurgePending!: boolean;
}
