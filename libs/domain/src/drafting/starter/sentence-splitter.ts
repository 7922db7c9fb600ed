/**
 * Sentences of Vietnamese and English news text, verbatim (only trimmed). A sentence ends at ".", "!", "?", "…" or
 * "..." (with any closing quotes or brackets after it) followed by a space and a capital letter, a digit or an
 * opening quote, or at the end of a paragraph; never inside a balanced quotation, so a quoted statement of two
 * sentences stays whole with its speaker. "TP. Hồ Chí Minh", "Mr. Smith", initials ("Nguyễn V. A.") and numbers
 * ("1.000", "3,5") do not end one. `limit` stops after that many (the lead of a long article).
 */
export function splitSentences(text: string, limit = Number.POSITIVE_INFINITY): string[] {
  const sentences: string[] = [];
  // Paragraph by paragraph, only as far as needed: a long article's lead is all most callers read.
  for (let from = 0; from <= text.length && sentences.length < limit; ) {
    const newline = text.indexOf('\n', from);
    const to = newline < 0 ? text.length : newline;
    splitParagraph(text.slice(from, to), sentences, limit);
    from = to + 1;
  }
  return sentences.slice(0, limit);
}

// A terminator, and any further terminators and closing quotes or brackets after it ('?!', '...', '.”', '.)').
const TERMINATOR_RUN = /[.!?…][.!?…”’"'»)\]]*/g;
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
  const tracksQuotes = hasBalancedQuotations(paragraph);
  let depth = 0;
  let straightOpen = false;
  let scanned = 0;
  let start = 0;
  for (const match of paragraph.matchAll(TERMINATOR_RUN)) {
    const at = match.index;
    const end = at + match[0].length;
    for (; tracksQuotes && scanned < end; scanned += 1) {
      const char = paragraph[scanned];
      if (char === '“' || char === '«') depth += 1;
      else if (char === '”' || char === '»') depth = Math.max(0, depth - 1);
      else if (char === '"') straightOpen = !straightOpen;
    }
    if (depth > 0 || straightOpen) continue;
    if (end < paragraph.length && !startsNextSentence(paragraph, end)) continue;
    if (paragraph[at] === '.' && end === at + 1 && endsWithAbbreviation(paragraph, start, at)) continue;
    push(paragraph.slice(start, end), sentences);
    start = end;
    if (sentences.length >= limit) return;
  }
  push(paragraph.slice(start), sentences);
}

/**
 * Whether the paragraph quotes anything, with its marks balanced. An unbalanced quotation (a pull quote the feed cut)
 * would swallow the rest of the paragraph, so quotation marks are ignored there.
 */
function hasBalancedQuotations(paragraph: string): boolean {
  let opening = 0;
  let closing = 0;
  let straight = 0;
  for (let index = 0; index < paragraph.length; index += 1) {
    const char = paragraph[index];
    if (char === '“' || char === '«') opening += 1;
    else if (char === '”' || char === '»') closing += 1;
    else if (char === '"') straight += 1;
  }
  return opening + straight > 0 && opening === closing && straight % 2 === 0;
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
