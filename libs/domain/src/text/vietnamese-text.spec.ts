import { foldDiacritics, normalizeVietnamese, searchTokens, toSearchText } from './vietnamese-text';

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
    expect(searchTokens('Công an: tin "giả" lan truyền!')).toEqual(['cong', 'an', 'tin', 'gia', 'lan', 'truyen']);
  });

  it('gives every spelling variant the same search text', () => {
    expect(toSearchText('Hoà giải')).toBe(toSearchText('hòa GIẢI'));
    expect(toSearchText('Thông tin sai lệch')).toBe('thong tin sai lech');
  });

  it('keeps every word after characters that fold to several units each, however long the text', () => {
    // A Hangul syllable folds to its three jamo (NFD), writing more than it reads: the words after them need more
    // room than the text's length gives.
    const text = `${'한국 '.repeat(1000)}${'a'.repeat(20_000)}`;
    expect(toSearchText(text)).toBe(`${`${'한국'.normalize('NFD')} `.repeat(1000)}${'a'.repeat(20_000)}`);
  });

  it('folds and tokenises exactly as the plain definition does, in one pass, for any script', () => {
    // The definition: NFC and tone placement, then NFD without marks, đ → d, lower case, then Unicode words.
    const reference = (text: string) =>
      normalizeVietnamese(text).normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    const samples = [
      'Thông tin sai lệch về việc đóng cửa trường học — “tin giả” lan truyền!',
      'Hoà giải THOẢ THUẬN ở xã Đồng Văn, 12/11/2026, 08h30',
      'Ministry REJECTS claims; naïve café façade ǅemal ﬁle ½ 𝐀𝐁𝐂 😀 emoji',
      'decomposed: Vie\u0302\u0323t Nam, stray mark \u0301 here, İstanbul Straße',
      '',
      '   \n\t ',
      'lone surrogates: a\uD800b \uDC00c d\uD800',
    ];
    for (const sample of samples) {
      expect(searchTokens(sample)).toEqual(reference(sample));
      expect(foldDiacritics(sample)).toBe(sample.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase());
    }
  });
});
