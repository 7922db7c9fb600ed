import { englishStems } from './english-stems';

describe('englishStems', () => {
  it('stems English words with Porter', () => {
    expect(englishStems('Officials denied the claims')).toEqual(['offici', 'deni', 'the', 'claim']);
  });

  it('tokenises Unicode words whole (natural’s WordTokenizer would cut "Nguyễn" into "Nguy" and "n")', () => {
    expect(englishStems('Nguyễn reopened the café')).toEqual(['nguyen', 'reopen', 'the', 'cafe']);
  });

  it('drops the possessive instead of leaving a stray "s"', () => {
    expect(englishStems("the ministry's review")).toEqual(['the', 'ministri', 'review']);
  });

  it('removes stopwords on request', () => {
    expect(englishStems('The officials and the ministry', { removeStopwords: true })).toEqual(['offici', 'ministri']);
  });

  it('answers nothing for text without words', () => {
    expect(englishStems(' — !? ')).toEqual([]);
  });
});
