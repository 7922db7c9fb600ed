import { type SearchTermGroup, toSearchTermGroups } from './search-terms';
import { searchTokens } from './vietnamese-text';

/**
 * The search box's small language, parsed once for both engines: plain words are all required, `"quoted words"`
 * must stand next to each other (folded), `OR` between two parts accepts either, and `-word`, `-"a phrase"` or
 * `NOT word` leaves items out. Unlike the rule language (rules/rule-lexer.ts) nothing here is an error: an unbalanced
 * quote is just a word boundary, a dangling OR or NOT is ignored, and a query that leaves nothing to require matches
 * nothing.
 */
export type SearchClause =
  | { kind: 'term'; group: SearchTermGroup }
  /** Two or more folded tokens, adjacent and in this order; no stems (a phrase means these words as written). */
  | { kind: 'phrase'; tokens: string[] };

export interface ParsedSearchQuery {
  /** AND-ed; each entry is an OR of its clauses (one clause for a plain word or phrase). */
  required: SearchClause[][];
  excluded: SearchClause[];
}

// Enough for any real question, few enough that one query stays cheap on both engines.
const MAX_CLAUSES = 32;
const BARE = /[^\s"]+/y;

interface Part {
  clauses: SearchClause[];
  negated: boolean;
  operator: 'or' | 'not' | null;
}

export function parseSearchQuery(query: string): ParsedSearchQuery {
  const parts = lexParts(query);
  const required: SearchClause[][] = [];
  const excluded: SearchClause[] = [];
  let pendingOr = false;
  let pendingNot = false;
  for (const part of parts) {
    if (part.operator === 'or') {
      pendingOr = required.length > 0 && !pendingNot;
      continue;
    }
    if (part.operator === 'not') {
      pendingNot = true;
      pendingOr = false;
      continue;
    }
    if (part.negated || pendingNot) excluded.push(...part.clauses);
    else if (pendingOr && part.clauses.length === 1) required[required.length - 1]!.push(part.clauses[0]!);
    else for (const clause of part.clauses) required.push([clause]);
    pendingOr = false;
    pendingNot = false;
  }
  return { required: required.slice(0, MAX_CLAUSES), excluded: excluded.slice(0, MAX_CLAUSES) };
}

function lexParts(query: string): Part[] {
  const parts: Part[] = [];
  const text = query.normalize('NFC');
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (/\s/.test(char)) {
      index += 1;
      continue;
    }
    const negated = char === '-' && index + 1 < text.length && !/\s/.test(text[index + 1]!);
    const start = negated ? index + 1 : index;
    if (text[start] === '"') {
      const close = text.indexOf('"', start + 1);
      if (close > start) {
        parts.push({ clauses: phraseClauses(searchTokens(text.slice(start + 1, close))), negated, operator: null });
        index = close + 1;
        continue;
      }
      // An unbalanced quote is only a boundary between words.
      index = start + 1;
      continue;
    }
    BARE.lastIndex = start;
    const word = BARE.exec(text)![0];
    index = start + word.length;
    if (!negated && (word === 'OR' || word === '|')) parts.push({ clauses: [], negated: false, operator: 'or' });
    else if (!negated && word === 'NOT') parts.push({ clauses: [], negated: false, operator: 'not' });
    else {
      // "-covid-19" leaves out the phrase "covid 19"; a plain "covid-19" requires both words, anywhere.
      const clauses = negated ? phraseClauses(searchTokens(word)) : toSearchTermGroups(word).map((group): SearchClause => ({ kind: 'term', group }));
      if (clauses.length > 0) parts.push({ clauses, negated, operator: null });
    }
  }
  return parts;
}

function phraseClauses(tokens: string[]): SearchClause[] {
  if (tokens.length === 0) return [];
  if (tokens.length === 1) return [{ kind: 'term', group: { token: tokens[0]!, stem: null } }];
  return [{ kind: 'phrase', tokens }];
}

/** The folded words a query's required clauses ask for, for ranking by title similarity. */
export function requiredTokens(parsed: ParsedSearchQuery): string[] {
  return parsed.required.flatMap((alternatives) => alternatives.flatMap((clause) => (clause.kind === 'term' ? [clause.group.token] : clause.tokens)));
}
