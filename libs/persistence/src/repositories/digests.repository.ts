import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DIGEST_SEVERITIES, type DigestFlag, type DigestSeverity } from '@vigil/contracts';
import { DataSource } from 'typeorm';
import type { Transaction } from './transactions';

export interface DigestRow {
  id: string;
  periodStart: Date;
  periodEnd: Date;
  flagCount: number;
  bySeverity: Record<DigestSeverity, number>;
  flags: DigestFlag[];
  createdAt: Date;
}

const DIGEST_COLUMNS = `id::text AS id, period_start AS "periodStart", period_end AS "periodEnd", flag_count AS "flagCount",
  by_severity AS "bySeverity", top_flags AS flags, created_at AS "createdAt"`;

/** The lower-tier digests: one per period, keyed by its end, so composing a period twice stores it once. */
@Injectable()
export class DigestsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Where the last digest ended: the next one starts there, so a stopped process leaves no period unsummed. */
  async lastPeriodEnd(): Promise<Date | null> {
    const [row]: { end: Date | null }[] = await this.db.query(`SELECT max(period_end) AS end FROM flag_digests`);
    return row?.end ?? null;
  }

  /**
   * Sums up the lower-tier flags raised in [start, end) and stores the digest; null when another process stored
   * this period first (the unique end). `listed` flags are kept, the most urgent first.
   */
  async compose(start: Date, end: Date, listed: number, at: Date, tx: Transaction): Promise<DigestRow | null> {
    const flags: (DigestFlag & { severity: DigestSeverity })[] = await tx.manager.query(
      `SELECT f.id, r.name AS "ruleName", r.severity, i.title, i.url, f.priority,
              (SELECT count(*)::int FROM flag_items fi WHERE fi.flag_id = f.id) AS "itemCount"
         FROM flags f JOIN watch_rules r ON r.id = f.rule_id JOIN items i ON i.id = f.latest_item_id
        WHERE f.created_at >= $1 AND f.created_at < $2 AND r.severity = ANY($3::text[])
        ORDER BY f.priority DESC, f.created_at, f.id`,
      [start, end, [...DIGEST_SEVERITIES]],
    );
    const bySeverity = Object.fromEntries(DIGEST_SEVERITIES.map((severity) => [severity, flags.filter((flag) => flag.severity === severity).length]));
    const [row]: DigestRow[] = await tx.manager.query(
      `INSERT INTO flag_digests (period_start, period_end, flag_count, by_severity, top_flags, created_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (period_end) DO NOTHING RETURNING ${DIGEST_COLUMNS}`,
      [start, end, flags.length, JSON.stringify(bySeverity), JSON.stringify(flags.slice(0, listed)), at],
    );
    return row ?? null;
  }

  /** The latest digests that listed something, newest first. */
  recent(limit: number): Promise<DigestRow[]> {
    return this.db.query(`SELECT ${DIGEST_COLUMNS} FROM flag_digests WHERE flag_count > 0 ORDER BY period_end DESC LIMIT $1`, [limit]);
  }
}
