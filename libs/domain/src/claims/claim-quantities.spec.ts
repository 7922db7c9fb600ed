import { claimQuantities } from './claim-quantities';

describe('claimQuantities', () => {
  it('reads 1.000, 1,000 and 1000 as the same number', () => {
    expect(claimQuantities('1.000 người').numbers).toEqual(['1000']);
    expect(claimQuantities('1,000 people').numbers).toEqual(['1000']);
    expect(claimQuantities('1000 nguoi').numbers).toEqual(['1000']);
  });

  it('applies magnitudes and decimals in both languages', () => {
    expect(claimQuantities('thiệt hại 2,5 tỷ đồng').numbers).toEqual(['2500000000']);
    expect(claimQuantities('a loss of 2.5 billion dong').numbers).toEqual(['2500000000']);
    expect(claimQuantities('1.234,5 triệu').numbers).toEqual(['1234500000']);
  });

  it('keeps percentages apart from plain numbers', () => {
    expect(claimQuantities('tăng 30% so với 30 ngày trước').numbers).toEqual(['30%', '30']);
    expect(claimQuantities('up 30 percent').numbers).toEqual(['30%']);
  });

  it('reads a date however it is written and does not count it as numbers', () => {
    for (const text of ['ngày 12/3/2026', 'ngày 12 tháng 3', '12-03', 'March 12, 2026', 'on 12 March', '12th of March']) {
      expect(claimQuantities(text)).toEqual({ numbers: [], dates: ['12/3'] });
    }
    expect(claimQuantities('tháng 3/2026').dates).toEqual(['3/2026']);
  });

  it('does not mistake a decimal for a date', () => {
    expect(claimQuantities('2.5 million doses')).toEqual({ numbers: ['2500000'], dates: [] });
  });
});
