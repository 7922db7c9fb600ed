import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Severity } from '@vigil/contracts';
import { Repository } from 'typeorm';
import { ItemEntity } from '../entities/item.entity';

/**
 * What a case is about, as sets of ids: its linked items, the items of its flags, and every item of the stories any of
 * those belong to (a linked flag, item or story brings its whole story). Each step reads by an index: case_links by
 * its primary key, flag_items by (flag_id, item_id), items by story_id.
 */
const CASE_SCOPE = `
  linked AS (SELECT kind, target_id FROM case_links WHERE case_id = $1),
  case_stories AS (
    SELECT target_id AS story_id FROM linked WHERE kind = 'story'
    UNION SELECT f.story_id FROM linked l JOIN flags f ON f.id = l.target_id WHERE l.kind = 'flag' AND f.story_id IS NOT NULL
    UNION SELECT i.story_id FROM linked l JOIN items i ON i.id = l.target_id WHERE l.kind = 'item' AND i.story_id IS NOT NULL
  ),
  case_items AS (
    SELECT target_id AS item_id FROM linked WHERE kind = 'item'
    UNION SELECT fi.item_id FROM linked l JOIN flag_items fi ON fi.flag_id = l.target_id WHERE l.kind = 'flag'
    UNION SELECT i.id FROM items i WHERE i.story_id IN (SELECT story_id FROM case_stories)
  )`;

export interface CaseFirstItem {
  id: string;
  title: string;
  sourceName: string;
  fetchedAt: Date;
}

export interface CaseSpreadRow {
  hour: Date;
  sourceId: string;
  sourceName: string;
  count: number;
}

export interface CaseFlagRow {
  id: string;
  createdAt: Date;
  ruleName: string;
  severity: Severity;
}

export interface CaseSpikeRow {
  detectedAt: Date;
  subject: 'rule' | 'story';
  subjectName: string;
  count: number;
  zScore: number;
}

export interface ImpactCounts {
  items: number;
  sources: number;
}

/** The reads behind a case's timeline, each bounded: a case with thousands of items answers from a few index scans. */
@Injectable()
export class CaseTimelineRepository {
  constructor(@InjectRepository(ItemEntity) private readonly items: Repository<ItemEntity>) {}

  /** The first item Vigil collected among the case's, and how many distinct items the case has. */
  async firstItem(caseId: string): Promise<{ first: CaseFirstItem | null; total: number }> {
    const [row]: { id: string | null; title: string | null; source_name: string | null; fetched_at: Date | null; total: number }[] = await this.items.query(
      `WITH ${CASE_SCOPE},
       scoped AS (SELECT i.id, i.title, i.source_id, i.fetched_at FROM items i JOIN case_items c ON c.item_id = i.id)
       SELECT f.id, f.title, s.name AS source_name, f.fetched_at, (SELECT count(*)::int FROM scoped) AS total
         FROM (SELECT 1) AS one
         LEFT JOIN LATERAL (SELECT * FROM scoped ORDER BY fetched_at, id LIMIT 1) f ON true
         LEFT JOIN sources s ON s.id = f.source_id`,
      [caseId],
    );
    if (!row?.id) return { first: null, total: row?.total ?? 0 };
    return { first: { id: row.id, title: row.title!, sourceName: row.source_name!, fetchedAt: row.fetched_at! }, total: row.total };
  }

  /** Items first seen per hour and source in [from, to), hours and sources with none left out. */
  async spread(caseId: string, from: Date, to: Date): Promise<CaseSpreadRow[]> {
    const rows: { hour: string; source_id: string; source_name: string; count: number }[] = await this.items.query(
      `WITH ${CASE_SCOPE}
       SELECT floor(extract(epoch FROM i.fetched_at) / 3600)::bigint AS hour, i.source_id, s.name AS source_name, count(*)::int AS count
         FROM items i JOIN case_items c ON c.item_id = i.id JOIN sources s ON s.id = i.source_id
        WHERE i.fetched_at >= $2 AND i.fetched_at < $3
        GROUP BY 1, 2, 3 ORDER BY 1, 2`,
      [caseId, from, to],
    );
    return rows.map((row) => ({ hour: new Date(Number(row.hour) * 3_600_000), sourceId: row.source_id, sourceName: row.source_name, count: row.count }));
  }

  /**
   * The flags of the case: those linked, and those raised on its stories or items. A flag is keyed by the story (or the
   * lone item it was raised on, which has since joined the story), so the key's index finds them all.
   */
  async flags(caseId: string, limit: number): Promise<CaseFlagRow[]> {
    const rows: { id: string; created_at: Date; rule_name: string; severity: Severity }[] = await this.items.query(
      `WITH ${CASE_SCOPE}
       SELECT f.id, f.created_at, r.name AS rule_name, r.severity FROM flags f JOIN watch_rules r ON r.id = f.rule_id
        WHERE f.id IN (SELECT target_id FROM linked WHERE kind = 'flag')
           OR f.story_key IN (SELECT story_id FROM case_stories UNION ALL SELECT item_id FROM case_items)
        ORDER BY f.created_at, f.id LIMIT $2`,
      [caseId, limit],
    );
    return rows.map((row) => ({ id: row.id, createdAt: row.created_at, ruleName: row.rule_name, severity: row.severity }));
  }

  /** Spikes of the case's stories, and of its flags' rules from `since` on (a rule spikes for other stories too). */
  async spikes(caseId: string, since: Date, limit: number): Promise<CaseSpikeRow[]> {
    const rows: { detected_at: Date; subject_kind: 'rule' | 'story'; subject_name: string | null; count: number; z_score: number }[] = await this.items.query(
      `WITH ${CASE_SCOPE},
       case_flags AS (
         SELECT f.id, f.rule_id, f.story_key, f.story_id FROM flags f
          WHERE f.id IN (SELECT target_id FROM linked WHERE kind = 'flag')
             OR f.story_key IN (SELECT story_id FROM case_stories UNION ALL SELECT item_id FROM case_items)
       )
       SELECT a.detected_at, a.subject_kind, COALESCE(r.name, st.title) AS subject_name, a.count, a.z_score
         FROM spike_alerts a
         LEFT JOIN watch_rules r ON a.subject_kind = 'rule' AND r.id = a.subject_id
         LEFT JOIN stories st ON a.subject_kind = 'story' AND st.id = a.subject_id
        WHERE (a.subject_kind = 'story' AND a.subject_id IN (SELECT story_key FROM case_flags UNION SELECT story_id FROM case_stories))
           OR (a.subject_kind = 'rule' AND a.subject_id IN (SELECT rule_id FROM case_flags) AND a.detected_at >= $2)
        ORDER BY a.detected_at LIMIT $3`,
      [caseId, since, limit],
    );
    return rows.map((row) => ({ detectedAt: row.detected_at, subject: row.subject_kind, subjectName: row.subject_name ?? '', count: row.count, zScore: row.z_score }));
  }

  /** Distinct items first seen in [from, to) among the case's, and the sources that carried them. */
  async impact(caseId: string, windows: { from: Date; to: Date }[]): Promise<ImpactCounts[]> {
    const rows: { index: number; items: number; sources: number }[] = await this.items.query(
      `WITH ${CASE_SCOPE},
       windows AS (SELECT ordinality::int AS index, w.from_at, w.to_at FROM unnest($2::timestamptz[], $3::timestamptz[]) WITH ORDINALITY AS w(from_at, to_at))
       SELECT w.index, count(i.id)::int AS items, count(DISTINCT i.source_id)::int AS sources
         FROM windows w
         LEFT JOIN (items i JOIN case_items c ON c.item_id = i.id) ON i.fetched_at >= w.from_at AND i.fetched_at < w.to_at
        GROUP BY w.index ORDER BY w.index`,
      [caseId, windows.map((window) => window.from), windows.map((window) => window.to)],
    );
    return rows.map((row) => ({ items: row.items, sources: row.sources }));
  }
}
