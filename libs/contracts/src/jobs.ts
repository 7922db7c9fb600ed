import { z } from 'zod';

const noPayload = z.object({}).strict();
const sourcePayload = z.object({ sourceId: z.uuid() }).strict();
const itemPayload = z.object({ itemId: z.uuid() }).strict();

/**
 * Background jobs: each name with the schema of the payload its processor receives. Every queue checks a payload
 * against its schema before running it, so a malformed job (an older release's, a hand-made one) fails once,
 * visibly, instead of being retried or reaching a processor. Every job is idempotent.
 */
export const JOB_PAYLOAD_SCHEMAS = {
  /** Fetch one source (feed, sitemap or listing page) and store its new and changed items. */
  'collect-source': sourcePayload,
  /** Find sources whose poll is due and enqueue `collect-source` for each. */
  'schedule-due-sources': noPayload,
  /** Fetch a new item's page: archive a snapshot, extract the article, link it into its story. */
  'enrich-item': itemPayload,
  /** Find watched items due for a re-check and enqueue `check-watched-item` for each. */
  'schedule-watch-checks': noPayload,
  /** Re-fetch a watched item's page and record an edit or a takedown. */
  'check-watched-item': itemPayload,
  /** Send a source's items that the search engine lacks (indexed_at null) to it. */
  'index-source': sourcePayload,
  /** Queue again the work PostgreSQL says is pending (enriched_at / indexed_at null): survives crashes and lost jobs. */
  'sweep-outbox': noPayload,
  /** Fire the case deadline warnings, breaches and reminders that are due (each exactly once, recorded in PostgreSQL). */
  'tick-deadlines': noPayload,
  /** Sum up the lower-tier flags of every digest period that has ended and has no digest yet (once each, by its end). */
  'compose-digest': noPayload,
  /** POST one stored webhook delivery (a live event for one webhook) and record the outcome; retries with backoff. */
  'deliver-webhook': z.object({ deliveryId: z.uuid() }).strict(),
} as const;

export type JobName = keyof typeof JOB_PAYLOAD_SCHEMAS;

export type JobPayloads = { [N in JobName]: z.infer<(typeof JOB_PAYLOAD_SCHEMAS)[N]> };

/**
 * Which lane a job waits in; a lower number always runs first. Schedulers are tiny and decide everything else;
 * a due poll must never wait behind a backlog of page fetches (one poll can queue hundreds of them).
 */
export const JOB_PRIORITIES: Record<JobName, number> = {
  'schedule-due-sources': 1,
  'schedule-watch-checks': 1,
  'sweep-outbox': 1,
  'compose-digest': 1,
  // A missed deadline escalates within seconds of its time, whatever the collection backlog.
  'tick-deadlines': 1,
  'collect-source': 2,
  // An officer's phone waits on it: as urgent as a due poll, never behind page fetches.
  'deliver-webhook': 2,
  'index-source': 2,
  'check-watched-item': 3,
  'enrich-item': 4,
};

export const JOB_NAMES = Object.keys(JOB_PAYLOAD_SCHEMAS) as JobName[];
