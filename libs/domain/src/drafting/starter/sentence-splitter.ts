/**
 * Sentences of Vietnamese and English news text, verbatim (only trimmed). A sentence ends at ".", "!", "?", "…" or
 * "..." (with any closing quotes or brackets after it) followed by a space and a capital letter, a digit or an
 * opening quote, or at the end of a paragraph; never inside a balanced quotation, so a quoted statement of two
 * sentences stays whole with its speaker. "TP. Hồ Chí Minh", "Mr. Smith", initials ("Nguyễn V. A.") and numbers
 * ("1.000", "3,5") do not end one. `limit` stops after that many (the lead of a long article).
 */
export function splitSentences(text: string, limit = Number.POSITIVE_INFINITY): string[] {
  const sentences: string[] = [];
  for (const paragraph of text.split(PARAGRAPH_BREAK)) {
    if (sentences.length >= limit) break;
    splitParagraph(paragraph, sentences, limit);
  }
  return sentences.slice(0, limit);
}

const PARAGRAPH_BREAK = /\s*\n\s*/;
const TERMINATORS = new Set(['.', '!', '?', '…']);
const CLOSERS = new Set(['”', '’', '"', "'", '»', ')', ']']);
const OPENING_QUOTES = new Set(['“', '«']);
const CLOSING_QUOTES = new Set(['”', '»']);
const STRAIGHT_QUOTE = '"';
const SENTENCE_START = /[\p{Lu}\p{N}“"«‘'([]/u;
const WHITESPACE = /\s/;
const WORD_OR_DOT = /[\p{L}\p{M}.]/u;

// Lower-case, without the final dot: titles, Vietnamese administrative and academic abbreviations, months.
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'lt', 'capt', 'sgt', 'gov', 'rev',
  'corp', 'inc', 'ltd', 'vs', 'e.g', 'i.e', 'u.s', 'u.k', 'approx', 'dept',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'tp', 'tx', 'q', 'p', 'tt', 'ts', 'ths', 'pgs', 'gs', 'bs', 'ks', 'th.s', 'pgs.ts', 'gs.ts', 'ubnd', 'tr', 'nxb', 'đc',
]);

function splitParagraph(paragraph: string, sentences: string[], limit: number): void {
  // An unbalanced quotation (a pull quote cut by the feed) would swallow the rest of the paragraph: ignore quotes there.
  const quotesBalanced = quotationsBalance(paragraph);
  let depth = 0;
  let straightOpen = false;
  let start = 0;
  for (let index = 0; index < paragraph.length; index += 1) {
    const char = paragraph[index]!;
    if (quotesBalanced) {
      if (OPENING_QUOTES.has(char)) depth += 1;
      else if (CLOSING_QUOTES.has(char)) depth = Math.max(0, depth - 1);
      else if (char === STRAIGHT_QUOTE) straightOpen = !straightOpen;
    }
    if (!TERMINATORS.has(char)) continue;
    const at = index;
    let end = index + 1;
    while (end < paragraph.length && (TERMINATORS.has(paragraph[end]!) || CLOSERS.has(paragraph[end]!))) {
      const closer = paragraph[end]!;
      if (quotesBalanced && CLOSING_QUOTES.has(closer)) depth = Math.max(0, depth - 1);
      else if (quotesBalanced && closer === STRAIGHT_QUOTE) straightOpen = !straightOpen;
      end += 1;
    }
    index = end - 1;
    if (depth > 0 || straightOpen) continue;
    if (end < paragraph.length && !startsNextSentence(paragraph, end)) continue;
    if (char === '.' && end === at + 1 && endsWithAbbreviation(paragraph, start, at)) continue;
    push(paragraph.slice(start, end), sentences);
    start = end;
    if (sentences.length >= limit) return;
  }
  push(paragraph.slice(start), sentences);
}

function quotationsBalance(paragraph: string): boolean {
  let opening = 0;
  let closing = 0;
  let straight = 0;
  for (const char of paragraph) {
    if (OPENING_QUOTES.has(char)) opening += 1;
    else if (CLOSING_QUOTES.has(char)) closing += 1;
    else if (char === STRAIGHT_QUOTE) straight += 1;
  }
  return opening === closing && straight % 2 === 0;
}

/** Whitespace, then the start of a sentence. */
function startsNextSentence(paragraph: string, from: number): boolean {
  let index = from;
  if (!WHITESPACE.test(paragraph[index] ?? '')) return false;
  while (index < paragraph.length && WHITESPACE.test(paragraph[index]!)) index += 1;
  return index >= paragraph.length || SENTENCE_START.test(paragraph[index]!);
}

/** Whether the letters (and inner dots) just before the dot at `dot` spell an abbreviation or an initial. */
function endsWithAbbreviation(paragraph: string, start: number, dot: number): boolean {
  let from = dot;
  while (from > start && WORD_OR_DOT.test(paragraph[from - 1]!)) from -= 1;
  if (from === dot) return false;
  const word = paragraph.slice(from, dot).normalize('NFC');
  // A single letter is an initial ("V." in "Nguyễn V. A."), in either language.
  return word.length === 1 || ABBREVIATIONS.has(word.toLowerCase());
}

function push(sentence: string, sentences: string[]): void {
  const trimmed = sentence.trim();
  if (trimmed) sentences.push(trimmed);
}
