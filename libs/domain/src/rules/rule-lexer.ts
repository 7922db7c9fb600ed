import type { RuleFilter, RuleFilterField, RuleTerm } from './rule-expression';
import { RuleSyntaxError } from './rule-syntax-error';
import { exactForm, foldedTag, ruleWords } from './rule-words';

export type RuleToken =
  | { type: 'open' | 'close' | 'and' | 'or' | 'not'; start: number; end: number }
  | { type: 'near'; distance: number; start: number; end: number }
  | { type: 'term'; term: RuleTerm; start: number; end: number }
  | { type: 'filter'; filter: RuleFilter; start: number; end: number };

/** Limits that keep one rule cheap on every collected item (and the parser's recursion shallow). */
export const RULE_LIMITS = { maxLength: 2000, maxTerms: 200, maxDepth: 20, maxNearDistance: 50, minPrefixLength: 2 } as const;

const SPACE = /\s/;
// A bare word runs until whitespace, a parenthesis or a quote.
const BARE_END = /[\s()"]/;
const OPERATORS: Record<string, 'and' | 'or' | 'not'> = { and: 'and', or: 'or', not: 'not' };
const FILTER = /^(source|tag|lang):/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Splits a rule into tokens; throws RuleSyntaxError for problems visible without the grammar. */
export function lexRule(text: string): RuleToken[] {
  const tokens: RuleToken[] = [];
  let terms = 0;
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    if (SPACE.test(char)) {
      index += 1;
      continue;
    }
    const start = index;
    let token: RuleToken;
    if (char === '(' || char === ')') {
      token = { type: char === '(' ? 'open' : 'close', start, end: start + 1 };
    } else if (char === '"') {
      token = termToken(quotedTerm(text, start, false));
    } else if (char === '=') {
      if (text[start + 1] === '"') token = termToken(quotedTerm(text, start, true));
      else {
        const end = bareEnd(text, start + 1);
        if (end === start + 1) throw new RuleSyntaxError('bad_term', start, `Expected a word or a quoted phrase after = at ${start}`);
        token = termToken(bareTerm(text, start, end, true));
      }
    } else {
      token = bareToken(text, start);
    }
    if (token.type === 'term' || token.type === 'filter') {
      terms += 1;
      if (terms > RULE_LIMITS.maxTerms) throw new RuleSyntaxError('too_many_terms', start, `The rule has more than ${RULE_LIMITS.maxTerms} words, phrases and filters (the one at ${start} is one too many)`);
    }
    tokens.push(token);
    index = token.end;
  }
  return tokens;
}

function termToken(term: RuleTerm): RuleToken {
  return { type: 'term', term, start: term.start, end: term.end };
}

function bareEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && !BARE_END.test(text[end])) end += 1;
  return end;
}

function bareToken(text: string, start: number): RuleToken {
  let end = bareEnd(text, start);
  const word = text.slice(start, end);
  const filter = FILTER.exec(word);
  if (filter) {
    let value = word.slice(filter[0].length);
    if (value === '' && text[end] === '"') {
      const close = text.indexOf('"', end + 1);
      if (close < 0) throw new RuleSyntaxError('unclosed_quote', end, `Expected a closing quote for the value that starts at ${end}`);
      value = text.slice(end + 1, close);
      end = close + 1;
    }
    return { type: 'filter', filter: filterOf(filter[1].toLowerCase() as RuleFilterField, value.trim(), start, end), start, end };
  }
  const lower = word.toLowerCase();
  const operator = OPERATORS[lower];
  if (operator) return { type: operator, start, end };
  if (lower.startsWith('near/')) {
    const digits = word.slice(5);
    const distance = Number(digits);
    if (!/^\d{1,3}$/.test(digits) || distance > RULE_LIMITS.maxNearDistance) {
      throw new RuleSyntaxError('bad_near', start, `NEAR at ${start} needs a distance from 0 to ${RULE_LIMITS.maxNearDistance} words, as in NEAR/5`);
    }
    return { type: 'near', distance, start, end };
  }
  return termToken(bareTerm(text, start, end, false));
}

function filterOf(field: RuleFilterField, value: string, start: number, end: number): RuleFilter {
  if (field === 'source') {
    if (!UUID.test(value)) throw new RuleSyntaxError('bad_filter', start, `source: at ${start} needs a source id (a UUID)`);
    return { kind: 'filter', field, value: value.toLowerCase(), start, end };
  }
  if (field === 'lang') {
    const language = value.toLowerCase();
    if (language !== 'vi' && language !== 'en') throw new RuleSyntaxError('bad_filter', start, `lang: at ${start} needs vi or en`);
    return { kind: 'filter', field, value: language, start, end };
  }
  const tag = foldedTag(value);
  if (!tag) throw new RuleSyntaxError('bad_filter', start, `tag: at ${start} needs a tag name`);
  return { kind: 'filter', field, value: tag, start, end };
}

/** `"…"` or `="…"` starting at `start`; a `*` just before the closing quote makes the last word a prefix. */
function quotedTerm(text: string, start: number, exact: boolean): RuleTerm {
  const open = exact ? start + 1 : start;
  const close = text.indexOf('"', open + 1);
  if (close < 0) throw new RuleSyntaxError('unclosed_quote', open, `Expected a closing quote for the phrase that starts at ${open}`);
  let body = text.slice(open + 1, close);
  const prefix = body.trimEnd().endsWith('*');
  if (prefix) body = body.trimEnd().slice(0, -1);
  return termOf(body, { start, end: close + 1, exact, prefix, quoted: true });
}

/** A bare word (`lừa`, `=vỡ`, `lừa*`, `covid-19`) from `start` to `end`. */
function bareTerm(text: string, start: number, end: number, exact: boolean): RuleTerm {
  let body = text.slice(exact ? start + 1 : start, end);
  const prefix = body.endsWith('*');
  if (prefix) body = body.slice(0, -1);
  if (body.includes('*')) throw new RuleSyntaxError('bad_term', start, `A * can only end a word (at ${start})`);
  return termOf(body, { start, end, exact, prefix, quoted: false });
}

function termOf(body: string, options: { start: number; end: number; exact: boolean; prefix: boolean; quoted: boolean }): RuleTerm {
  const { start, end, exact, prefix, quoted } = options;
  const found = ruleWords(body);
  if (found.length === 0) {
    throw new RuleSyntaxError('bad_term', start, quoted ? `The phrase at ${start} has no letters or digits` : `The word at ${start} has no letters or digits`);
  }
  const words = found.map((word) => word.folded);
  // A lone short prefix would match a large part of every text; after other words of a phrase it is harmless.
  if (prefix && words.length === 1 && words[0].length < RULE_LIMITS.minPrefixLength) {
    throw new RuleSyntaxError('bad_term', start, `The prefix at ${start} needs at least ${RULE_LIMITS.minPrefixLength} letters before the *`);
  }
  return {
    kind: 'term',
    text: body.trim(),
    words,
    exact: exact ? found.map((word) => exactForm(body.slice(word.start, word.end))) : null,
    prefix,
    quoted,
    start,
    end,
  };
}
