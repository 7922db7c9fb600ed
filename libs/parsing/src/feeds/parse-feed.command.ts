import { FeedParseError } from './feed-parse.error';
import { parseFeed } from './feed.parser';
import type { ParseFeedOptions } from './feed.types';

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * `npx vigil parse-feed < feed.xml`: the production parser on a document from stdin, printed as
 * JSON for source administrators and scripts. Exit 1 with the health message when unreadable;
 * any other error is a bug and propagates.
 */
export function runParseFeed(stdinText: string, options: ParseFeedOptions = {}): CommandResult {
  let feed;
  try {
    feed = parseFeed(stdinText, options);
  } catch (error) {
    if (!(error instanceof FeedParseError)) throw error;
    return { exitCode: 1, stdout: '', stderr: `${error.message}\n` };
  }
  const output = {
    title: feed.title,
    link: feed.link,
    items: feed.items.map((item) => ({
      title: item.title,
      link: item.link,
      id: item.id,
      published: item.published?.toISOString() ?? null,
      updated: item.updated?.toISOString() ?? null,
      summary: item.summary,
      content: item.content,
    })),
  };
  return { exitCode: 0, stdout: `${JSON.stringify(output, null, 2)}\n`, stderr: '' };
}
