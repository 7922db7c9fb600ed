import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { foldDiacritics } from './vietnamese-text';
import { englishStopwords } from './stopwords';
import type { TokenOptions } from './syllable-tokens';

// Letters and digits of any script; an apostrophe inside a word ("don't", "officials’") stays with it
// so the possessive can be dropped below instead of leaving a stray "s" token.
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const POSSESSIVE = /['’]s$/;

/**
 * Porter stems of English text over a Unicode-aware tokenizer (natural's own tokenizers keep only
 * ASCII letters and would cut "café" or "Nguyễn" apart): "Officials' claims were debunked" → ["offici", "claim", "were", "debunk"].
 */
export function englishStems(text: string, options: TokenOptions = {}): string[] {
  const stems: string[] = [];
  for (const match of text.normalize('NFC').toLowerCase().matchAll(WORD)) {
    const word = match[0].replace(POSSESSIVE, '').replace(/['’]/g, '');
    if (word.length === 0) continue;
    if (options.removeStopwords && englishStopwords.has(word)) continue;
    stems.push(englishStem(word));
  }
  return stems;
}

// Words repeat endlessly (a few thousand cover most news text) and Porter is costly, so each word is stemmed once;
// bounded so odd input can't grow it.
const STEMS = new Map<string, string>();
const MAX_STEMS = 50_000;

/** Porter stem of one word, diacritics folded: "Rejecting" → "reject". */
export function englishStem(word: string): string {
  let stem = STEMS.get(word);
  if (stem === undefined) {
    stem = PorterStemmer.stem(foldDiacritics(word));
    if (STEMS.size >= MAX_STEMS) STEMS.clear();
    STEMS.set(word, stem);
  }
  return stem;
}
