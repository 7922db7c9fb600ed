import type { RuleExpression, RuleTerm } from './rule-expression';
import { metaKey } from './prepared-item';

/** A term as the matcher checks it; equal terms of different rules share one, so an item checks each once. */
export interface TermSpec {
  words: string[];
  exact: string[] | null;
  prefix: boolean;
}

/** A rule with its terms replaced by their number in the matcher's term table. */
export type CompiledNode =
  | { kind: 'term'; term: number; length: number }
  | { kind: 'near'; left: number; leftLength: number; right: number; rightLength: number; distance: number }
  | { kind: 'and' | 'or'; operands: CompiledNode[] }
  | { kind: 'not'; operand: CompiledNode }
  | { kind: 'filter'; key: string };

export class TermTable {
  readonly specs: TermSpec[] = [];
  private readonly ids = new Map<string, number>();

  intern(term: RuleTerm): number {
    const key = `${term.exact ? `=${term.exact.join(' ')}` : term.words.join(' ')}${term.prefix ? '*' : ''}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.specs.length;
      this.specs.push({ words: term.words, exact: term.exact, prefix: term.prefix });
      this.ids.set(key, id);
    }
    return id;
  }
}

export function compileRule(expression: RuleExpression, terms: TermTable): CompiledNode {
  switch (expression.kind) {
    case 'term':
      return { kind: 'term', term: terms.intern(expression), length: expression.words.length };
    case 'near':
      return {
        kind: 'near',
        left: terms.intern(expression.left),
        leftLength: expression.left.words.length,
        right: terms.intern(expression.right),
        rightLength: expression.right.words.length,
        distance: expression.distance,
      };
    case 'and':
    case 'or':
      return { kind: expression.kind, operands: expression.operands.map((operand) => compileRule(operand, terms)) };
    case 'not':
      return { kind: 'not', operand: compileRule(expression.operand, terms) };
    case 'filter':
      return { kind: 'filter', key: metaKey(expression.field, expression.value) };
  }
}

export type IndexKind = 'word' | 'prefix' | 'meta';

/**
 * Keys of which an item must hold at least one for the rule to be able to match; `cost` guesses how many items
 * hold them (lower is more selective), so an AND is indexed by its most selective operand only.
 */
export interface Anchor {
  keys: { kind: IndexKind; value: string }[];
  cost: number;
}

// Long words are rarer than short ones; a prefix matches several words; a language covers half of everything.
const wordCost = (word: string): number => 1 + 4 / word.length;
const prefixCost = (prefix: string): number => 2 + 8 / prefix.length;
const FILTER_COST = { source: 4, tag: 4, lang: 50 } as const;

/** Null when the rule may match an item holding none of its keys (`NOT x`, `a OR NOT b`); filters are keys too. */
export function anchorOf(expression: RuleExpression): Anchor | null {
  switch (expression.kind) {
    case 'term':
      return termAnchor(expression);
    case 'near':
      return cheapest([termAnchor(expression.left), termAnchor(expression.right)]);
    case 'and':
      return cheapest(expression.operands.map(anchorOf));
    case 'or': {
      const anchors = expression.operands.map(anchorOf);
      if (anchors.some((anchor) => anchor === null)) return null;
      const present = anchors as Anchor[];
      return { keys: present.flatMap((anchor) => anchor.keys), cost: present.reduce((sum, anchor) => sum + anchor.cost, 0) };
    }
    case 'not':
      return null;
    case 'filter':
      return { keys: [{ kind: 'meta', value: metaKey(expression.field, expression.value) }], cost: FILTER_COST[expression.field] };
  }
}

function termAnchor(term: RuleTerm): Anchor {
  // Any whole word of a phrase will do: take the longest; the prefix word only when there is no other.
  const whole = term.prefix ? term.words.slice(0, -1) : term.words;
  if (whole.length === 0) return { keys: [{ kind: 'prefix', value: term.words[0] }], cost: prefixCost(term.words[0]) };
  const longest = whole.reduce((best, word) => (word.length > best.length ? word : best));
  return { keys: [{ kind: 'word', value: longest }], cost: wordCost(longest) };
}

function cheapest(anchors: (Anchor | null)[]): Anchor | null {
  let best: Anchor | null = null;
  for (const anchor of anchors) if (anchor && (!best || anchor.cost < best.cost)) best = anchor;
  return best;
}
