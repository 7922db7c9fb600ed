import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { FlagStatus, Severity } from '@vigil/contracts';
import { Repository } from 'typeorm';
import { WatchRuleEntity } from '../entities/watch-rule.entity';

/** What detection reads to match and to learn: items as published (by id, or by collection time) and past decisions. */
@Injectable()
export class MatchingInputsRepository {
  constructor(@InjectRepository(WatchRuleEntity) private readonly rules: Repository<WatchRuleEntity>) {}

  /**
   * Items collected since `since`, newest first: what a rule preview reads. By collection time, not publication, since
   * that is when the pipeline would have matched them (an old article collected today is today's flag).
   */
  async recentItems(
    since: Date,
    limit: number,
  ): Promise<{ id: string; title: string; text: string; url: string; language: string | null; sourceId: string; publishedAt: Date | null; seenAt: Date }[]> {
    const rows: { id: string; title: string; text: string; url: string; language: string | null; source_id: string; published_at: Date | null; seen_at: Date }[] =
      await this.rules.query(
        `SELECT id, title, text, url, language, source_id, published_at, fetched_at AS seen_at
           FROM items WHERE fetched_at >= $1 ORDER BY fetched_at DESC LIMIT $2`,
        [since, limit],
      );
    return rows.map((row) => ({ id: row.id, title: row.title, text: row.text, url: row.url, language: row.language, sourceId: row.source_id, publishedAt: row.published_at, seenAt: row.seen_at }));
  }

  /** The items' published text and what matching filters on, for the step that matches them. */
  async flaggableItems(ids: string[]): Promise<{ id: string; title: string; text: string; language: string | null; sourceId: string; storyId: string | null }[]> {
    if (ids.length === 0) return [];
    const rows: { id: string; title: string; text: string; language: string | null; source_id: string; story_id: string | null }[] = await this.rules.query(
      `SELECT id, title, text, language, source_id, story_id FROM items WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map((row) => ({ id: row.id, title: row.title, text: row.text, language: row.language, sourceId: row.source_id, storyId: row.story_id }));
  }

  /** The latest decided flags (dismissed or escalated) with what a decision model learns from, newest first. */
  async decisions(limit: number): Promise<{ escalated: boolean; ruleId: string; severity: Severity; sourceId: string; title: string }[]> {
    const rows: { status: FlagStatus; rule_id: string; severity: Severity; source_id: string; title: string }[] = await this.rules.query(
      `SELECT f.status, f.rule_id, r.severity, i.source_id, i.title FROM flags f
         JOIN watch_rules r ON r.id = f.rule_id JOIN items i ON i.id = f.first_item_id
        WHERE f.status IN ('dismissed', 'escalated') ORDER BY f.decided_at DESC LIMIT $1`,
      [limit],
    );
    return rows.map((row) => ({ escalated: row.status === 'escalated', ruleId: row.rule_id, severity: row.severity, sourceId: row.source_id, title: row.title }));
  }
}
