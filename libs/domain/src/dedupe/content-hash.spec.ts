import { createHash } from 'node:crypto';
import { contentHash } from './content-hash';

describe('contentHash', () => {
  it('is the SHA-256 hex of the search form of the text', () => {
    expect(contentHash('Hoà giải!')).toBe(createHash('sha256').update('hoa giai').digest('hex'));
  });

  it('is the same for copies that differ only in tone placement, case, punctuation and spacing', () => {
    expect(contentHash('Hoà giải thành công.\n\nKhoẻ mạnh')).toBe(contentHash('  hòa GIẢI thành công   khỏe mạnh!! '));
  });

  it('differs when a word differs', () => {
    expect(contentHash('Giá rau tăng')).not.toBe(contentHash('Giá rau giảm'));
  });
});
