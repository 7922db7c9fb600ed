import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { WatchRuleEntity } from '../entities/watch-rule.entity';
import type { Transaction } from './transactions';

/** What a spike is counted for: one rule's matches, or one story's flagged items (by the story's flag key). */
export interface SpikeSubject {
  kind: 'rule' | 'story';
  id: string;
}

export interface SpikeAlertRow {
  id: string;
  subjectKind: 'rule' | 'story';
  subjectId: string;
  bucketStart: Date;
  count: number;
  baseline: number;
  zScore: number;
  detectedAt: Date;
}

export interface NewSpikeAlert {
  subject: SpikeSubject;
  bucketStart: Date;
  count: number;
  baseline: number;
  zScore: number;
  detectedAt: Date;
}

/** Counts of flagged items in time buckets, and the alerts raised on them. */
@Injectable()
export class SpikesRepository {
  constructor(@InjectRepository(WatchRuleEntity) private readonly rules: Repository<WatchRuleEntity>) {}

  /**
   * Distinct flagged items per bucket, oldest first, for the `buckets` buckets ending with the one holding `now`.
   * Buckets start at multiples of `bucketMs` since the epoch, so every process counts the same buckets.
   */
  async bucketCounts(subject: SpikeSubject, bucketMs: number, buckets: number, now: Date): Promise<{ counts: number[]; currentBucketStart: Date }> {
    const current = Math.floor(now.getTime() / bucketMs);
    const from = new Date((current - buckets + 1) * bucketMs);
    const where = subject.kind === 'rule' ? 'f.rule_id = $1' : '(f.story_key = $1 OR f.story_id = $1)';
    const rows: { bucket: string; count: number }[] = await this.rules.query(
      `SELECT floor(extract(epoch FROM fi.matched_at) * 1000 / $2)::bigint AS bucket, count(DISTINCT fi.item_id)::int AS count
         FROM flag_items fi JOIN flags f ON f.id = fi.flag_id
        WHERE ${where} AND fi.matched_at >= $3 AND fi.matched_at <= $4
        GROUP BY 1`,
      [subject.id, bucketMs, from, now],
    );
    const byBucket = new Map(rows.map((row) => [Number(row.bucket), row.count]));
    const counts = Array.from({ length: buckets }, (_, index) => byBucket.get(current - buckets + 1 + index) ?? 0);
    return { counts, currentBucketStart: new Date(current * bucketMs) };
  }

  /**
   * Stores the alert unless the subject alerted within the cooldown or for this bucket already (another process saw
   * the same burst): null then. One statement, so two processes cannot both raise it.
   */
  async recordAlert(alert: NewSpikeAlert, cooldownMs: number, tx?: Transaction): Promise<SpikeAlertRow | null> {
    const rows: SpikeAlertRecord[] = await (tx?.manager ?? this.rules.manager).query(
      `INSERT INTO spike_alerts (subject_kind, subject_id, bucket_start, count, baseline, z_score, detected_at)
       SELECT $1, $2, $3, $4, $5, $6, $7
        WHERE NOT EXISTS (SELECT 1 FROM spike_alerts WHERE subject_kind = $1 AND subject_id = $2 AND detected_at > $7::timestamptz - $8 * interval '1 millisecond')
       ON CONFLICT (subject_kind, subject_id, bucket_start) DO NOTHING
       RETURNING *`,
      [alert.subject.kind, alert.subject.id, alert.bucketStart, alert.count, alert.baseline, alert.zScore, alert.detectedAt, cooldownMs],
    );
    return rows[0] ? toAlert(rows[0]) : null;
  }

  /** The name of the rule, or the title of the story, an alert is about. */
  async subjectName(subject: { subjectKind: 'rule' | 'story'; subjectId: string }, tx?: Transaction): Promise<string> {
    const db = tx?.manager ?? this.rules.manager;
    const [row]: { name: string }[] =
      subject.subjectKind === 'rule'
        ? await db.query(`SELECT name FROM watch_rules WHERE id = $1`, [subject.subjectId])
        : await db.query(`SELECT title AS name FROM stories WHERE id = $1`, [subject.subjectId]);
    return row?.name ?? '';
  }

  /** The latest alerts, each with the name of its rule or the title of its story. */
  async recent(limit: number): Promise<(SpikeAlertRow & { subjectName: string })[]> {
    const rows: (SpikeAlertRecord & { subject_name: string | null })[] = await this.rules.query(
      `SELECT a.*, COALESCE(r.name, st.title) AS subject_name FROM spike_alerts a
         LEFT JOIN watch_rules r ON a.subject_kind = 'rule' AND r.id = a.subject_id
         LEFT JOIN stories st ON a.subject_kind = 'story' AND st.id = a.subject_id
        ORDER BY a.detected_at DESC LIMIT $1`,
      [limit],
    );
    return rows.map((row) => ({ ...toAlert(row), subjectName: row.subject_name ?? '' }));
  }
}

interface SpikeAlertRecord {
  id: string;
  subject_kind: 'rule' | 'story';
  subject_id: string;
  bucket_start: Date;
  count: number;
  baseline: number;
  z_score: number;
  detected_at: Date;
}

function toAlert(row: SpikeAlertRecord): SpikeAlertRow {
  return {
    id: row.id,
    subjectKind: row.subject_kind,
    subjectId: row.subject_id,
    bucketStart: row.bucket_start,
    count: row.count,
    baseline: row.baseline,
    zScore: row.z_score,
    detectedAt: row.detected_at,
  };
}
