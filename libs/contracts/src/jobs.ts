/** Background jobs: each name maps to the payload its processor receives. */
export interface JobPayloads {
  /** Fetch one source now and store its new items. */
  'collect-source': { sourceId: string };
  /** Find sources whose poll is due and enqueue `collect-source` for each. */
  'schedule-due-sources': Record<string, never>;
}

export type JobName = keyof JobPayloads;
