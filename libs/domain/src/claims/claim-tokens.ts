import { englishStem } from '../text/english-stems';
import { detectLanguage } from '../text/language';
import { englishStopwords, vietnameseStopwords } from '../text/stopwords';
import { syllableBigrams } from '../text/syllable-tokens';
import { foldDiacritics, normalizeVietnamese } from '../text/vietnamese-text';

/** The token streams one claim text is read as. */
export interface ClaimTokens {
  /** Every syllable, folded (phrases: places, multi-syllable glossary terms, team places). */
  folded: string[];
  /** Every word as written, lower-case, tone placement unified (one-syllable glossary terms). */
  accented: string[];
  /** Porter stem of every folded token (English glossary terms). */
  stems: string[];
  /** What BM25 weighs: content syllables folded, their bigrams, the marked spelling as a second copy, stems. */
  terms: string[];
}

const WORD = /[\p{L}\p{N}]+/gu;
const DIGIT = /\d/;
// Text typed without marks cannot tell "có" from "cỏ", so an unmarked word that spells a folded stopword goes too.
const UNMARKED_STOPWORDS: ReadonlySet<string> = new Set([...vietnameseStopwords].map(foldDiacritics));
// Porter stems are namespaced: only texts not read as Vietnamese carry them, so they never meet a syllable.
const STEM_PREFIX = '~';

/** Lower-case words as written, tone placement unified ("hoà" = "hòa"). */
export function accentedWords(text: string): string[] {
  return normalizeVietnamese(text).toLowerCase().match(WORD) ?? [];
}

/**
 * Numbers are left out of the terms (the quantities part compares them in canonical form, "1.000" = "1000"). A text
 * without Vietnamese letters may be English or Vietnamese typed without marks, so it keeps its folded words and adds
 * their stems: "floods" meets "flooded" through "~flood", and "ngay" still meets "ngày".
 */
export function claimTokens(text: string): ClaimTokens {
  const accented = accentedWords(text);
  const folded = accented.map(foldDiacritics);
  const stems = folded.map((token) => englishStem(token));
  const stemmed = detectLanguage(text) !== 'vi';
  const content: string[] = [];
  const extra: string[] = [];
  accented.forEach((word, index) => {
    const plain = folded[index]!;
    if (vietnameseStopwords.has(word) || plain.length < 2 || DIGIT.test(plain)) return;
    if (plain === word && (UNMARKED_STOPWORDS.has(word) || englishStopwords.has(word))) return;
    content.push(plain);
    if (plain !== word) extra.push(word);
    if (stemmed && stems[index] !== plain) extra.push(`${STEM_PREFIX}${stems[index]}`);
  });
  return { folded, accented, stems, terms: [...content, ...syllableBigrams(content), ...extra] };
}
