import { hash32, mix32, wordShingles } from './shingles';

const BITS = 64;

/**
 * One-bit MinHash (Li & König's b-bit MinHash with b = 1) of the text's word 3-shingles, packed in
 * 64 bits like a SimHash, so it is stored, banded and compared by Hamming distance the same way.
 * Bit i is one bit of the i-th minimum hash: two texts agree on it whenever their i-th minimum is
 * the same shingle (probability = Jaccard similarity J) and by chance otherwise, so the expected
 * distance is 32·(1 − J). That grows linearly with the share of changed shingles, where SimHash's
 * grows like its square root: a copy sharing 95% of its shingles is ~1.6 bits away, an unrelated
 * story ~32. Deterministic across processes and platforms. An empty text fingerprints as 0.
 */
export function minhash64(text: string): bigint {
  const shingles = wordShingles(text);
  if (shingles.size === 0) return 0n;
  // Minimums kept as value ^ 2^31 in an Int32Array: signed order equals unsigned order, and every value stays a small integer.
  const keys = new Int32Array(BITS).fill(0x7fffffff);
  for (const shingle of shingles) {
    // 64 hash functions from two (Kirsch–Mitzenmacher), each finalised to behave as independent.
    const a = hash32(shingle, 0x9747b28c);
    const b = hash32(shingle, 0x5bd1e995) | 1;
    let x = a | 0;
    for (let index = 0; index < BITS; index += 1) {
      // mix32(a + index·b), inlined: this loop runs 64 times per shingle of every item.
      let value = x;
      value ^= value >>> 16;
      value = Math.imul(value, 0x85ebca6b);
      value ^= value >>> 13;
      value = Math.imul(value, 0xc2b2ae35);
      value ^= value >>> 16;
      const key = value ^ 0x80000000;
      if (key < keys[index]) keys[index] = key;
      x = (x + b) | 0;
    }
  }
  const minimums = Uint32Array.from(keys, (key) => (key ^ 0x80000000) >>> 0);
  let low = 0;
  let high = 0;
  for (let index = 0; index < 32; index += 1) {
    // One bit of a re-mix of the minimum: equal minima give equal bits, different ones a fair coin.
    if (mix32(minimums[index] ^ 0x9e3779b9) & 1) low |= 1 << index;
    if (mix32(minimums[index + 32] ^ 0x9e3779b9) & 1) high |= 1 << index;
  }
  return (BigInt(high >>> 0) << 32n) | BigInt(low >>> 0);
}
