import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What a page said when Vigil fetched it: raw bytes (gzip), so a rebuttal can cite it after edits or takedowns. */
@Entity({ name: 'snapshots' })
export class SnapshotEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId!: string;

  @Column({ name: 'fetched_at', type: 'timestamptz' })
  fetchedAt!: Date;

  @Column({ name: 'http_status', type: 'integer' })
  httpStatus!: number;

  @Column({ name: 'final_url', type: 'text' })
  finalUrl!: string;

  @Column({ name: 'content_type', type: 'text', nullable: true })
  contentType!: string | null;

  /** sha256 of the raw bytes. */
  @Column({ name: 'content_hash', type: 'text' })
  contentHash!: string;

  /** sha256 of the extracted text: what decides whether the article was edited. */
  @Column({ name: 'text_hash', type: 'text' })
  textHash!: string;

  @Column({ name: 'body_gzip', type: 'bytea', select: false })
  bodyGzip!: Buffer;

  /** The page as served to readers (sanitised, without the banner); null until first rendered. */
  @Column({ name: 'sanitized_html', type: 'text', nullable: true, select: false })
  sanitizedHtml!: string | null;
}
