import { createHash } from 'node:crypto';
import { toSearchText } from '../text/vietnamese-text';

/**
 * Identity of a text for exact-copy detection: SHA-256 (hex) of its search form, so copies that differ
 * only in tone-mark placement, case, punctuation or whitespace hash alike.
 */
export function contentHash(text: string): string {
  return createHash('sha256').update(toSearchText(text), 'utf8').digest('hex');
}
