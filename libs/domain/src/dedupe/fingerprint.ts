/** A 64-bit text fingerprint: an unsigned bigint, or its 16-digit hex form (as stored). */
export type Fingerprint = bigint | string;

const MASK_64 = (1n << 64n) - 1n;

/** Number of differing bits between two fingerprints (bigint or hex form). */
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
 * Same story told with small differences (another outlet's headline, a source credit). Three bits
 * of 64 is the threshold Manku et al. use for web-scale near-duplicates; compare fingerprints of the
 * same kind only (minhash64 with minhash64).
 */
export function isNearDuplicate(a: Fingerprint, b: Fingerprint, maxDistance = 3): boolean {
  return hammingDistance(a, b) <= maxDistance;
}

/** The 16-digit lower-case hex form, zero-padded (stable for storage and comparison as text). */
export function fingerprintToHex(fingerprint: Fingerprint): string {
  return toBigInt(fingerprint).toString(16).padStart(16, '0');
}

/** Four 16-bit bands, as stored for lookup: two fingerprints within distance 3 agree on at least one (pigeonhole). */
export function fingerprintBands(fingerprint: Fingerprint): number[] {
  const value = toBigInt(fingerprint);
  return [0n, 1n, 2n, 3n].map((band) => Number((value >> (band * 16n)) & 0xffffn) + Number(band) * 65_536);
}

function toBigInt(fingerprint: Fingerprint): bigint {
  if (typeof fingerprint === 'bigint') return fingerprint & MASK_64;
  if (!/^[0-9a-f]{1,16}$/i.test(fingerprint)) throw new RangeError(`Not a 64-bit hex fingerprint: ${fingerprint}`);
  return BigInt(`0x${fingerprint}`);
}
