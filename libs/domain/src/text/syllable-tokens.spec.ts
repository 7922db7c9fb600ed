import { syllableBigrams, syllableTokens } from './syllable-tokens';

describe('syllableTokens', () => {
  it('splits Vietnamese into folded syllables', () => {
    expect(syllableTokens('Hoà giải thành công ở Đồng Văn')).toEqual(['hoa', 'giai', 'thanh', 'cong', 'o', 'dong', 'van']);
  });

  it('gives every spelling of a syllable the same token (tone placement, NFD, case)', () => {
    expect(syllableTokens('thuý KHOẺ hoà')).toEqual(syllableTokens('thúy khỏe hòa'.normalize('NFD')));
  });

  it('keeps numbers and drops punctuation', () => {
    expect(syllableTokens('Lấy mẫu tại 12 điểm, ngày 26/11!')).toEqual(['lay', 'mau', 'tai', '12', 'diem', 'ngay', '26', '11']);
  });

  it('removes function words on request', () => {
    expect(syllableTokens('Bộ Y tế và các sở đã có thông báo', { removeStopwords: true })).toEqual(['bo', 'y', 'te', 'so', 'thong', 'bao']);
  });

  it('removes stopwords before folding, so "cô" is not mistaken for "có"', () => {
    expect(syllableTokens('Cô giáo có mặt', { removeStopwords: true })).toEqual(['co', 'giao', 'mat']);
  });
});

describe('syllableBigrams', () => {
  it('joins neighbouring syllables with "_" to stand in for two-syllable words', () => {
    expect(syllableBigrams(['thong', 'tin', 'sai', 'lech'])).toEqual(['thong_tin', 'tin_sai', 'sai_lech']);
  });

  it('has none for fewer than two syllables', () => {
    expect(syllableBigrams(['tin'])).toEqual([]);
    expect(syllableBigrams([])).toEqual([]);
  });
});
