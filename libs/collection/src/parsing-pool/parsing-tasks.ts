import { type ExtractedArticle, FeedParseError, type ListingRule, type ParsedFeed, type ParsedSitemap, type ParseFeedOptions } from '@vigil/parsing';

/**
 * What the parsing pool's threads do, by kind (run by parsing-task-runner.ts, which only the threads load): input and output are plain data (strings, bytes, dates), since
 * they cross a thread boundary by structured clone — DOM objects never leave the thread that built them.
 */
export interface ParsingTasks {
  feed: { input: { text: string; options: ParseFeedOptions }; output: ParsedFeed };
  sitemap: { input: { text: string; baseUrl: string }; output: ParsedSitemap };
  listing: { input: { html: string; pageUrl: string; rule: ListingRule }; output: string[] };
  discovery: { input: { html: string; pageUrl: string }; output: string[] };
  article: { input: { html: string; pageUrl: string }; output: ExtractedArticle };
  snapshot: { input: { bodyGzip: Uint8Array; contentType: string | null; pageUrl: string }; output: string };
}

export type ParsingKind = keyof ParsingTasks;
export type ParsingTask = { [K in ParsingKind]: { kind: K; input: ParsingTasks[K]['input'] } }[ParsingKind];

/** A thrown error crosses the thread as data, so a FeedParseError is still one on the other side. */
export type ParsingOutcome =
  | { ok: true; value: unknown }
  | { ok: false; error: { name: string; message: string; stack?: string; failure?: Pick<FeedParseError, 'failureCode' | 'failureParams'> } };

/** A task's outcome with how long its thread spent on it, measured in that thread. */
export interface TimedParsingOutcome {
  outcome: ParsingOutcome;
  elapsedMs: number;
}

/** The main-thread side of an outcome: the value, or the error rethrown (a FeedParseError as one). */
export function unwrapOutcome<K extends ParsingKind>(outcome: ParsingOutcome): ParsingTasks[K]['output'] {
  if (outcome.ok) return outcome.value as ParsingTasks[K]['output'];
  const { name, message, stack, failure } = outcome.error;
  const error = name === 'FeedParseError' ? new FeedParseError(message, failure ?? {}) : Object.assign(new Error(message), { name });
  if (stack) error.stack = stack;
  throw error;
}
