/**
 * The parsed form of a watch rule. Every node keeps its span in the rule text (`start`/`end`, UTF-16 offsets) so the
 * console can point at the part of a rule an error or a highlight is about.
 */
export type RuleExpression = RuleTerm | RuleNear | RuleAnd | RuleOr | RuleNot | RuleFilter;

/** A word, a quoted phrase or a prefix (`lừa*`): consecutive words of one field, in order. */
export interface RuleTerm {
  kind: 'term';
  /** The words as typed, without quotes, `=` or `*`. */
  text: string;
  /** Folded words, one per word of the term ("Lừa đảo" → ["lua", "dao"]). */
  words: string[];
  /** For `=` terms: the exact-accent form of each word (NFC, classic tone placement, lower case); otherwise null. */
  exact: string[] | null;
  /** The last word is a prefix: `lừa*` matches every word whose folded form starts with "lua" ("lừa", "lựa", "luật"). */
  prefix: boolean;
  /** Written in quotes. */
  quoted: boolean;
  start: number;
  end: number;
}

/** Two terms within `distance` words of each other (at most that many words between them), in either order. */
export interface RuleNear {
  kind: 'near';
  left: RuleTerm;
  right: RuleTerm;
  distance: number;
  start: number;
  end: number;
}

export interface RuleAnd {
  kind: 'and';
  operands: RuleExpression[];
  start: number;
  end: number;
}

export interface RuleOr {
  kind: 'or';
  operands: RuleExpression[];
  start: number;
  end: number;
}

export interface RuleNot {
  kind: 'not';
  operand: RuleExpression;
  start: number;
  end: number;
}

export type RuleFilterField = 'source' | 'tag' | 'lang';

/** A condition on the item's source rather than its words: `source:<uuid>`, `tag:<tag>`, `lang:vi|en`. */
export interface RuleFilter {
  kind: 'filter';
  field: RuleFilterField;
  /** Lower-case uuid, folded tag, or `vi`/`en`. */
  value: string;
  start: number;
  end: number;
}

/**
 * The rule in one canonical spelling, fully parenthesised: what the parser understood, for the console
 * ("a OR b c" → `a OR (b AND c)`) and for tests.
 */
export function describeRule(expression: RuleExpression): string {
  switch (expression.kind) {
    case 'term':
      return describeTerm(expression);
    case 'near':
      return `${describeTerm(expression.left)} NEAR/${expression.distance} ${describeTerm(expression.right)}`;
    case 'and':
      return expression.operands.map((operand) => describeOperand(operand, 'and')).join(' AND ');
    case 'or':
      return expression.operands.map((operand) => describeOperand(operand, 'or')).join(' OR ');
    case 'not':
      return `NOT ${describeOperand(expression.operand, 'not')}`;
    case 'filter':
      return `${expression.field}:${/[\s()"]/.test(expression.value) ? `"${expression.value}"` : expression.value}`;
  }
}

function describeOperand(operand: RuleExpression, parent: 'and' | 'or' | 'not'): string {
  const text = describeRule(operand);
  const needsParentheses = operand.kind === 'or' || operand.kind === 'and' || (operand.kind === 'near' && parent === 'not');
  return needsParentheses ? `(${text})` : text;
}

function describeTerm(term: RuleTerm): string {
  const text = term.exact ? term.exact.join(' ') : term.words.join(' ');
  const body = term.quoted || term.words.length > 1 ? `"${text}${term.prefix ? '*' : ''}"` : `${text}${term.prefix ? '*' : ''}`;
  return `${term.exact ? '=' : ''}${body}`;
}

/** A term of the rule and whether the rule wants it present (false under an odd number of NOTs). */
export interface RuleTermUse {
  term: RuleTerm;
  positive: boolean;
}

/** Every term of the rule in reading order, for highlighting the rule's words in an item or in the rule editor. */
export function ruleTerms(expression: RuleExpression): RuleTermUse[] {
  const uses: RuleTermUse[] = [];
  const visit = (node: RuleExpression, positive: boolean): void => {
    switch (node.kind) {
      case 'term':
        uses.push({ term: node, positive });
        return;
      case 'near':
        uses.push({ term: node.left, positive }, { term: node.right, positive });
        return;
      case 'and':
      case 'or':
        for (const operand of node.operands) visit(operand, positive);
        return;
      case 'not':
        visit(node.operand, !positive);
        return;
      case 'filter':
        return;
    }
  };
  visit(expression, true);
  return uses;
}
