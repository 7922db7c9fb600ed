import type { SourceFailureCode, SourceFailureParams } from '@vigil/contracts';

export interface FeedParseErrorOptions {
  cause?: unknown;
  /** What the source's health shows; a document given up on without a reason is `document_unreadable`. */
  failureCode?: SourceFailureCode;
  failureParams?: SourceFailureParams;
}

/**
 * A document that could not be read at all. The message is the English developer text ("Unreadable feed: …"),
 * so it never carries document content beyond a short reason; the source's health shows `failureCode`, worded by
 * the client. Code and params are plain data, so the error can cross a thread boundary with them.
 */
export class FeedParseError extends Error {
  override readonly name = 'FeedParseError';
  readonly failureCode: SourceFailureCode;
  readonly failureParams: SourceFailureParams;

  constructor(message: string, options: FeedParseErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.failureCode = options.failureCode ?? 'document_unreadable';
    this.failureParams = options.failureParams ?? {};
  }
}
