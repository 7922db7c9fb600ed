import { languageOf, type MatchableItem } from './prepared-item';
import type { RuleExpression, RuleTerm } from './rule-expression';
import { parseRule } from './rule-parser';
import { type CompiledRuleInput, MAX_HIGHLIGHTS, type RuleHighlight, type RuleMatch, RuleMatcher } from './rule-matcher';
import { exactForm, foldedTag, ruleWords } from './rule-words';

// Syllables with their tone-placement and unaccented variants, so items and rules disagree on spelling as real ones do.
const WORDS = [
  ['hoà', 'hòa', 'hoa'], ['thuỷ', 'thủy', 'thuy'], ['vỡ', 'vợ', 'vô'], ['đê', 'de', 'dê'], ['lũ', 'lu', 'lú'], ['bão', 'bao', 'báo'],
  ['lừa', 'lựa', 'lua'], ['đảo', 'dao', 'đạo'], ['tin', 'tín'], ['giả', 'gia', 'già'], ['sơ', 'so'], ['tán', 'tan'], ['mưa', 'mua'],
  ['khoẻ', 'khỏe'], ['ministry'], ['denies'], ['rumour'], ['flood'], ['warning'], ['false'], ['claims'], ['fraud'], ['luật'], ['lụt'],
];
// Plain syllables make the vocabulary large enough that, as in real text, most rules miss most items.
for (const initial of ['b', 'c', 'd', 'g', 'h', 'k', 'l', 'm', 'n', 'ph', 't', 'th', 'tr', 'x']) {
  for (const rhyme of ['a', 'ai', 'am', 'an', 'ang', 'ao', 'at', 'em', 'en', 'inh', 'oi', 'on', 'ong', 'un', 'ung', 'uy']) WORDS.push([initial + rhyme]);
}
const SOURCES = ['0b9e4c1a-7d0f-4e3a-9b1c-2d3e4f5a6b7c', '5f1d2c3b-4a59-4687-9a0b-1c2d3e4f5a6b'];
const TAGS = ['Y tế', 'chính phủ', 'thời tiết'];

/** mulberry32: the same seed gives the same rules and items on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generator(seed: number) {
  const next = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const word = (): string => pick(pick(WORDS));
  const term = (): string => {
    const roll = next();
    if (roll < 0.45) return word();
    if (roll < 0.6) return `"${word()} ${word()}"`;
    if (roll < 0.72) return `${word().slice(0, 2 + Math.floor(next() * 2))}*`;
    if (roll < 0.82) return `=${word()}`;
    if (roll < 0.9) return `${word()} NEAR/${Math.floor(next() * 4)} ${word()}`;
    if (roll < 0.94) return pick([`lang:${pick(['vi', 'en'])}`, `source:${pick(SOURCES)}`, `tag:"${pick(TAGS)}"`]);
    return `(${word()} OR ${word()})`;
  };
  const rule = (): string => {
    const count = 1 + Math.floor(next() * 4);
    let text = term();
    for (let index = 1; index < count; index += 1) text += pick([' ', ' AND ', ' OR ', ' NOT ']) + term();
    return next() < 0.03 ? `NOT ${term()}` : text;
  };
  const item = (): MatchableItem => ({
    title: Array.from({ length: 3 + Math.floor(next() * 5) }, word).join(' '),
    text: Array.from({ length: 10 + Math.floor(next() * 30) }, () => (next() < 0.1 ? `${word()},` : word())).join(' '),
    language: pick(['vi', 'en', null]),
    sourceId: pick(SOURCES),
    sourceTags: TAGS.filter(() => next() < 0.4),
  });
  return { rule, item };
}

/** The matches in one string (ids and highlight spans): one comparison per item keeps 10,000 rules quick to check. */
const answers = (matches: RuleMatch[]): string =>
  matches.map((match) => `${match.ruleId}:${match.highlights.map((span) => `${span.field[1]}${span.start}-${span.end}`).join(',')}`).join(' ');

/**
 * The rule language read straight from the parse tree, one rule at a time over the item's plain word list: slow and
 * obvious, so the compiled, indexed matcher can be checked against it. Matches in the order the rules were given.
 */
function referenceMatches(rules: readonly CompiledRuleInput[], target: MatchableItem): RuleMatch[] {
  const words = (['title', 'text'] as const).flatMap((field) =>
    ruleWords(target[field]).map((word) => ({ ...word, field, exact: exactForm(target[field].slice(word.start, word.end)) })),
  );
  const fits = (form: string, wanted: string, prefix: boolean): boolean => (prefix ? form.startsWith(wanted) : form === wanted);
  const occurrences = (term: RuleTerm): number[] =>
    words.flatMap((_, start) => {
      const fitsHere = term.words.every((wanted, offset) => {
        const word = words[start + offset];
        const prefix = term.prefix && offset === term.words.length - 1;
        return (
          word?.field === words[start].field &&
          fits(word.folded, wanted, prefix) &&
          (!term.exact || fits(word.exact, term.exact[offset], prefix))
        );
      });
      return fitsHere ? [start] : [];
    });
  const span = (first: number, last: number): RuleHighlight => ({ field: words[first].field, start: words[first].start, end: words[last].end });
  /** The spans that make the node true, or null when it is false. */
  const spansOf = (node: RuleExpression): RuleHighlight[] | null => {
    switch (node.kind) {
      case 'term': {
        const found = occurrences(node);
        return found.length ? found.map((start) => span(start, start + node.words.length - 1)) : null;
      }
      case 'near': {
        const pairs: RuleHighlight[] = [];
        const leftLength = node.left.words.length;
        const rightLength = node.right.words.length;
        for (const left of occurrences(node.left)) {
          for (const right of occurrences(node.right)) {
            const gap = right >= left ? right - (left + leftLength) : left - (right + rightLength);
            if (gap >= 0 && gap <= node.distance && words[left].field === words[right].field) {
              pairs.push(span(left, left + leftLength - 1), span(right, right + rightLength - 1));
            }
          }
        }
        return pairs.length ? pairs : null;
      }
      case 'and': {
        const all = node.operands.map(spansOf);
        return all.every((spans) => spans !== null) ? all.flatMap((spans) => spans ?? []) : null;
      }
      case 'or': {
        const all = node.operands.map(spansOf);
        return all.some((spans) => spans !== null) ? all.flatMap((spans) => spans ?? []) : null;
      }
      case 'not':
        return spansOf(node.operand) ? null : [];
      case 'filter': {
        const holds =
          node.field === 'source'
            ? target.sourceId.toLowerCase() === node.value
            : node.field === 'tag'
              ? target.sourceTags.some((tag) => foldedTag(tag) === node.value)
              : languageOf(target.language) === node.value;
        return holds ? [] : null;
      }
    }
  };
  const key = (highlight: RuleHighlight): string =>
    `${highlight.field === 'title' ? 0 : 1}:${String(highlight.start).padStart(9, '0')}:${String(highlight.end).padStart(9, '0')}`;
  return rules.flatMap((rule) => {
    const spans = spansOf(rule.expression);
    if (!spans) return [];
    const unique = [...new Map(spans.map((highlight) => [key(highlight), highlight])).entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    return [{ ruleId: rule.id, highlights: unique.slice(0, MAX_HIGHLIGHTS).map(([, highlight]) => highlight) }];
  });
}

describe('RuleMatcher index', () => {
  const { rule, item } = generator(9);
  const rules: CompiledRuleInput[] = Array.from({ length: 10_000 }, (_, index) => ({ id: `r${index}`, expression: parseRule(rule()) }));
  const items = Array.from({ length: 200 }, item);

  it('gives the same answers with 10,000 rules as evaluating every rule without the index', () => {
    const indexed = new RuleMatcher(rules);
    const everyRule = new RuleMatcher(rules, { index: false });
    let total = 0;
    for (const sample of items) {
      const expected = everyRule.match(sample);
      expect(answers(indexed.match(sample))).toBe(answers(expected));
      total += expected.length;
    }
    // The comparison means something only if many rules match and most do not.
    expect(total).toBeGreaterThan(items.length * 10);
    expect(total).toBeLessThan(items.length * rules.length * 0.5);
    expect(indexed.stats.unanchored).toBeLessThan(rules.length * 0.1);
  });

  it('gives each rule the answer it gives alone', () => {
    const indexed = new RuleMatcher(rules);
    const sampleRules = rules.slice(0, 400);
    const alone = sampleRules.map((input) => new RuleMatcher([input]));
    for (const sample of items.slice(0, 40)) {
      const together = indexed.match(sample).filter((match) => sampleRules.some((input) => input.id === match.ruleId));
      expect(answers(alone.flatMap((matcher) => matcher.match(sample)))).toBe(answers(together));
    }
  });

  it('gives the answers of reading each rule straight from its parse tree', () => {
    const sampleRules = rules.slice(0, 2_000);
    const indexed = new RuleMatcher(sampleRules);
    let total = 0;
    for (const sample of items.slice(0, 100)) {
      const expected = referenceMatches(sampleRules, sample);
      expect(answers(indexed.match(sample))).toBe(answers(expected));
      total += expected.length;
    }
    expect(total).toBeGreaterThan(100);
  });
});
