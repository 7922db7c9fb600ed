/** Background jobs: each name maps to the payload its processor receives. Every job is idempotent. */
export interface JobPayloads {
  /** Fetch one source (feed, sitemap or listing page) and store its new and changed items. */
  'collect-source': { sourceId: string };
  /** Find sources whose poll is due and enqueue `collect-source` for each. */
  'schedule-due-sources': Record<string, never>;
  /** Fetch a new item's page: archive a snapshot, extract the article, link it into its story. */
  'enrich-item': { itemId: string };
  /** Find watched items due for a re-check and enqueue `check-watched-item` for each. */
  'schedule-watch-checks': Record<string, never>;
  /** Re-fetch a watched item's page and record an edit or a takedown. */
  'check-watched-item': { itemId: string };
}

export type JobName = keyof JobPayloads;
