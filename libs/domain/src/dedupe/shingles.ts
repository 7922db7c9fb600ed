import { searchTokens } from '../text/vietnamese-text';

const SHINGLE_SIZE = 3;
const MIN_PARAGRAPH_TOKENS = 10;

/**
 * The distinct word 3-shingles of the folded text, the features both fingerprints are built from.
 * Shingles stay inside their line (an inserted or dropped line changes only its own shingles), and
 * lines under ten words — source credits ("Theo TTXVN"), "Ảnh: …", a dateline — are skipped unless
 * the text has nothing longer. Distinct, so a repeated boilerplate line counts once.
 */
export function wordShingles(text: string): Set<string> {
  const lines = text
    .split('\n')
    // searchTokens, not toSearchText(…).split(' '): the same words, without joining and splitting them again.
    .map((line) => searchTokens(line))
    .filter((tokens) => tokens.length > 0);
  const substantial = lines.filter((tokens) => tokens.length >= MIN_PARAGRAPH_TOKENS);
  const shingles = new Set<string>();
  for (const tokens of substantial.length > 0 ? substantial : lines) {
    if (tokens.length < SHINGLE_SIZE) shingles.add(tokens.join(' '));
    for (let index = 0; index + SHINGLE_SIZE <= tokens.length; index += 1) {
      shingles.add(`${tokens[index]} ${tokens[index + 1]} ${tokens[index + 2]}`); // SHINGLE_SIZE words
    }
  }
  return shingles;
}

/** MurmurHash3-style 32-bit hash (one UTF-16 code unit per round, then the finaliser): fast and well spread. */
export function hash32(key: string, seed: number): number {
  let hash = seed >>> 0;
  for (let index = 0; index < key.length; index += 1) {
    let k = Math.imul(key.charCodeAt(index), 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    hash ^= k;
    hash = (hash << 13) | (hash >>> 19);
    hash = (Math.imul(hash, 5) + 0xe6546b64) | 0;
  }
  return mix32(hash ^ key.length);
}

/** MurmurHash3's 32-bit finaliser: every input bit affects every output bit. */
export function mix32(value: number): number {
  let hash = value;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
