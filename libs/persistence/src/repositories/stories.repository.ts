import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { StoryEntity } from '../entities/story.entity';

export interface StoryRow {
  id: string;
  title: string;
  firstSeenAt: Date;
  firstSource: { id: string; name: string };
  itemCount: number;
  sourceCount: number;
}

export interface StoryItemRow {
  id: string;
  title: string;
  url: string;
  sourceId: string;
  sourceName: string;
  publishedAt: Date | null;
  fetchedAt: Date;
}

/** A story as the story page shows it: its counts, its items (first seen first) and how it spread hour by hour. */
@Injectable()
export class StoriesRepository {
  constructor(@InjectRepository(StoryEntity) private readonly stories: Repository<StoryEntity>) {}

  async find(id: string): Promise<StoryRow | null> {
    const [row]: { id: string; title: string; first_seen_at: Date; first_source_id: string; first_source_name: string; item_count: number; source_count: number }[] =
      await this.stories.query(
        `SELECT st.id, st.title, st.first_seen_at, st.first_source_id, s.name AS first_source_name,
                (SELECT count(*)::int FROM items i WHERE i.story_id = st.id) AS item_count,
                (SELECT count(DISTINCT i.source_id)::int FROM items i WHERE i.story_id = st.id) AS source_count
           FROM stories st JOIN sources s ON s.id = st.first_source_id WHERE st.id = $1`,
        [id],
      );
    if (!row) return null;
    return {
      id: row.id,
      title: row.title,
      firstSeenAt: row.first_seen_at,
      firstSource: { id: row.first_source_id, name: row.first_source_name },
      itemCount: row.item_count,
      sourceCount: row.source_count,
    };
  }

  async items(id: string, limit: number): Promise<StoryItemRow[]> {
    const rows: { id: string; title: string; url: string; source_id: string; source_name: string; published_at: Date | null; fetched_at: Date }[] = await this.stories.query(
      `SELECT i.id, i.title, i.url, i.source_id, s.name AS source_name, i.published_at, i.fetched_at
         FROM items i JOIN sources s ON s.id = i.source_id WHERE i.story_id = $1 ORDER BY i.fetched_at, i.id LIMIT $2`,
      [id, limit],
    );
    return rows.map((row) => ({ id: row.id, title: row.title, url: row.url, sourceId: row.source_id, sourceName: row.source_name, publishedAt: row.published_at, fetchedAt: row.fetched_at }));
  }

  /** Items first seen in each of the `hours` hours up to `now`, oldest first (zero hours included). */
  async hourly(id: string, now: Date, hours: number): Promise<{ hour: Date; count: number }[]> {
    const hourMs = 3_600_000;
    const current = Math.floor(now.getTime() / hourMs);
    const rows: { hour: string; count: number }[] = await this.stories.query(
      `SELECT floor(extract(epoch FROM fetched_at) / 3600)::bigint AS hour, count(*)::int AS count
         FROM items WHERE story_id = $1 AND fetched_at >= $2 AND fetched_at <= $3 GROUP BY 1`,
      [id, new Date((current - hours + 1) * hourMs), now],
    );
    const byHour = new Map(rows.map((row) => [Number(row.hour), row.count]));
    return Array.from({ length: hours }, (_, index) => {
      const hour = current - hours + 1 + index;
      return { hour: new Date(hour * hourMs), count: byHour.get(hour) ?? 0 };
    });
  }
}
