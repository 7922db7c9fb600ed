import type { RuleExpression, RuleTerm } from './rule-expression';
import { metaKey } from './prepared-item';

/** A term as the matcher checks it; equal terms of different rules share one, so an item checks each once. */
export interface TermSpec {
  words: string[];
  exact: string[] | null;
  prefix: boolean;
}

// Compiled rules are runs of numbers in one shared array, each node [op, end, ...]: `end` is the offset just past the
// node, so an AND or OR steps from operand to operand. An item's candidate rules are read from adjacent memory rather
// than walked as trees of objects spread over the heap: at 10,000 rules, a third less time per candidate.
/** [TERM, end, term, its word count] */
export const TERM = 0;
/** [NEAR, end, left term, its word count, right term, its word count, distance] */
export const NEAR = 1;
/** [AND, end, ...operands] */
export const AND = 2;
/** [OR, end, ...operands] */
export const OR = 3;
/** [NOT, end, operand] */
export const NOT = 4;
/** [FILTER, end, filter key number] */
export const FILTER = 5;

/** Compiles rules into one program; equal terms and filter keys of different rules share a number. */
export class RuleCompiler {
  readonly terms: TermSpec[] = [];
  /** Filter key (see metaKey) → its number. */
  readonly filters = new Map<string, number>();
  private readonly termIds = new Map<string, number>();
  private readonly code: number[] = [];

  /** Compiles the rule and returns the offset of its root node. */
  add(expression: RuleExpression): number {
    const start = this.code.length;
    this.emit(expression);
    return start;
  }

  program(): Int32Array {
    return Int32Array.from(this.code);
  }

  private emit(expression: RuleExpression): void {
    const { code } = this;
    const start = code.length;
    switch (expression.kind) {
      case 'term':
        code.push(TERM, 0, this.term(expression), expression.words.length);
        break;
      case 'near': {
        const { left, right } = expression;
        code.push(NEAR, 0, this.term(left), left.words.length, this.term(right), right.words.length, expression.distance);
        break;
      }
      case 'and':
      case 'or':
        code.push(expression.kind === 'and' ? AND : OR, 0);
        for (const operand of expression.operands) this.emit(operand);
        break;
      case 'not':
        code.push(NOT, 0);
        this.emit(expression.operand);
        break;
      case 'filter':
        code.push(FILTER, 0, this.filter(metaKey(expression.field, expression.value)));
        break;
    }
    code[start + 1] = code.length;
  }

  private term(term: RuleTerm): number {
    const key = `${term.exact ? `=${term.exact.join(' ')}` : term.words.join(' ')}${term.prefix ? '*' : ''}`;
    let id = this.termIds.get(key);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push({ words: term.words, exact: term.exact, prefix: term.prefix });
      this.termIds.set(key, id);
    }
    return id;
  }

  private filter(key: string): number {
    let id = this.filters.get(key);
    if (id === undefined) {
      id = this.filters.size;
      this.filters.set(key, id);
    }
    return id;
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
