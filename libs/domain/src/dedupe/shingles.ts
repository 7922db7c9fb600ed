import { FOLD_CODE_MASK, FOLD_DROPPED, FOLD_HIGH_SURROGATE, FOLD_KIND_SHIFT, FOLD_LETTER, FOLD_SEPARATOR, expansionOf, foldEntry, foldSlowly, isLowSurrogate, isWordChar } from '../text/fold-table';

const SHINGLE_SIZE = 3;
const MIN_PARAGRAPH_TOKENS = 10;
const NEWLINE = 0x0a;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * 32-bit hashes of the word 3-shingles of the folded text (the words of searchTokens), the features fingerprints
 * are built from. Shingles stay inside their line (an inserted or dropped line changes only its own shingles), and
 * lines under ten words — source credits ("Theo TTXVN"), "Ảnh: …", a dateline — are skipped unless the text has
 * nothing longer; a line under three words is one shingle of its words. A repeated shingle hashes alike, so a
 * sketch keeping minimums counts it once. Words are hashed as they are folded, in one pass over the text with the
 * fold table: no word, shingle or line string is built. The answer is a view of a buffer that the next call
 * overwrites (one per thread, so collecting allocates nothing per item): read it before calling again.
 */
export function shingleHashes(text: string): Int32Array {
  scan.reset();
  let token = FNV_OFFSET;
  let tokenLength = 0;
  const length = text.length;
  for (let index = 0; index < length; index += 1) {
    const code = text.charCodeAt(index);
    const entry = foldEntry(code);
    const kind = entry >>> FOLD_KIND_SHIFT;
    if (kind === FOLD_LETTER) {
      token = Math.imul(token ^ (entry & FOLD_CODE_MASK), FNV_PRIME);
      tokenLength += 1;
      continue;
    }
    if (kind === FOLD_DROPPED) continue;
    if (kind === FOLD_SEPARATOR || (kind === FOLD_HIGH_SURROGATE && !isLowSurrogate(text.charCodeAt(index + 1)))) {
      if (tokenLength > 0) scan.endToken(token);
      if (code === NEWLINE) scan.endLine();
      token = FNV_OFFSET;
      tokenLength = 0;
      continue;
    }
    let folded: string;
    if (kind === FOLD_HIGH_SURROGATE) {
      folded = foldSlowly(text.slice(index, index + 2));
      index += 1;
    } else {
      folded = expansionOf(code);
    }
    // Rare multi-unit folds, decided character by character as searchTokens does.
    for (const char of folded) {
      if (isWordChar(char)) {
        for (let unit = 0; unit < char.length; unit += 1) token = Math.imul(token ^ char.charCodeAt(unit), FNV_PRIME);
        tokenLength += 1;
      } else if (tokenLength > 0) {
        scan.endToken(token);
        token = FNV_OFFSET;
        tokenLength = 0;
      }
    }
  }
  if (tokenLength > 0) scan.endToken(token);
  scan.endLine();
  return scan.result();
}

/** The words of the line being read and the shingles found so far, as hashes. */
class ShingleScan {
  private line = new Int32Array(256);
  private lineTokens = 0;
  private shingles = new Int32Array(4096);
  private shingleCount = 0;
  /** Shingles of the short lines, kept in case no line reaches MIN_PARAGRAPH_TOKENS. */
  private shortShingles = new Int32Array(256);
  private shortCount = 0;
  private substantial = false;

  reset(): void {
    this.lineTokens = 0;
    this.shingleCount = 0;
    this.shortCount = 0;
    this.substantial = false;
  }

  endToken(fnv: number): void {
    if (this.lineTokens === this.line.length) this.line = grown(this.line);
    this.line[this.lineTokens++] = mix32(fnv);
  }

  endLine(): void {
    const count = this.lineTokens;
    this.lineTokens = 0;
    if (count === 0) return;
    if (count >= MIN_PARAGRAPH_TOKENS) {
      this.substantial = true;
      for (let index = 0; index + SHINGLE_SIZE <= count; index += 1) this.addShingle(wordsHash(this.line, index, SHINGLE_SIZE));
    } else if (!this.substantial) {
      if (count < SHINGLE_SIZE) this.addShortShingle(wordsHash(this.line, 0, count));
      for (let index = 0; index + SHINGLE_SIZE <= count; index += 1) this.addShortShingle(wordsHash(this.line, index, SHINGLE_SIZE));
    }
  }

  result(): Int32Array {
    return this.substantial ? this.shingles.subarray(0, this.shingleCount) : this.shortShingles.subarray(0, this.shortCount);
  }

  private addShingle(hash: number): void {
    if (this.shingleCount === this.shingles.length) this.shingles = grown(this.shingles);
    this.shingles[this.shingleCount++] = hash;
  }

  private addShortShingle(hash: number): void {
    if (this.shortCount === this.shortShingles.length) this.shortShingles = grown(this.shortShingles);
    this.shortShingles[this.shortCount++] = hash;
  }
}

const scan = new ShingleScan();
const SHINGLE_SEED = 0x9747b28c;

/** The hash of `count` consecutive words (MurmurHash3 over their hashes, the count mixed in as its length). */
function wordsHash(words: Int32Array, from: number, count: number): number {
  let hash = SHINGLE_SEED;
  for (let index = from; index < from + count; index += 1) hash = murmurRound(hash, words[index]);
  return mix32(hash ^ count);
}

/** One MurmurHash3 body round over a 32-bit word. */
function murmurRound(hash: number, word: number): number {
  let k = Math.imul(word, 0xcc9e2d51);
  k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
  const mixed = hash ^ k;
  return (Math.imul((mixed << 13) | (mixed >>> 19), 5) + 0xe6546b64) | 0;
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

function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(array.length * 2);
  larger.set(array);
  return larger;
}
