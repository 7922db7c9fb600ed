import { AND, anchorOf, FILTER, type IndexKind, NEAR, NOT, OR, RuleCompiler, TERM, type TermSpec } from './compiled-rule';
import { type HighlightField, type MatchableItem, PREFIX_BUCKET, PreparedItem } from './prepared-item';
import type { RuleExpression } from './rule-expression';

export interface CompiledRuleInput {
  id: string;
  expression: RuleExpression;
}

/** A span of the raw title or text (UTF-16 offsets, end exclusive) holding a term that made the rule match. */
export interface RuleHighlight {
  field: HighlightField;
  start: number;
  end: number;
}

export interface RuleMatch {
  ruleId: string;
  /** Sorted by field (title first) and offset; at most MAX_HIGHLIGHTS. */
  highlights: RuleHighlight[];
}

export interface RuleMatcherOptions {
  /**
   * False evaluates every rule on every item instead of only the rules the index names: the same answers,
   * slower. For the index's own test and the bench baseline.
   */
  index?: boolean;
}

/** Enough for the console to mark a rule's words; an item quoting a watched word a thousand times need not send them all. */
export const MAX_HIGHLIGHTS = 100;

const EMPTY: readonly number[] = [];

/**
 * Runs many rules over each collected item. Compiling builds an inverted index from folded words, prefixes and
 * filter keys to the rules that need one of them, so an item evaluates only the rules it can match (plus the few that
 * can match without any key, such as `NOT x`): the cost follows the item and its candidate rules, not the rule count.
 */
export class RuleMatcher {
  private readonly ids: string[] = [];
  /** Each rule's root node in `code`. */
  private readonly roots: Int32Array;
  private readonly code: Int32Array;
  private readonly terms: TermSpec[];
  private readonly filters: ReadonlyMap<string, number>;
  private readonly indexes: Record<IndexKind, Map<string, number[]>> = { word: new Map(), prefix: new Map(), meta: new Map() };
  /** The prefix index grouped by the prefixes' first PREFIX_BUCKET letters: a word of the item looks at one group. */
  private readonly prefixGroups = new Map<string, { prefix: string; rules: number[] }[]>();
  /** One bit per rule, set for the rules every item evaluates: those with no key (`NOT x`), or all without the index. */
  private readonly everyItem: Uint32Array;
  private readonly unanchoredCount: number;
  private readonly useIndex: boolean;
  // Per-item scratch, reused: match() is synchronous, so one set suffices. A bit per candidate rule keeps them unique
  // and, read word by word, in the order the rules were given, with no sort.
  private readonly candidateBits: Uint32Array;
  // Term occurrences and the item's filter keys are stamped with the item's epoch instead of cleared.
  private epoch = 0;
  private readonly termStamp: Uint32Array;
  private readonly filterStamp: Uint32Array;
  private readonly termOccurrences: (readonly number[])[];
  private item: PreparedItem | null = null;

  constructor(rules: readonly CompiledRuleInput[], options: RuleMatcherOptions = {}) {
    this.useIndex = options.index ?? true;
    const compiler = new RuleCompiler();
    this.roots = new Int32Array(rules.length);
    this.everyItem = new Uint32Array(Math.ceil(rules.length / 32));
    this.candidateBits = new Uint32Array(this.everyItem.length);
    let unanchored = 0;
    rules.forEach((rule, index) => {
      this.ids.push(rule.id);
      this.roots[index] = compiler.add(rule.expression);
      const anchor = anchorOf(rule.expression);
      if (!anchor || !this.useIndex) this.everyItem[index >>> 5] |= 1 << (index & 31);
      if (!anchor) {
        unanchored += 1;
        return;
      }
      for (const key of anchor.keys) {
        const map = this.indexes[key.kind];
        const list = map.get(key.value);
        if (!list) map.set(key.value, [index]);
        else if (list[list.length - 1] !== index) list.push(index);
      }
    });
    this.code = compiler.program();
    this.terms = compiler.terms;
    this.filters = compiler.filters;
    for (const [prefix, list] of this.indexes.prefix) {
      const start = prefix.slice(0, PREFIX_BUCKET);
      const group = this.prefixGroups.get(start);
      if (group) group.push({ prefix, rules: list });
      else this.prefixGroups.set(start, [{ prefix, rules: list }]);
    }
    this.unanchoredCount = unanchored;
    this.termStamp = new Uint32Array(this.terms.length);
    this.filterStamp = new Uint32Array(this.filters.size);
    this.termOccurrences = new Array<readonly number[]>(this.terms.length).fill(EMPTY);
  }

  /** How the rules were indexed: `unanchored` rules run on every item. */
  get stats(): { rules: number; terms: number; unanchored: number } {
    return { rules: this.ids.length, terms: this.terms.length, unanchored: this.unanchoredCount };
  }

  /** The rules the item matches, in the order they were given, each with the spans to highlight. */
  match(raw: MatchableItem): RuleMatch[] {
    const item = new PreparedItem(raw);
    this.item = item;
    this.nextEpoch();
    const bits = this.candidateBits;
    bits.set(this.everyItem);
    if (this.useIndex) this.markCandidates(item);
    for (const key of item.metaKeys) {
      const filter = this.filters.get(key);
      if (filter !== undefined) this.filterStamp[filter] = this.epoch;
    }
    const matches: RuleMatch[] = [];
    for (let word = 0; word < bits.length; word += 1) {
      let set = bits[word];
      while (set !== 0) {
        const lowest = set & -set;
        set ^= lowest;
        const rule = (word << 5) + 31 - Math.clz32(lowest);
        const root = this.roots[rule];
        if (this.evaluate(root)) matches.push({ ruleId: this.ids[rule], highlights: this.highlightsOf(root) });
      }
    }
    this.item = null;
    return matches;
  }

  private nextEpoch(): void {
    this.epoch += 1;
    if (this.epoch === 0xffffffff) {
      this.termStamp.fill(0);
      this.filterStamp.fill(0);
      this.epoch = 1;
    }
  }

  /** Sets the bit of every rule the index names for one of the item's words, prefixes or filter keys. */
  private markCandidates(item: PreparedItem): void {
    const bits = this.candidateBits;
    const mark = (rules: readonly number[] | undefined): void => {
      if (rules) for (const rule of rules) bits[rule >>> 5] |= 1 << (rule & 31);
    };
    const { word, meta } = this.indexes;
    const groups = this.prefixGroups;
    for (const token of item.positions.keys()) {
      mark(word.get(token));
      if (groups.size === 0 || token.length < PREFIX_BUCKET) continue;
      const group = groups.get(token.slice(0, PREFIX_BUCKET));
      if (group) for (const entry of group) if (token.startsWith(entry.prefix)) mark(entry.rules);
    }
    for (const key of item.metaKeys) mark(meta.get(key));
  }

  /** Whether the node at `at` in `code` holds for the current item. */
  private evaluate(at: number): boolean {
    const { code } = this;
    switch (code[at]) {
      case TERM:
        return this.occurrences(code[at + 2]).length > 0;
      case NEAR:
        return this.nearPairs(at, null);
      case AND:
        for (let operand = at + 2, end = code[at + 1]; operand < end; operand = code[operand + 1]) if (!this.evaluate(operand)) return false;
        return true;
      case OR:
        for (let operand = at + 2, end = code[at + 1]; operand < end; operand = code[operand + 1]) if (this.evaluate(operand)) return true;
        return false;
      case NOT:
        return !this.evaluate(at + 2);
      case FILTER:
        return this.filterStamp[code[at + 2]] === this.epoch;
      default:
        throw new Error(`RuleMatcher: no operation ${code[at]} at ${at}`);
    }
  }

  private highlightsOf(root: number): RuleHighlight[] {
    const spans: RuleHighlight[] = [];
    this.collect(root, spans);
    // One term's spans come in order already (the usual match); only several terms' need sorting.
    if (!inOrder(spans)) spans.sort(byPosition);
    let kept = Math.min(spans.length, 1);
    for (let index = 1; index < spans.length && kept < MAX_HIGHLIGHTS; index += 1) {
      if (byPosition(spans[kept - 1], spans[index]) !== 0) spans[kept++] = spans[index];
    }
    if (kept < spans.length) spans.length = kept;
    return spans;
  }

  /** Adds the spans of a node already known to be true: what made it true, nothing under a NOT. */
  private collect(at: number, spans: RuleHighlight[]): void {
    const { code } = this;
    switch (code[at]) {
      case TERM: {
        const last = code[at + 3] - 1;
        for (const position of this.occurrences(code[at + 2])) spans.push(this.current.highlight(position, position + last));
        return;
      }
      case NEAR:
        this.nearPairs(at, spans);
        return;
      case AND:
        for (let operand = at + 2, end = code[at + 1]; operand < end; operand = code[operand + 1]) this.collect(operand, spans);
        return;
      case OR:
        for (let operand = at + 2, end = code[at + 1]; operand < end; operand = code[operand + 1]) if (this.evaluate(operand)) this.collect(operand, spans);
        return;
      default:
        // NOT and filters mark nothing.
        return;
    }
  }

  private get current(): PreparedItem {
    if (!this.item) throw new Error('RuleMatcher evaluated outside match()');
    return this.item;
  }

  /** Start positions where the term occurs (all its words, consecutive, in one field), computed once per item. */
  private occurrences(term: number): readonly number[] {
    if (this.termStamp[term] === this.epoch) return this.termOccurrences[term];
    const found = this.findTerm(this.terms[term]);
    this.termStamp[term] = this.epoch;
    this.termOccurrences[term] = found;
    return found;
  }

  private findTerm(spec: TermSpec): readonly number[] {
    const item = this.current;
    const { words, exact, prefix } = spec;
    const last = words.length - 1;
    const starts = last === 0 && prefix ? item.prefixPositions(words[0]) : (item.positions.get(words[0]) ?? EMPTY);
    if (last === 0 && !exact) return starts;
    const found: number[] = [];
    for (const start of starts) {
      if (start + last >= item.length || !item.sameField(start, start + last)) continue;
      let matches = true;
      for (let offset = 1; offset <= last && matches; offset += 1) {
        const word = item.folded[start + offset];
        matches = offset === last && prefix ? word.startsWith(words[offset]) : word === words[offset];
      }
      for (let offset = 0; exact && offset <= last && matches; offset += 1) {
        const form = item.exactAt(start + offset);
        matches = offset === last && prefix ? form.startsWith(exact[offset]) : form === exact[offset];
      }
      if (matches) found.push(start);
    }
    return found;
  }

  /**
   * Whether some occurrence of the left term and some of the right lie in one field, without overlapping, with at
   * most `distance` words between them, in either order. With `spans`, adds every such pair instead of stopping at one.
   */
  private nearPairs(at: number, spans: RuleHighlight[] | null): boolean {
    const { code } = this;
    const item = this.current;
    const leftLength = code[at + 3];
    const rightLength = code[at + 5];
    const distance = code[at + 6];
    const lefts = this.occurrences(code[at + 2]);
    const rights = lefts.length ? this.occurrences(code[at + 4]) : EMPTY;
    let found = false;
    for (const left of lefts) {
      const leftEnd = left + leftLength;
      for (const right of rights) {
        if (right > leftEnd + distance) break;
        const rightEnd = right + rightLength;
        const gap = right >= left ? right - leftEnd : left - rightEnd;
        if (gap < 0 || gap > distance || !item.sameField(left, right)) continue;
        if (!spans) return true;
        found = true;
        spans.push(item.highlight(left, leftEnd - 1), item.highlight(right, rightEnd - 1));
      }
    }
    return found;
  }
}

/** Title first, then by offset. */
function byPosition(a: RuleHighlight, b: RuleHighlight): number {
  return a.field === b.field ? a.start - b.start || a.end - b.end : a.field === 'title' ? -1 : 1;
}

function inOrder(spans: readonly RuleHighlight[]): boolean {
  for (let index = 1; index < spans.length; index += 1) if (byPosition(spans[index - 1], spans[index]) > 0) return false;
  return true;
}
