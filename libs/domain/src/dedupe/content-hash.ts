import { createHash } from 'node:crypto';
import type { ItemTokens } from '../text/search-terms';
import { searchTokens } from '../text/vietnamese-text';

/**
 * Identity of a text for exact-copy detection: SHA-256 (hex) of its search form, so copies that differ
 * only in tone-mark placement, case, punctuation or whitespace hash alike.
 */
export function contentHash(text: string): string {
  return contentHashOfTokens(searchTokens(text));
}

/** contentHash of the text these folded words (searchTokens) came from, without folding it again. */
export function contentHashOfTokens(tokens: readonly string[]): string {
  return createHash('sha256').update(tokens.join(' '), 'utf8').digest('hex');
}

/** contentHash(`${title}\n${text}`) of an item whose words are already folded: a line break only separates words. */
export function itemContentHash(tokens: ItemTokens): string {
  return contentHashOfTokens([...tokens.title, ...tokens.text]);
}
