import type { RuleExpression, RuleTerm } from './rule-expression';
import { lexRule, RULE_LIMITS, type RuleToken } from './rule-lexer';
import { RuleSyntaxError } from './rule-syntax-error';

/**
 * Parses a watch rule. Precedence, tightest first: NEAR/n (between two terms), NOT, AND (also implied between
 * adjacent terms), OR; parentheses group. Operators are English and case-insensitive. Vietnamese "và", "hoặc" and
 * "không" stay words: they are common in the very text rules watch, so treating them as operators would be ambiguous.
 * Filters (`source:`, `tag:`, `lang:`) are operands like terms and combine with every operator.
 */
export function parseRule(text: string): RuleExpression {
  if (text.length > RULE_LIMITS.maxLength) {
    throw new RuleSyntaxError('too_long', RULE_LIMITS.maxLength, `The rule is longer than ${RULE_LIMITS.maxLength} characters`);
  }
  const tokens = lexRule(text);
  if (tokens.length === 0) throw new RuleSyntaxError('empty', 0, 'The rule is empty: write at least one word, phrase or filter');
  const parser = new Parser(tokens);
  const expression = parser.parseOr();
  const rest = parser.peek();
  if (rest) {
    // parseOr stops only at a closing parenthesis or at the end.
    throw new RuleSyntaxError('unbalanced_parenthesis', rest.start, `Unexpected closing parenthesis at ${rest.start}: no parenthesis is open`);
  }
  return expression;
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: RuleToken[]) {}

  peek(): RuleToken | undefined {
    return this.tokens[this.index];
  }

  private next(): RuleToken {
    const token = this.tokens[this.index];
    this.index += 1;
    return token;
  }

  parseOr(): RuleExpression {
    const operands = [this.parseAnd()];
    for (let token = this.peek(); token?.type === 'or'; token = this.peek()) {
      this.next();
      this.expectOperand(token, 'OR');
      operands.push(this.parseAnd());
    }
    return operands.length === 1 ? operands[0] : { kind: 'or', operands, start: operands[0].start, end: operands[operands.length - 1].end };
  }

  private parseAnd(): RuleExpression {
    const operands = [this.parseUnary()];
    for (let token = this.peek(); token; token = this.peek()) {
      if (token.type === 'and') {
        this.next();
        this.expectOperand(token, 'AND');
      } else if (!startsOperand(token)) break;
      operands.push(this.parseUnary());
    }
    return operands.length === 1 ? operands[0] : { kind: 'and', operands, start: operands[0].start, end: operands[operands.length - 1].end };
  }

  private parseUnary(): RuleExpression {
    const token = this.peek();
    if (token?.type === 'not') {
      this.next();
      this.expectOperand(token, 'NOT');
      const operand = this.parseUnary();
      return { kind: 'not', operand, start: token.start, end: operand.end };
    }
    return this.parseNear();
  }

  private parseNear(): RuleExpression {
    const left = this.parsePrimary();
    const near = this.peek();
    if (near?.type !== 'near') return left;
    this.next();
    if (left.kind !== 'term') throw new RuleSyntaxError('bad_near', near.start, `NEAR/${near.distance} at ${near.start} joins two words or phrases, not a group or a filter`);
    const right = this.peek();
    if (right?.type !== 'term') {
      throw new RuleSyntaxError(right ? 'bad_near' : 'dangling_operator', near.start, `Expected a word or phrase after NEAR/${near.distance} at ${near.start}`);
    }
    this.next();
    const chained = this.peek();
    if (chained?.type === 'near') {
      throw new RuleSyntaxError('bad_near', chained.start, `NEAR at ${chained.start} cannot continue another NEAR: join two NEAR pairs with AND`);
    }
    const rightTerm: RuleTerm = right.term;
    return { kind: 'near', left, right: rightTerm, distance: near.distance, start: left.start, end: rightTerm.end };
  }

  private parsePrimary(): RuleExpression {
    const token = this.next();
    switch (token.type) {
      case 'term':
        return token.term;
      case 'filter':
        return token.filter;
      case 'open': {
        this.depth += 1;
        if (this.depth > RULE_LIMITS.maxDepth) {
          throw new RuleSyntaxError('too_deep', token.start, `Parentheses nest more than ${RULE_LIMITS.maxDepth} deep at ${token.start}`);
        }
        const first = this.peek();
        if (!first) throw this.unclosed(token);
        if (first.type === 'close') throw new RuleSyntaxError('bad_term', token.start, `Expected a word, phrase or group inside the parentheses at ${token.start}`);
        const inner = this.parseOr();
        if (this.peek()?.type !== 'close') throw this.unclosed(token);
        const close = this.next();
        this.depth -= 1;
        return { ...inner, start: token.start, end: close.end };
      }
      case 'close':
        throw new RuleSyntaxError('unbalanced_parenthesis', token.start, `Unexpected closing parenthesis at ${token.start}: no parenthesis is open`);
      case 'and':
      case 'or':
        throw new RuleSyntaxError('dangling_operator', token.start, `${token.type.toUpperCase()} at ${token.start} needs a word, phrase or group before it`);
      case 'near':
        throw new RuleSyntaxError('bad_near', token.start, `NEAR/${token.distance} at ${token.start} needs a word or phrase before it`);
      case 'not':
        // parseUnary consumes every NOT before reaching here.
        throw new RuleSyntaxError('dangling_operator', token.start, `Unexpected NOT at ${token.start}`);
    }
  }

  private unclosed(open: RuleToken): RuleSyntaxError {
    return new RuleSyntaxError('unbalanced_parenthesis', open.start, `Expected a closing parenthesis for the one opened at ${open.start}`);
  }

  /** After an operator, something must follow that can start an operand. */
  private expectOperand(operator: RuleToken, name: string): void {
    const token = this.peek();
    if (!token || !startsOperand(token)) {
      throw new RuleSyntaxError('dangling_operator', operator.start, `Expected a word, phrase or group after ${name} at ${operator.start}`);
    }
  }
}

function startsOperand(token: RuleToken): boolean {
  return token.type === 'term' || token.type === 'filter' || token.type === 'open' || token.type === 'not';
}
