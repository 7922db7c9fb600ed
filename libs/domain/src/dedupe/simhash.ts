import { hash32, wordShingles } from './shingles';

export { fingerprintToHex, hammingDistance, isNearDuplicate, type Fingerprint } from './fingerprint';

/**
 * SimHash (Charikar) of the text's word 3-shingles: each distinct shingle votes on 64 bits, and the
 * fingerprint keeps the majority. Texts sharing most shingles land a few bits apart, but a bit flips
 * with probability θ/π (θ the angle between the shingle vectors), which grows like the square root of
 * the changed share: dropping a 10-word headline from a 400-word story already moves it ~6 bits.
 * For linking syndicated copies within 3 bits use minhash64; SimHash suits coarser similarity.
 * Deterministic across processes and platforms. An empty text fingerprints as 0.
 */
export function simhash64(text: string): bigint {
  const votes = new Int32Array(64);
  for (const shingle of wordShingles(text)) {
    addVotes(votes, hash32(shingle, 0x9747b28c), 0);
    addVotes(votes, hash32(shingle, 0x5bd1e995), 32);
  }
  let low = 0;
  let high = 0;
  for (let bit = 0; bit < 32; bit += 1) {
    if (votes[bit] > 0) low |= 1 << bit;
    if (votes[bit + 32] > 0) high |= 1 << bit;
  }
  return (BigInt(high >>> 0) << 32n) | BigInt(low >>> 0);
}

function addVotes(votes: Int32Array, hash: number, offset: number): void {
  for (let bit = 0; bit < 32; bit += 1) votes[offset + bit] += (hash >>> bit) & 1 ? 1 : -1;
}
