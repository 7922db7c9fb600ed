import { searchTokens } from '../text/vietnamese-text';
import { exactForm, ruleWords } from './rule-words';

describe('ruleWords', () => {
  it('finds the words search indexes, folded the same way, with their offsets', () => {
    const text = `Đà Nẵng: lũ lụt, "tin giả" 2025 — THUỶ ĐIỆN xả lũ; ${'hoà giải'.normalize('NFD')} 𝐀bc e-mail`;
    const words = ruleWords(text);
    expect(words.map((word) => word.folded)).toEqual(searchTokens(text));
    expect(words.map((word) => text.slice(word.start, word.end))).toEqual(
      ['Đà', 'Nẵng', 'lũ', 'lụt', 'tin', 'giả', '2025', 'THUỶ', 'ĐIỆN', 'xả', 'lũ', ...'hoà giải'.normalize('NFD').split(' '), '𝐀bc', 'e', 'mail'],
    );
  });

  it('gives one exact form for every tone placement and case', () => {
    expect(exactForm('HOÀ')).toBe(exactForm('hòa'));
    expect(exactForm('thuỷ')).toBe(exactForm('thủy'));
    expect(exactForm('vỡ')).not.toBe(exactForm('vợ'));
  });
});
