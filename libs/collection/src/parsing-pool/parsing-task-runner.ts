import { discoverFeeds, extractArticle, extractListingLinks, parseFeed, parseSitemap } from '@vigil/parsing/parsers';
import { FeedParseError } from '@vigil/parsing';
import { sanitizeArchivedPage } from '../snapshot/archived-page-sanitizer';
import type { ParsingKind, ParsingOutcome, ParsingTask, ParsingTasks } from './parsing-tasks';

const HANDLERS: { [K in ParsingKind]: (input: ParsingTasks[K]['input']) => ParsingTasks[K]['output'] } = {
  feed: ({ text, options }) => parseFeed(text, options),
  sitemap: ({ text, baseUrl }) => parseSitemap(text, baseUrl),
  listing: ({ html, pageUrl, rule }) => extractListingLinks(html, pageUrl, rule),
  discovery: ({ html, pageUrl }) => discoverFeeds(html, pageUrl),
  article: ({ html, pageUrl }) => extractArticle(html, pageUrl),
  snapshot: ({ bodyGzip, contentType, pageUrl }) => sanitizeArchivedPage(bodyGzip, contentType, pageUrl),
};

/** Runs one task on this thread: a thrown error comes back as data (ParsingOutcome), a FeedParseError with its code. */
export function runParsingTask(task: ParsingTask): ParsingOutcome {
  try {
    const handler = HANDLERS[task.kind] as (input: ParsingTask['input']) => unknown;
    return { ok: true, value: handler(task.input) };
  } catch (error) {
    const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
    // The source's health shows the failure code, so it crosses the thread with the message.
    const failure = error instanceof FeedParseError ? { failureCode: error.failureCode, failureParams: error.failureParams } : undefined;
    return { ok: false, error: { name, message, stack, ...(failure ? { failure } : {}) } };
  }
}
