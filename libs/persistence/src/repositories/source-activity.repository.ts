import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ItemEntity } from '../entities/item.entity';

/** What a source's health shows of its items: items first seen per day, and when and how often it publishes. */
@Injectable()
export class SourceActivityRepository {
  constructor(@InjectRepository(ItemEntity) private readonly items: Repository<ItemEntity>) {}

  /** Items first seen per source on each of the last `days` days (Asia/Ho_Chi_Minh calendar days), oldest first. */
  async dailyCounts(sourceIds: string[], now: Date, days: number): Promise<Map<string, number[]>> {
    const counts = new Map(sourceIds.map((id) => [id, new Array<number>(days).fill(0)]));
    if (sourceIds.length === 0) return counts;
    const rows: { source_id: string; day_index: number; count: string }[] = await this.items.query(
      `SELECT source_id,
              ($3::int - 1) - ((($2::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) - ((fetched_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)) AS day_index,
              count(*) AS count
         FROM items
        WHERE source_id = ANY($1) AND fetched_at > $2::timestamptz - make_interval(days => $3::int)
        GROUP BY 1, 2`,
      [sourceIds, now, days],
    );
    for (const row of rows) {
      const series = counts.get(row.source_id);
      if (series && row.day_index >= 0 && row.day_index < days) series[row.day_index] = Number(row.count);
    }
    return counts;
  }

  /**
   * When each source last published (as far as Vigil saw), and its typical gap between items over the last 30 days:
   * one grouped query for all the sources listed.
   */
  async publishingRhythm(sourceIds: string[], now: Date): Promise<Map<string, { lastItemAt: Date; typicalGapMs: number | null }>> {
    if (sourceIds.length === 0) return new Map();
    // `at` is never later than fetched_at, so the window on fetched_at loses nothing and lets the
    // (source_id, fetched_at) index read only the last 30 days instead of each source's whole history.
    const rows: { source_id: string; last_item_at: Date; first_item_at: Date; count: string }[] = await this.items.query(
      `SELECT source_id, max(at) AS last_item_at, min(at) AS first_item_at, count(*) AS count
         FROM (SELECT source_id, LEAST(coalesce(published_at, fetched_at), fetched_at) AS at
                 FROM items
                WHERE source_id = ANY($1) AND fetched_at > $2::timestamptz - interval '30 days') AS seen
        WHERE at > $2::timestamptz - interval '30 days'
        GROUP BY source_id`,
      [sourceIds, now],
    );
    return new Map(
      rows.map((row) => {
        const count = Number(row.count);
        const span = new Date(row.last_item_at).getTime() - new Date(row.first_item_at).getTime();
        return [row.source_id, { lastItemAt: new Date(row.last_item_at), typicalGapMs: count > 2 && span > 0 ? span / (count - 1) : null }];
      }),
    );
  }
}
