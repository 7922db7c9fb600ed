import { searchHighlights } from './search-highlights';
import { parseSearchQuery } from './search-query';

const term = (token: string, stem: string | null = null) => ({ kind: 'term', group: { token, stem } });

describe('parseSearchQuery', () => {
  it('requires plain words, each with its stem, folded', () => {
    expect(parseSearchQuery('Hoà rejecting')).toEqual({ required: [[term('hoa', 'qxhoa')], [term('rejecting', 'qxreject')]], excluded: [] });
  });

  it('reads a quoted phrase as adjacent folded words without stems, and one quoted word as that word', () => {
    expect(parseSearchQuery('"Nước  sạch" "lũ"')).toEqual({ required: [[{ kind: 'phrase', tokens: ['nuoc', 'sach'] }], [term('lu')]], excluded: [] });
  });

  it('joins the parts on either side of OR, and leaves out -word, -"phrase" and NOT word', () => {
    expect(parseSearchQuery('mưa OR "bão lũ" -lụt NOT đê -"vỡ đê"')).toEqual({
      required: [[term('mua', 'qxmua'), { kind: 'phrase', tokens: ['bao', 'lu'] }]],
      excluded: [term('lut'), term('de', 'qxde'), { kind: 'phrase', tokens: ['vo', 'de'] }],
    });
  });

  it('never fails on odd input: unbalanced quotes are spaces, dangling operators and lone dashes are nothing', () => {
    expect(parseSearchQuery('"hoà giải')).toEqual(parseSearchQuery('hoà giải'));
    expect(parseSearchQuery('OR hoà OR OR giải OR NOT')).toEqual({ required: [[term('hoa', 'qxhoa'), term('giai', 'qxgiai')]], excluded: [] });
    expect(parseSearchQuery('- "" -- ?!')).toEqual({ required: [], excluded: [] });
    expect(parseSearchQuery('-only NOT these')).toEqual({ required: [], excluded: [term('only'), term('these', 'qxthese')] });
  });

  it('keeps lower-case or and not as words', () => {
    expect(parseSearchQuery('or not').required).toHaveLength(2);
  });
});

describe('searchHighlights', () => {
  it('marks words of the verbatim text however they are accented, placed or composed', () => {
    const text = 'Hoà giải, hòa giải và ho\u0300a gia\u0309i';
    const ranges = searchHighlights(text, parseSearchQuery('hoa'), 'vi');
    expect(ranges.map(([start, end]) => text.slice(start, end))).toEqual(['Hoà', 'hòa', 'ho\u0300a']);
  });

  it('marks a phrase only where its words stand together, and never an excluded word', () => {
    const text = 'Nước sạch về, nước chưa sạch';
    const ranges = searchHighlights(text, parseSearchQuery('"nuoc sach" -chua'), 'vi');
    expect(ranges.map(([start, end]) => text.slice(start, end))).toEqual(['Nước', 'sạch']);
  });

  it('marks inflections through stems in English items only', () => {
    expect(searchHighlights('Ministry rejects claims', parseSearchQuery('rejecting'), 'en')).toEqual([[9, 16]]);
    expect(searchHighlights('Ministry rejects claims', parseSearchQuery('rejecting'), 'vi')).toEqual([]);
  });

  it('reads words as runs of letters, marks and digits, letters beyond the first plane too', () => {
    const text = 'Số 2026: hoà-giải "HOA" 𝐇oa ho\u0300a\u0301 ñ';
    const ranges = searchHighlights(text, parseSearchQuery('hoa 2026'), 'vi');
    expect(ranges.map(([start, end]) => text.slice(start, end))).toEqual(['2026', 'hoà', 'HOA', 'ho\u0300a\u0301']);
    expect(searchHighlights('𝐇oa', parseSearchQuery('𝐇oa'), 'vi').map(([start, end]) => '𝐇oa'.slice(start, end))).toEqual(['𝐇oa']);
  });
});
