import { englishStem } from '../text/english-stems';
import { englishStopwords, vietnameseStopwords } from '../text/stopwords';
import { syllableBigrams } from '../text/syllable-tokens';
import { foldDiacritics, normalizeVietnamese } from '../text/vietnamese-text';

const WORD = /[\p{L}\p{N}]+/gu;
// The lead carries the event (who, where, what); the rest of a long article mostly adds background that other
// stories share, and reading it all would make every item cost as much as its length.
const MAX_TEXT_WORDS = 300;
// A headline names the event in a few words: counted twice, it outweighs a paragraph of background.
const TITLE_WEIGHT = 2;

/**
 * Stopwords as typed without marks ("cua", "duoc"): text written without diacritics cannot tell "có" from "cỏ",
 * so an unmarked word whose letters spell a folded stopword is dropped too. A marked word is judged as written
 * ("cỏ" stays), exactly as `syllableTokens` does.
 */
const UNMARKED_STOPWORDS: ReadonlySet<string> = new Set([...vietnameseStopwords].map(foldDiacritics));

/**
 * The terms a story is recognised by: folded syllables of the title (twice) and of the start of the text, stopwords
 * removed, with their bigrams ("cat_nuoc") standing in for two-syllable words; English items' words are stemmed.
 * Counts per term.
 */
export function storyTermCounts(item: { title: string; text: string; language: string | null }): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (tokens: string[], weight: number) => {
    for (const term of [...tokens, ...syllableBigrams(tokens)]) counts.set(term, (counts.get(term) ?? 0) + weight);
  };
  add(contentTokens(item.title, item.language, Number.POSITIVE_INFINITY), TITLE_WEIGHT);
  add(contentTokens(item.text, item.language, MAX_TEXT_WORDS), 1);
  return counts;
}

function contentTokens(text: string, language: string | null, limit: number): string[] {
  const words = normalizeVietnamese(text).toLowerCase().match(WORD) ?? [];
  const tokens: string[] = [];
  for (const word of words) {
    if (tokens.length >= limit) break;
    if (vietnameseStopwords.has(word)) continue;
    const folded = foldDiacritics(word);
    if (folded.length < 2) continue;
    if (folded === word && (UNMARKED_STOPWORDS.has(word) || (language === 'en' && englishStopwords.has(word)))) continue;
    // English inflects ("floods", "flooded"); Vietnamese does not, and Porter would merge its syllables.
    tokens.push(language === 'en' ? englishStem(folded) : folded);
  }
  return tokens;
}

// Document frequencies are kept per hashed bucket, not per term: a bounded table however many bigrams arrive.
// 2^20 buckets keep collisions rare for a newsroom's vocabulary; a collision only makes a rare term look commoner.
export const TERM_BUCKETS = 1 << 20;

/** The document-frequency bucket of a term: FNV-1a over its UTF-16 code units. */
export function termBucket(term: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < term.length; index += 1) {
    hash ^= term.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % TERM_BUCKETS;
}
