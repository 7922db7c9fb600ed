import { hash } from 'node:crypto';
import type { FoldedItem } from '../text/search-terms';
import { toSearchText } from '../text/vietnamese-text';

/**
 * Identity of a text for exact-copy detection: SHA-256 (hex) of its search form, so copies that differ
 * only in tone-mark placement, case, punctuation or whitespace hash alike.
 */
export function contentHash(text: string): string {
  return sha256Hex(toSearchText(text));
}

/** contentHash(`${title}\n${text}`) of an item already folded: a line break only separates words. */
export function itemContentHash(folded: FoldedItem): string {
  return sha256Hex(folded.title && folded.text ? `${folded.title} ${folded.text}` : folded.title || folded.text);
}

// One-shot: a Hash object per item cost as much as hashing its text.
function sha256Hex(searchText: string): string {
  return hash('sha256', searchText, 'hex');
}
