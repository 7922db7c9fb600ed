import { foldDiacritics, normalizeVietnamese } from './vietnamese-text';
import { vietnameseStopwords } from './stopwords';

export interface TokenOptions {
  /** Drop function words before folding (default false: phrase matching needs every syllable). */
  removeStopwords?: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Vietnamese is written one syllable per space-separated unit and no maintained JS word segmenter
 * exists, so syllables are the tokens: tone placement unified, then folded ("Hoà giải" → ["hoa", "giai"]).
 */
export function syllableTokens(text: string, options: TokenOptions = {}): string[] {
  const words = normalizeVietnamese(text).toLowerCase().match(WORD) ?? [];
  const kept = options.removeStopwords ? words.filter((word) => !vietnameseStopwords.has(word)) : words;
  return kept.map(foldDiacritics);
}

/**
 * Adjacent syllable pairs joined with "_" (the convention of Vietnamese word segmenters, "thong_tin"),
 * which approximate two-syllable words without a dictionary.
 */
export function syllableBigrams(tokens: readonly string[]): string[] {
  const bigrams: string[] = [];
  for (let index = 1; index < tokens.length; index += 1) bigrams.push(`${tokens[index - 1]}_${tokens[index]}`);
  return bigrams;
}
