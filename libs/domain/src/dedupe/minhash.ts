import { mix32, shingleHashes } from './shingles';

const BITS = 64;
const BIN_SHIFT = 26; // 32 − log2(BITS): a shingle hash's top 6 bits choose its bin
const VALUE_MASK = (1 << BIN_SHIFT) - 1;
const EMPTY = 0x7fffffff; // above every 26-bit value
const MAX_PROBES = 4 * BITS;

/**
 * One-bit one-permutation MinHash of the text's word 3-shingles, packed in 64 bits like a SimHash, so it is stored,
 * banded and compared by Hamming distance the same way. Each shingle's single hash picks one of 64 bins and a value
 * in it (one-permutation hashing, Li, Owen & Zhang); bit i is one bit of bin i's minimum value. Two texts agree on
 * it whenever that minimum is the same shingle (probability = Jaccard similarity J) and by chance otherwise, so
 * the expected distance is 32·(1 − J): it grows linearly with the share of changed shingles, where SimHash's grows
 * like its square root. A copy sharing 95% of its shingles is ~1.6 bits away, an unrelated story ~32. One hash per
 * shingle, where 64 independent minimums cost 64; a bin no shingle fell in borrows the minimum of a bin chosen by
 * its own index (Shrivastava's optimal densification), so short texts stay comparable. Deterministic across
 * processes and platforms. An empty text fingerprints as 0.
 */
export function minhash64(text: string): bigint {
  const shingles = shingleHashes(text);
  if (shingles.length === 0) return 0n;
  minimums.fill(EMPTY);
  for (let index = 0; index < shingles.length; index += 1) {
    const hash = shingles[index];
    const bin = hash >>> BIN_SHIFT;
    const value = hash & VALUE_MASK;
    if (value < minimums[bin]) minimums[bin] = value;
  }
  let low = 0;
  let high = 0;
  for (let bin = 0; bin < BITS; bin += 1) {
    const minimum = minimums[bin] === EMPTY ? borrowedMinimum(minimums, bin) : minimums[bin];
    // One bit of a re-mix of the minimum with the bin: equal minima give equal bits, different ones a fair coin,
    // and a borrowed minimum flips its own coin rather than repeating its lender's bit.
    if (mix32(minimum ^ Math.imul(bin + 1, 0x9e3779b9)) & 1) {
      if (bin < 32) low |= 1 << bin;
      else high |= 1 << (bin - 32);
    }
  }
  return (BigInt(high >>> 0) << 32n) | BigInt(low >>> 0);
}

// Reused by every call (one per thread): allocating a typed array per item cost as much as filling it.
const minimums = new Int32Array(BITS);

/** The minimum of the first filled bin in the probe sequence of an empty one (which depends on its index alone). */
function borrowedMinimum(minimums: Int32Array, bin: number): number {
  for (let attempt = 0; attempt < MAX_PROBES; attempt += 1) {
    const lender = mix32(Math.imul(bin, 0x85ebca6b) ^ Math.imul(attempt + 1, 0xc2b2ae35)) & (BITS - 1);
    if (minimums[lender] !== EMPTY) return minimums[lender];
  }
  // A run of empty probes this long is all but impossible with one filled bin (p ≈ 1e-7): the next filled bin ends it.
  for (let offset = 1; ; offset += 1) {
    const lender = (bin + offset) & (BITS - 1);
    if (minimums[lender] !== EMPTY) return minimums[lender];
  }
}
