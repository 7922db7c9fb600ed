import { foldDiacritics, normalizeVietnamese } from '../text/vietnamese-text';

/** One word of raw text, where it sits and its folded form. */
export interface RuleWord {
  /** UTF-16 offsets into the raw text, so the console can mark the word as the publisher wrote it. */
  start: number;
  end: number;
  /** foldDiacritics of the word: case, diacritics and tone placement ignored ("Hoà" → "hoa"). */
  folded: string;
}

// Letters, combining marks and digits make words: the same words searchTokens keeps (a combining mark never splits a
// word), but found with their offsets, which searchTokens does not report.
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
// Per UTF-16 unit, filled on first sight: 0 unknown, 1 word, 2 not. A scan by table is several times a regex's speed
// on the few thousand characters of every collected item.
const CHAR_KIND = new Uint8Array(0x10000);
for (let code = 0; code < 0x80; code += 1) CHAR_KIND[code] = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;

function isWordUnit(code: number): boolean {
  let kind = CHAR_KIND[code];
  if (kind === 0) {
    kind = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
    CHAR_KIND[code] = kind;
  }
  return kind === 1;
}

/** The number of UTF-16 units of the word character at `index`, or 0 when it is not one. */
function wordCharLength(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
    // Astral letters (rare scripts, mathematical letters) are checked as the whole code point.
    return WORD_CHAR.test(text.slice(index, index + 2)) ? 2 : 0;
  }
  return isWordUnit(code) ? 1 : 0;
}

// Words repeat endlessly (a few thousand syllables cover most text), so each spelling is folded once: a lookup costs a
// fraction of foldDiacritics' call. Bounded so odd input cannot grow it.
const FOLDED = new Map<string, string>();
const MAX_FOLDED = 100_000;

function foldedWord(word: string): string {
  let folded = FOLDED.get(word);
  if (folded === undefined) {
    folded = foldDiacritics(word);
    if (FOLDED.size >= MAX_FOLDED) FOLDED.clear();
    FOLDED.set(word, folded);
  }
  return folded;
}

/** Calls `visit` for each word of the text in order; words that fold to nothing (a stray combining mark) are skipped. */
export function forEachWord(text: string, visit: (start: number, end: number, folded: string) => void): void {
  let start = -1;
  for (let index = 0; index < text.length; ) {
    const length = wordCharLength(text, index);
    if (length > 0) {
      if (start < 0) start = index;
      index += length;
      continue;
    }
    if (start >= 0) {
      const folded = foldedWord(text.slice(start, index));
      if (folded) visit(start, index, folded);
      start = -1;
    }
    index += 1;
  }
  if (start >= 0) {
    const folded = foldedWord(text.slice(start));
    if (folded) visit(start, text.length, folded);
  }
}

/** The words of a text with their offsets. */
export function ruleWords(text: string): RuleWord[] {
  const words: RuleWord[] = [];
  forEachWord(text, (start, end, folded) => words.push({ start, end, folded }));
  return words;
}

const EXACT = new Map<string, string>();

/**
 * The exact-accent form of one word: NFC, classic tone placement and lower case ("Hoà" and "hòa" → "hòa"),
 * so only the accents count, not how the keyboard composed them. Cached like the folded forms.
 */
export function exactForm(word: string): string {
  let form = EXACT.get(word);
  if (form === undefined) {
    form = normalizeVietnamese(word).toLowerCase();
    if (EXACT.size >= MAX_FOLDED) EXACT.clear();
    EXACT.set(word, form);
  }
  return form;
}

/** A tag compared like words: case and diacritics ignored, words joined by one space ("Y tế" → "y te"). */
export function foldedTag(tag: string): string {
  return ruleWords(tag)
    .map((word) => word.folded)
    .join(' ');
}
