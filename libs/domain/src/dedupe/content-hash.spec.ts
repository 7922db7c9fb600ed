import { createHash } from 'node:crypto';
import { foldItem } from '../text/search-terms';
import { contentHash, itemContentHash } from './content-hash';

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

describe('itemContentHash', () => {
  it('is contentHash of title and text on two lines, from the item folded once', () => {
    const samples = [
      { title: 'Hoà giải thành công', text: 'Khoẻ mạnh.\n\nĐường  ngập sau mưa!' },
      { title: 'Café—2026', text: '' },
      { title: '', text: 'Ministry rejects claims' },
      { title: 'Tiêu đề kết thúc bằng dấu\u0301', text: '\u0301bắt đầu bằng dấu' },
    ];
    for (const sample of samples) {
      expect(itemContentHash(foldItem(sample))).toBe(contentHash(`${sample.title}\n${sample.text}`));
    }
  });
});
