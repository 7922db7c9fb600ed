import { readFileSync } from 'node:fs';
import { fingerprintToHex, hammingDistance, isNearDuplicate } from './fingerprint';
import { minhash64 } from './minhash';

const story = (name: string): string =>
  readFileSync(new URL(`../../../../test/fixtures/parsing/articles/${name}`, import.meta.url), 'utf8');
const original = story('story-nuoc-may.original.vi.txt');
// Same story from another outlet: "[VIDEO] Hà Giang: … | Báo Miền Núi" headline, "(Miền Núi) -" lead,
// a "Xem thêm" line, a "Theo Tin Nhanh Hà Giang" credit and a copyright footer.
const syndicated = story('story-nuoc-may.syndicated.vi.txt');
// A different story that shares one boilerplate paragraph (the legal penalty for fake news) with it.
const different = story('story-gia-rau.vi.txt');

describe('minhash64 (for linking copies of one story)', () => {
  it('finds the syndicated copy a near-duplicate', () => {
    // The two share 93% of their shingles: 32·(1 − 0.93) ≈ 2.4 bits apart is what to expect.
    expect(hammingDistance(minhash64(original), minhash64(syndicated))).toBeLessThanOrEqual(3);
    expect(isNearDuplicate(minhash64(original), minhash64(syndicated))).toBe(true);
  });

  it('keeps a different story far apart despite a shared paragraph', () => {
    expect(hammingDistance(minhash64(original), minhash64(different))).toBeGreaterThan(20);
    expect(isNearDuplicate(minhash64(original), minhash64(different))).toBe(false);
  });

  it('ignores case and decomposed Unicode', () => {
    expect(minhash64(original.normalize('NFD').toUpperCase())).toBe(minhash64(original));
  });

  it('is deterministic: this value is stored, so it must never change between releases', () => {
    const text = 'Thông tin sai lệch về việc đóng cửa trường học lan truyền trên mạng xã hội';
    expect(fingerprintToHex(minhash64(text))).toBe('c0da5d84c0a59e87');
  });

  it('fingerprints an empty text as 0', () => {
    expect(minhash64('')).toBe(0n);
  });

  it('keeps short unrelated texts apart, though most of their bins are empty and borrowed', () => {
    const vaccine = 'Bộ Y tế bác bỏ thông tin sai lệch về vắc xin trên mạng xã hội hôm nay';
    const vegetables = 'Giá rau tăng mạnh sau đợt mưa lớn kéo dài ở các tỉnh phía Bắc tuần qua';
    expect(hammingDistance(minhash64(vaccine), minhash64(vegetables))).toBeGreaterThan(16);
  });
});


describe('fingerprint helpers', () => {
  it('compares bigint and hex forms alike', () => {
    expect(hammingDistance(0b1011n, '0000000000000001')).toBe(2);
    expect(hammingDistance('ffffffffffffffff', 0n)).toBe(64);
  });

  it('pads the hex form to 16 digits', () => {
    expect(fingerprintToHex(255n)).toBe('00000000000000ff');
  });

  it('honours a custom distance threshold', () => {
    expect(isNearDuplicate(0b111n, 0n)).toBe(true);
    expect(isNearDuplicate(0b111n, 0n, 2)).toBe(false);
  });

  it('rejects a malformed hex fingerprint', () => {
    expect(() => hammingDistance('not-hex', 0n)).toThrow('Not a 64-bit hex fingerprint');
  });
});
