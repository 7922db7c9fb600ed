/** What kind of document the caller is about to parse; decides which media types make sense. */
export type ExpectedContent = 'feed' | 'html' | 'any';

/** `text/html; charset=utf-8` → `text/html`; null when absent or unparsable. */
export function mediaTypeOf(contentType: string | null): string | null {
  const essence = contentType?.split(';', 1)[0]?.trim().toLowerCase();
  return essence && essence.includes('/') ? essence : null;
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

function isFeedLike(mediaType: string): boolean {
  // Servers label feeds inconsistently (text/html, text/plain, application/x-rss+xml,
  // application/json…), so any text, XML or JSON is worth a parse; images, media and
  // archives never are.
  return (
    mediaType.startsWith('text/') ||
    mediaType === 'application/xml' ||
    mediaType === 'application/json' ||
    mediaType.endsWith('+xml') ||
    mediaType.endsWith('+json')
  );
}

/**
 * Null when the answer fits what the caller expects; otherwise the reason to show on the source,
 * e.g. "Expected a feed (XML or JSON) but https://… is image/png". A missing Content-Type is let
 * through: the parser gets to decide.
 */
export function contentTypeProblem(url: string, contentType: string | null, expect: ExpectedContent): string | null {
  const mediaType = mediaTypeOf(contentType);
  if (expect === 'any' || mediaType === null) return null;
  if (expect === 'feed' && !isFeedLike(mediaType)) return `Expected a feed (XML or JSON) but ${url} is ${mediaType}`;
  if (expect === 'html' && !HTML_TYPES.has(mediaType)) return `Expected an HTML page but ${url} is ${mediaType}`;
  return null;
}
