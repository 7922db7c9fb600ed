import { foldDiacritics, normalizeVietnamese } from '../text/vietnamese-text';

/** One word of raw text, where it sits and its folded form. */
export interface RuleWord {
  /** UTF-16 offsets into the raw text, so the console can mark the word as the publisher wrote it. */
  start: number;
  end: number;
  /** foldDiacritics of the word: case, diacritics and tone placement ignored ("Hoà" → "hoa"). */
  folded: string;
}

// Letters, combining marks and digits: the same words searchTokens keeps (a combining mark never splits a word),
// but found with their offsets, which searchTokens does not report.
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** The words of a text with their offsets; words that fold to nothing (a stray combining mark) are skipped. */
export function ruleWords(text: string): RuleWord[] {
  const words: RuleWord[] = [];
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    const folded = foldDiacritics(match[0]);
    if (folded) words.push({ start: match.index, end: match.index + match[0].length, folded });
  }
  return words;
}

/**
 * The exact-accent form of one word: NFC, classic tone placement and lower case ("Hoà" and "hòa" → "hòa"),
 * so only the accents count, not how the keyboard composed them.
 */
export function exactForm(word: string): string {
  return normalizeVietnamese(word).toLowerCase();
}

/** A tag compared like words: case and diacritics ignored, words joined by one space ("Y tế" → "y te"). */
export function foldedTag(tag: string): string {
  return ruleWords(tag)
    .map((word) => word.folded)
    .join(' ');
}
