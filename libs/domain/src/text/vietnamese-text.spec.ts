import { foldDiacritics, normalizeVietnamese, toSearchText, tokenize } from './vietnamese-text';

describe('Vietnamese text normalisation', () => {
  it.each([
    ['hoà', 'hòa'],
    ['thuý', 'thúy'],
    ['khoẻ', 'khỏe'],
    ['Hoà Bình', 'Hòa Bình'],
    ['HOÀ', 'HÒA'],
  ])('unifies tone-mark placement: %s → %s', (variant, canonical) => {
    expect(normalizeVietnamese(variant)).toBe(canonical.normalize('NFC'));
    expect(normalizeVietnamese(canonical)).toBe(canonical.normalize('NFC'));
  });

  it.each(['hoàng', 'toán', 'thuyết', 'người', 'mùa', 'cửa', 'quý', 'già', 'giữa', 'ngoài', 'khuỷu', 'tiếng', 'Việt'])(
    'leaves an already canonical syllable unchanged: %s',
    (word) => {
      expect(normalizeVietnamese(word)).toBe(word.normalize('NFC'));
    },
  );

  it('composes decomposed input to NFC', () => {
    const decomposed = 'Việt Nam'.normalize('NFD');
    expect(normalizeVietnamese(decomposed)).toBe('Việt Nam'.normalize('NFC'));
  });

  it('leaves words with several accents (not Vietnamese) alone', () => {
    expect(normalizeVietnamese('résumé')).toBe('résumé');
  });

  it('folds diacritics and đ to plain lower-case letters', () => {
    expect(foldDiacritics('Thông tin sai lệch về Đà Nẵng')).toBe('thong tin sai lech ve da nang');
  });

  it('tokenises by Unicode words, not ASCII only', () => {
    expect(tokenize('Công an: tin "giả" lan truyền!')).toEqual(['cong', 'an', 'tin', 'gia', 'lan', 'truyen']);
  });

  it('gives every spelling variant the same search text', () => {
    expect(toSearchText('Hoà giải')).toBe(toSearchText('hòa GIẢI'));
    expect(toSearchText('Thông tin sai lệch')).toBe('thong tin sai lech');
  });
});
