import { describeRule, ruleTerms } from './rule-expression';
import { parseRule } from './rule-parser';
import { RuleSyntaxError } from './rule-syntax-error';

const described = (text: string) => describeRule(parseRule(text));

function syntaxError(text: string): RuleSyntaxError {
  try {
    parseRule(text);
  } catch (error) {
    if (error instanceof RuleSyntaxError) return error;
    throw error;
  }
  throw new Error(`"${text}" parsed`);
}

describe('parseRule', () => {
  it('folds words and keeps the accents typed only for = terms', () => {
    expect(parseRule('Lừa')).toMatchObject({ kind: 'term', words: ['lua'], exact: null, prefix: false });
    expect(parseRule('=Hoà')).toMatchObject({ kind: 'term', words: ['hoa'], exact: ['hòa'] });
    expect(parseRule('="vỡ đê"')).toMatchObject({ kind: 'term', words: ['vo', 'de'], exact: ['vỡ', 'đê'], quoted: true });
  });

  it('implies AND between adjacent terms and binds AND tighter than OR', () => {
    expect(described('bão lũ')).toBe('bao AND lu');
    expect(described('a OR b c')).toBe('a OR (b AND c)');
    expect(described('(a OR b) c')).toBe('(a OR b) AND c');
    expect(described('a and b or not c')).toBe('(a AND b) OR NOT c');
  });

  it('binds NOT to the next operand and NEAR tighter than NOT', () => {
    expect(described('NOT a b')).toBe('NOT a AND b');
    expect(described('NOT (a OR b)')).toBe('NOT (a OR b)');
    expect(described('not lũ NEAR/3 đê')).toBe('NOT (lu NEAR/3 de)');
  });

  it('reads phrases, prefixes, words with inner punctuation and NEAR in any case', () => {
    expect(described('"tin giả" lừa* covid-19')).toBe('"tin gia" AND lua* AND "covid 19"');
    expect(described('"lừa đ*"')).toBe('"lua d*"');
    expect(described('"ministry" near/5 "false claims"')).toBe('"ministry" NEAR/5 "false claims"');
  });

  it('keeps Vietnamese và, hoặc and không as words, since rules watch them too', () => {
    expect(described('không hoặc và')).toBe('khong AND hoac AND va');
  });

  it('reads filters as operands that combine with the operators', () => {
    expect(described('lang:vi (tag:"Y tế" OR source:0B9E4C1A-7D0F-4E3A-9B1C-2D3E4F5A6B7C) NOT bão')).toBe(
      'lang:vi AND (tag:"y te" OR source:0b9e4c1a-7d0f-4e3a-9b1c-2d3e4f5a6b7c) AND NOT bao',
    );
  });

  it('keeps each term’s span in the rule text, and lists terms with their polarity', () => {
    const text = 'lũ NOT "vỡ đê"';
    const terms = ruleTerms(parseRule(text));
    expect(terms.map(({ term, positive }) => [text.slice(term.start, term.end), positive])).toEqual([
      ['lũ', true],
      ['"vỡ đê"', false],
    ]);
  });

  describe('refuses with the position of the problem', () => {
    it.each([
      ['an empty rule', '   ', 'empty', 0],
      ['an unclosed quote', 'lũ lụt AND "vỡ đê', 'unclosed_quote', 11],
      ['an unclosed parenthesis', 'bão (lũ OR mưa', 'unbalanced_parenthesis', 4],
      ['a stray closing parenthesis', 'bão lũ) mưa', 'unbalanced_parenthesis', 6],
      ['an operator with nothing after it', 'bão AND', 'dangling_operator', 4],
      ['an operator with nothing before it', 'OR bão', 'dangling_operator', 0],
      ['two operators in a row', 'bão AND OR lũ', 'dangling_operator', 4],
      ['a NOT at the end', 'bão NOT', 'dangling_operator', 4],
      ['NEAR without a distance', 'bão NEAR/ lũ', 'bad_near', 4],
      ['NEAR with a word for a distance', 'bão NEAR/x lũ', 'bad_near', 4],
      ['NEAR too far', 'bão NEAR/51 lũ', 'bad_near', 4],
      ['NEAR after a group', '(a OR b) NEAR/2 c', 'bad_near', 9],
      ['NEAR chained', 'a NEAR/2 b NEAR/2 c', 'bad_near', 11],
      ['NEAR at the end', 'a NEAR/2', 'dangling_operator', 2],
      ['empty parentheses', 'a ()', 'bad_term', 2],
      ['a word without letters', 'a - b', 'bad_term', 2],
      ['a one-letter prefix', 'l*', 'bad_term', 0],
      ['a * inside a word', 'l*a', 'bad_term', 0],
      ['= with nothing after it', 'a = b', 'bad_term', 2],
      ['a source that is no UUID', 'source:abc', 'bad_filter', 0],
      ['a language other than vi or en', 'bão lang:fr', 'bad_filter', 4],
    ])('%s', (_, text, reason, position) => {
      const error = syntaxError(text);
      expect(error).toMatchObject({ code: 'rule_syntax', reason, position });
    });

    it('says where an unclosed phrase starts', () => {
      expect(syntaxError('lũ lụt AND "vỡ đê').message).toBe('Expected a closing quote for the phrase that starts at 11');
    });

    it('bounds the length, the number of terms and the nesting', () => {
      expect(syntaxError('a'.repeat(2001))).toMatchObject({ reason: 'too_long', position: 2000 });
      expect(() => parseRule('a '.repeat(1000).trim())).toThrow(RuleSyntaxError);
      expect(syntaxError(Array.from({ length: 201 }, (_, i) => `w${i}`).join(' '))).toMatchObject({ reason: 'too_many_terms' });
      expect(() => parseRule(`${'('.repeat(20)}a${')'.repeat(20)}`)).not.toThrow();
      expect(syntaxError(`${'('.repeat(21)}a${')'.repeat(21)}`)).toMatchObject({ reason: 'too_deep', position: 20 });
    });
  });
});
