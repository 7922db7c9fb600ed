/**
 * A document that could not be read at all. The message is written for a source's health
 * ("Unreadable feed: …"), so it never carries document content beyond a short reason.
 */
export class FeedParseError extends Error {
  override readonly name = 'FeedParseError';
}
