import { accentedWords } from '../../claims/claim-tokens';
import { englishStopwords, vietnameseStopwords } from '../../text/stopwords';
import { foldDiacritics } from '../../text/vietnamese-text';

const DIGIT = /\d/;
const UNMARKED_STOPWORDS: ReadonlySet<string> = new Set([...vietnameseStopwords].map(foldDiacritics));

/**
 * Searches that find the fact-library entries about a claim. The library matches every word of a search, so the claim
 * is asked about two words at a time: adjacent content words ("đê sông", "sông hồng", "long biên"), each a
 * Vietnamese two-syllable word or an English phrase more often than not, so a fact sharing any of them is found.
 */
export function factSearchPhrases(claim: string, limit = 8): string[] {
  const words = accentedWords(claim).filter((word) => {
    const plain = foldDiacritics(word);
    if (vietnameseStopwords.has(word) || englishStopwords.has(word) || plain.length < 2 || DIGIT.test(plain)) return false;
    return plain !== word || !UNMARKED_STOPWORDS.has(word);
  });
  const phrases: string[] = [];
  for (let index = 1; index < words.length && phrases.length < limit; index += 1) {
    const phrase = `${words[index - 1]} ${words[index]}`;
    if (!phrases.some((known) => foldDiacritics(known) === foldDiacritics(phrase))) phrases.push(phrase);
  }
  // A claim of one content word is still a search.
  if (phrases.length === 0 && words.length === 1) phrases.push(words[0]!);
  return phrases;
}
