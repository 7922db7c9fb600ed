import { compileLinkPattern, linkPatternProblem } from './index';

describe('compileLinkPattern', () => {
  it('matches URLs case-insensitively with ordinary regular-expression syntax', () => {
    const matcher = compileLinkPattern('/thoi-su/\\d{4}/[a-z0-9-]+\\.html$');
    expect(matcher.test('https://tinnhanh.example.vn/Thoi-Su/2026/mua-lu.HTML')).toBe(true);
    expect(matcher.test('https://tinnhanh.example.vn/thoi-su/trang/2')).toBe(false);
  });

  it('runs a pattern that backtracks catastrophically on RegExp in linear time over a 100k run', () => {
    // On backtracking engines (a+)+$ against a long run of "a" that then fails takes exponential time; RE2 answers at
    // once. The Jest timeout is the guard: this spec would never finish on RegExp.
    const matcher = compileLinkPattern('(a+)+$');
    const run = 'a'.repeat(100_000);
    expect(matcher.test(`${run}!`)).toBe(false);
    expect(matcher.test(run)).toBe(true);
    expect(compileLinkPattern('^(a|aa)+$').test(`${run}b`)).toBe(false);
  });

  it.each([
    ['a backreference', '(a)\\1'],
    ['a lookahead', '/tin/(?=\\d)'],
    ['a negative lookahead', '^(?!.*video)'],
    ['a lookbehind', '(?<=/tin/)\\d+'],
    ['an unbalanced group', '('],
  ])('refuses %s, which RE2 does not run', (_what, pattern) => {
    // RE2's SyntaxError comes from the native addon's realm, not Jest's, so it is recognised by its name.
    expect(() => compileLinkPattern(pattern)).toThrow(expect.objectContaining({ name: 'SyntaxError' }));
    expect(linkPatternProblem(pattern)).toEqual(expect.any(String));
  });

  it('names the unsupported construct in the reason', () => {
    expect(linkPatternProblem('/tin/(?=\\d)')).toMatch(/\(\?=/);
    expect(linkPatternProblem('(a)\\1')).toMatch(/\\1/);
  });

  it('accepts named groups, Unicode classes and escaped punctuation', () => {
    for (const pattern of ['(?<id>\\d{5,})\\.html$', '/\\p{L}+/', '[\\w-]+\\.s?html?$', '\\-']) {
      expect(linkPatternProblem(pattern)).toBeNull();
    }
  });
});
