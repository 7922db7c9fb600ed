/** A quotation found in a text: the words between the marks, verbatim, and where it starts. */
export interface QuotedSpan {
  text: string;
  offset: number;
}

// Curly double quotes, guillemets and straight double quotes; single quotes double as apostrophes, so they are left out.
const QUOTATION = /“([^“”]+)”|«([^«»]+)»|"([^"\n]+)"/g;
// Fewer words are scare quotes or names ("tin giả", "Operation X"), not statements; more is a pasted article.
const MIN_WORDS = 4;
const MAX_CHARACTERS = 600;
const WORD = /[\p{L}\p{N}]+/gu;

/** Statements in quotation marks, in the order they appear. */
export function quotedSpans(text: string): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  for (const match of text.matchAll(QUOTATION)) {
    const inner = (match[1] ?? match[2] ?? match[3] ?? '').trim();
    if (inner.length > MAX_CHARACTERS || (inner.match(WORD)?.length ?? 0) < MIN_WORDS) continue;
    spans.push({ text: inner, offset: match.index });
  }
  return spans;
}
