import { csvCell, csvDocument } from './csv';

describe('CSV cells', () => {
  it('quotes every cell, doubles quotes and keeps Vietnamese text as it is', () => {
    expect(csvCell('Tin "giả" về lũ, Quảng Trị')).toBe('"Tin ""giả"" về lũ, Quảng Trị"');
    expect(csvCell(900)).toBe('"900"');
    expect(csvCell(null)).toBe('""');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    for (const hostile of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(csvCell(hostile)).toMatch(/^"'/);
    // Negative numbers written by Vigil itself are numbers, not text a user typed.
    expect(csvCell(-5)).toBe('"-5"');
  });

  it('starts with a BOM and ends every row with CRLF', () => {
    expect(csvDocument(['a', 'b'], [['x', 1]])).toBe('\uFEFF"a","b"\r\n"x","1"\r\n');
  });
});
