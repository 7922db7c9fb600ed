import type { MatchableItem } from './prepared-item';
import { parseRule } from './rule-parser';
import { RuleMatcher } from './rule-matcher';

const SOURCE = '0b9e4c1a-7d0f-4e3a-9b1c-2d3e4f5a6b7c';

function item(overrides: Partial<MatchableItem> = {}): MatchableItem {
  return { title: '', text: '', language: 'vi', sourceId: SOURCE, sourceTags: [], ...overrides };
}

/** Whether the one rule matches an item with this text (and these other fields). */
function matches(rule: string, text: string, overrides: Partial<MatchableItem> = {}): boolean {
  return new RuleMatcher([{ id: 'r', expression: parseRule(rule) }]).match(item({ text, ...overrides })).length === 1;
}

/** The raw substrings the rule highlights. */
function highlighted(rule: string, fields: { title?: string; text?: string }): string[] {
  const target = item(fields);
  const [match] = new RuleMatcher([{ id: 'r', expression: parseRule(rule) }]).match(target);
  return (match?.highlights ?? []).map(({ field, start, end }) => (field === 'title' ? target.title : target.text).slice(start, end));
}

describe('RuleMatcher', () => {
  describe('words', () => {
    it('matches Vietnamese with or without diacritics, in any case', () => {
      expect(matches('lừa đảo', 'Cảnh báo LỪA ĐẢO qua mạng')).toBe(true);
      expect(matches('lua dao', 'Cảnh báo lừa đảo qua mạng')).toBe(true);
      expect(matches('lừa đảo', 'canh bao lua dao qua mang')).toBe(true);
      expect(matches('lừa đảo', 'Cảnh báo lừa qua mạng')).toBe(false);
    });

    it('ignores where the tone mark sits: hoà = hòa = hoa, thuỷ = thủy', () => {
      expect(matches('hoà', 'Khánh Hòa mưa lớn')).toBe(true);
      expect(matches('hòa', 'Khánh Hoà mưa lớn')).toBe(true);
      expect(matches('thuỷ điện', 'Xả lũ thủy điện')).toBe(true);
      expect(matches('=thủy', 'Xả lũ thuỷ điện')).toBe(true);
    });

    it('matches text written with decomposed (NFD) accents', () => {
      expect(matches('=vỡ', 'Đê vỡ'.normalize('NFD'))).toBe(true);
      expect(matches('lũ', 'Lũ lụt'.normalize('NFD'))).toBe(true);
    });

    it('matches English words', () => {
      expect(matches('ministry denies rumour', 'The Ministry of Health denies the rumour.', { language: 'en' })).toBe(true);
      expect(matches('ministry denies rumour', 'The ministry confirms the rumour.', { language: 'en' })).toBe(false);
    });

    it('looks at the title as well as the text', () => {
      expect(matches('bão', '', { title: 'Bão số 3' })).toBe(true);
    });
  });

  describe('exact accents', () => {
    it('matches "vỡ" in "vỡ đê" but not "vô sinh" nor "vợ"', () => {
      expect(matches('=vỡ', 'Nguy cơ vỡ đê')).toBe(true);
      expect(matches('="vỡ"', 'Nguy cơ VỠ đê')).toBe(true);
      expect(matches('=vỡ', 'Điều trị vô sinh')).toBe(false);
      expect(matches('=vỡ', 'Vợ chồng')).toBe(false);
      expect(matches('vỡ', 'Vợ chồng')).toBe(true);
    });

    it('applies to every word of an exact phrase', () => {
      expect(matches('="vỡ đê"', 'vỡ đê')).toBe(true);
      expect(matches('="vỡ đê"', 'vỡ de')).toBe(false);
    });
  });

  describe('phrases', () => {
    it('needs the words adjacent and in order, ignoring punctuation between them', () => {
      expect(matches('"tin giả"', 'Đây là tin giả, cần xác minh')).toBe(true);
      expect(matches('"tin giả"', 'Giả tin')).toBe(false);
      expect(matches('"tin giả"', 'Tin này giả')).toBe(false);
      expect(matches('"tin giả"', 'Một tin - giả')).toBe(true);
    });

    it('does not run from the title into the text', () => {
      expect(matches('"tin giả"', 'giả mạo', { title: 'Bản tin' })).toBe(false);
    });
  });

  describe('NEAR/n', () => {
    it('matches within n words between them, in either order', () => {
      expect(matches('lũ NEAR/2 đê', 'lũ làm vỡ đê')).toBe(true);
      expect(matches('lũ NEAR/2 đê', 'đê bị lũ cuốn')).toBe(true);
      expect(matches('lũ NEAR/1 đê', 'lũ làm vỡ đê')).toBe(false);
      expect(matches('lũ NEAR/0 đê', 'đê lũ')).toBe(true);
    });

    it('counts a phrase as one span and needs both terms in one field', () => {
      expect(matches('"vỡ đê" NEAR/3 "sơ tán"', 'Đã sơ tán dân vì vỡ đê')).toBe(true);
      expect(matches('"vỡ đê" NEAR/3 "sơ tán"', 'Đã sơ tán dân trong đêm vì vỡ đê')).toBe(false);
      expect(matches('lũ NEAR/5 đê', 'đê', { title: 'lũ' })).toBe(false);
    });

    it('does not let one word serve both sides', () => {
      expect(matches('lũ NEAR/3 lũ*', 'trận lũ lớn')).toBe(false);
      expect(matches('lũ NEAR/3 lũ*', 'trận lũ lớn, lũ quét')).toBe(true);
    });
  });

  describe('boolean operators', () => {
    it('excludes with NOT', () => {
      expect(matches('bão NOT "bão giá"', 'Bão số 3 đổ bộ')).toBe(true);
      expect(matches('bão NOT "bão giá"', 'Bão giá tại chợ')).toBe(false);
      expect(matches('NOT "quảng cáo"', 'Tin thời sự')).toBe(true);
      expect(matches('NOT "quảng cáo"', 'Trang quảng cáo')).toBe(false);
    });

    it('binds AND tighter than OR, and parentheses override', () => {
      expect(matches('lừa OR bão lũ', 'lừa')).toBe(true);
      expect(matches('lừa OR bão lũ', 'bão')).toBe(false);
      expect(matches('(lừa OR bão) lũ', 'lừa')).toBe(false);
      expect(matches('(lừa OR bão) lũ', 'bão lũ')).toBe(true);
    });
  });

  describe('prefixes', () => {
    it('matches every word starting with the folded prefix', () => {
      expect(matches('lừa*', 'Bị lừa đảo')).toBe(true);
      expect(matches('lừa*', 'Luật mới')).toBe(true);
      expect(matches('lừa*', 'Lụt lớn')).toBe(false);
      expect(matches('"lừa đ*"', 'Bị lừa đảo')).toBe(true);
      expect(matches('"lừa đ*"', 'Bị lừa tiền')).toBe(false);
    });
  });

  describe('filters', () => {
    it('matches the source, its tags (ignoring case and accents) and the language', () => {
      expect(matches(`bão source:${SOURCE}`, 'bão')).toBe(true);
      expect(matches('bão source:00000000-0000-4000-8000-000000000000', 'bão')).toBe(false);
      expect(matches('bão tag:"y tế"', 'bão', { sourceTags: ['Y Tế', 'báo'] })).toBe(true);
      expect(matches('bão tag:"y tế"', 'bão', { sourceTags: ['báo'] })).toBe(false);
      expect(matches('bão lang:vi', 'bão')).toBe(true);
      expect(matches('bão lang:en', 'bão')).toBe(false);
      expect(matches('bão lang:vi', 'bão', { language: null })).toBe(false);
    });

    it('combines filters with OR and NOT, runs filter-only rules and compares whole tags word by word', () => {
      expect(matches('lang:en OR bão', 'bão')).toBe(true);
      expect(matches('NOT lang:vi', 'bão', { language: 'en' })).toBe(true);
      expect(matches('tag:chinh-phu', 'tin', { sourceTags: ['Chính phủ'] })).toBe(true);
      expect(matches('tag:chinh', 'tin', { sourceTags: ['Chính phủ'] })).toBe(false);
      expect(matches('tag:"chinh phu"', 'tin', { sourceTags: ['Chính phủ'] })).toBe(true);
    });
  });

  describe('highlights', () => {
    it('point at the raw words that matched, phrases as one span, in both fields', () => {
      expect(highlighted('"tin giả" OR lừa*', { title: 'TIN GIẢ lan truyền', text: 'Kẻ lừa đảo, lừa tiền; tin  giả.' })).toEqual(['TIN GIẢ', 'lừa', 'lừa', 'tin  giả']);
    });

    it('skip terms under NOT and OR branches that did not match', () => {
      expect(highlighted('(bão OR lũ) NOT mưa', { text: 'Cơn bão lớn' })).toEqual(['bão']);
    });

    it('cover both sides of a NEAR pair only where they are near', () => {
      expect(highlighted('lũ NEAR/1 đê', { text: 'lũ ở xa, rồi đê vỡ lũ' })).toEqual(['đê', 'lũ']);
    });

    it('use offsets into text written with decomposed accents', () => {
      const text = 'Nguy cơ vỡ đê'.normalize('NFD');
      expect(highlighted('=vỡ', { text })).toEqual(['vỡ'.normalize('NFD')]);
    });
  });

  it('returns matches in the order the rules were given', () => {
    const matcher = new RuleMatcher([
      { id: 'c', expression: parseRule('NOT quảng') },
      { id: 'a', expression: parseRule('bão') },
      { id: 'b', expression: parseRule('lũ*') },
      { id: 'd', expression: parseRule('mưa') },
    ]);
    expect(matcher.match(item({ text: 'Lũ và bão' })).map((match) => match.ruleId)).toEqual(['c', 'a', 'b']);
  });

  it('gives the same answers for an item matched twice (no state left from the item before)', () => {
    const matcher = new RuleMatcher([{ id: 'a', expression: parseRule('bão NEAR/2 lũ') }]);
    expect(matcher.match(item({ text: 'bão và lũ' }))).toHaveLength(1);
    expect(matcher.match(item({ text: 'mưa' }))).toHaveLength(0);
    expect(matcher.match(item({ text: 'bão và lũ' }))).toHaveLength(1);
  });
});
