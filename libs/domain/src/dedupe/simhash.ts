import { toSearchText } from '../text/vietnamese-text';

/** A 64-bit SimHash fingerprint: an unsigned bigint, or its 16-digit lower-case hex form (as stored). */
export type Fingerprint = bigint | string;

const SHINGLE_SIZE = 3;
const MIN_PARAGRAPH_TOKENS = 10;
const MASK_64 = (1n << 64n) - 1n;

/**
 * SimHash (Charikar) over word 3-shingles of the folded text: texts sharing most shingles get
 * fingerprints a few bits apart. A 3-bit threshold only tolerates ~2% of changed shingles, so the
 * usual syndication noise is kept out of the feature set: shingles stay inside their paragraph (an
 * inserted or dropped line changes only its own shingles), and lines under ten words — source credits
 * ("Theo TTXVN"), "Ảnh: …", "Xem thêm: …" — are skipped unless the text has nothing longer. Each
 * distinct shingle counts once, so repeated boilerplate cannot outvote the story. Deterministic.
 */
export function simhash64(text: string): bigint {
  const shingles = shinglesOf(text);
  // Votes per bit: bits 0–31 from one hash, 32–63 from a second, independently seeded one.
  const votes = new Int32Array(64);
  for (const shingle of shingles) {
    addVotes(votes, murmur3(shingle, 0x9747b28c), 0);
    addVotes(votes, murmur3(shingle, 0x5bd1e995), 32);
  }
  let low = 0;
  let high = 0;
  for (let bit = 0; bit < 32; bit += 1) {
    if (votes[bit] > 0) low |= 1 << bit;
    if (votes[bit + 32] > 0) high |= 1 << bit;
  }
  return (BigInt(high >>> 0) << 32n) | BigInt(low >>> 0);
}

/** Number of differing bits between two fingerprints (bigint or 16-hex form). */
export function hammingDistance(a: Fingerprint, b: Fingerprint): number {
  let diff = toBigInt(a) ^ toBigInt(b);
  let count = 0;
  while (diff > 0n) {
    diff &= diff - 1n;
    count += 1;
  }
  return count;
}

/**
 * Same story told with small differences (another outlet's headline, a source line, a footer).
 * Three bits of 64 is the threshold Manku et al. found right for web-scale near-duplicates.
 */
export function isNearDuplicate(a: Fingerprint, b: Fingerprint, maxDistance = 3): boolean {
  return hammingDistance(a, b) <= maxDistance;
}

/** The 16-digit lower-case hex form, zero-padded (stable for storage and comparison as text). */
export function fingerprintToHex(fingerprint: Fingerprint): string {
  return toBigInt(fingerprint).toString(16).padStart(16, '0');
}

function toBigInt(fingerprint: Fingerprint): bigint {
  if (typeof fingerprint === 'bigint') return fingerprint & MASK_64;
  if (!/^[0-9a-f]{1,16}$/i.test(fingerprint)) throw new RangeError(`Not a 64-bit hex fingerprint: ${fingerprint}`);
  return BigInt(`0x${fingerprint}`);
}

function shinglesOf(text: string): Set<string> {
  const paragraphs = text
    .split(/\n/)
    .map((line) => toSearchText(line).split(' ').filter(Boolean))
    .filter((tokens) => tokens.length > 0);
  const substantial = paragraphs.filter((tokens) => tokens.length >= MIN_PARAGRAPH_TOKENS);
  const shingles = new Set<string>();
  for (const tokens of substantial.length > 0 ? substantial : paragraphs) {
    if (tokens.length < SHINGLE_SIZE) shingles.add(tokens.join(' '));
    for (let index = 0; index + SHINGLE_SIZE <= tokens.length; index += 1) {
      shingles.add(tokens.slice(index, index + SHINGLE_SIZE).join(' '));
    }
  }
  return shingles;
}

function addVotes(votes: Int32Array, hash: number, offset: number): void {
  for (let bit = 0; bit < 32; bit += 1) votes[offset + bit] += (hash >>> bit) & 1 ? 1 : -1;
}

/** MurmurHash3-style mixing (one UTF-16 code unit per round, then the 32-bit finaliser): fast and well spread. */
function murmur3(key: string, seed: number): number {
  let hash = seed >>> 0;
  for (let index = 0; index < key.length; index += 1) {
    let k = key.charCodeAt(index);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    hash ^= k;
    hash = (hash << 13) | (hash >>> 19);
    hash = (Math.imul(hash, 5) + 0xe6546b64) | 0;
  }
  hash ^= key.length;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}
