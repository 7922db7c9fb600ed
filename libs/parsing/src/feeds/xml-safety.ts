import { FeedParseError } from './feed-parse.error';

export interface XmlLimits {
  /** Longest document accepted, in UTF-16 code units (about bytes for markup-heavy text). */
  maxLength: number;
  /** Most numeric character references (`&#…;`) accepted in one document. */
  maxCharacterReferences: number;
}

const MIB = 1024 * 1024;

/** Miniflux stops at 15 MiB; real news feeds stay far below 20 MiB even with full content. */
export const FEED_LIMITS: XmlLimits = { maxLength: 20 * MIB, maxCharacterReferences: 1_000_000 };

/** The sitemap protocol allows 50 MB uncompressed per file. */
export const SITEMAP_LIMITS: XmlLimits = { maxLength: 50 * MIB, maxCharacterReferences: 2_000_000 };

/**
 * Makes a document safe to hand to an XML parser, whatever the parser's own settings:
 * rejects oversized input and floods of character references up front (they cost memory and
 * time before any item is seen), and removes every DOCTYPE with its internal subset so no entity
 * can be declared — billion laughs, quadratic blowup and external entities (file:///etc/passwd)
 * are left as undefined references that the parser rejects or the recovery pass makes literal.
 * Control characters are invalid in XML 1.0 and never meaningful in a feed, so they go too.
 */
export function prepareXml(text: string, limits: XmlLimits, what: string): string {
  assertSize(text, limits, what);
  const references = countOccurrences(text, '&#', limits.maxCharacterReferences + 1);
  if (references > limits.maxCharacterReferences) {
    throw new FeedParseError(
      `Unreadable ${what}: more than ${limits.maxCharacterReferences} numeric character references`,
      { failureCode: 'document_too_complex' },
    );
  }
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return stripControlCharacters(stripDoctypes(withoutBom));
}

/** Rejects a document over the size limit before any parser sees it (JSON included). */
export function assertSize(text: string, limits: XmlLimits, what: string): void {
  if (text.length > limits.maxLength) {
    const limitMiB = Math.round(limits.maxLength / MIB);
    throw new FeedParseError(`Unreadable ${what}: larger than ${limitMiB} MiB`, { failureCode: 'document_too_large', failureParams: { limitMiB } });
  }
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g;
// eslint-disable-next-line no-control-regex -- the same class, to test for one
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/;

export function stripControlCharacters(text: string): string {
  // Testing scans the document a third faster than a replace that finds nothing, and nearly every feed has none.
  return CONTROL_CHARACTER.test(text) ? text.replace(CONTROL_CHARACTERS, '') : text;
}

/**
 * Removes every `<!DOCTYPE …>` declaration, internal subset included. Quotes, brackets and
 * comments are tracked so a `>` inside an entity value does not end the declaration early; an unterminated
 * declaration swallows the rest of the document (which then fails as unreadable, quickly).
 * A DOCTYPE inside a CDATA section (a whole HTML page embedded in an item) loses only itself.
 */
export function stripDoctypes(text: string): string {
  const pattern = /<!DOCTYPE/gi;
  let result = '';
  let from = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match.index < from) continue;
    result += text.slice(from, match.index);
    from = declarationEnd(text, match.index + match[0].length);
    pattern.lastIndex = from;
  }
  return from === 0 ? text : result + text.slice(from);
}

/** Index just past the `>` closing a declaration whose body starts at `start` (text length when unterminated). */
export function declarationEnd(text: string, start: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      if (close === -1) return text.length;
      i = close + 2;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '[') {
      depth++;
    } else if (c === ']') {
      depth = Math.max(0, depth - 1);
    } else if (c === '>' && depth === 0) {
      return i + 1;
    }
  }
  return text.length;
}

function countOccurrences(text: string, needle: string, stopAt: number): number {
  let count = 0;
  for (let i = text.indexOf(needle); i !== -1 && count < stopAt; i = text.indexOf(needle, i + needle.length)) {
    count++;
  }
  return count;
}
