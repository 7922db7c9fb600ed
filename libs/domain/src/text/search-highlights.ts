import type { ParsedSearchQuery } from './search-query';
import { type SearchTermGroup, toSearchTermGroups } from './search-terms';

/** [start, end) in UTF-16 code units of the verbatim text: what a client marks, never markup to trust. */
export type TextRange = [number, number];

// A word as written is a run of letters, their combining marks and digits ("hoà", "ho\u0300a", "2026"). Whether a
// UTF-16 code unit is one: 0 until first seen, then WORD_UNIT or NOT_WORD_UNIT. Scanning with this table rather than
// the regex /[\p{L}\p{M}\p{N}]+/gu made a page's highlights (40 texts) a third cheaper.
const WRITTEN_WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
const WORD_UNIT = 1;
const NOT_WORD_UNIT = 2;
const WORD_UNITS = new Uint8Array(0x10000);

interface WordSpan {
  start: number;
  end: number;
  token: string;
  stem: string | null;
}

/**
 * Where the text holds what the query requires, by the same folding both search engines match with: "hoa" marks
 * "Hoà" and "hòa", a stem marks an English item's inflections, a phrase marks its words only where they stand
 * together. Computed from the stored text, so both engines mark the same words; excluded words are never marked.
 */
export function searchHighlights(text: string, query: ParsedSearchQuery, language: string | null): TextRange[] {
  if (!text || query.required.length === 0) return [];
  const words = wordSpans(text);
  const tokens = new Set<string>();
  const stems = new Set<string>();
  const phrases: string[][] = [];
  for (const clause of query.required.flat()) {
    if (clause.kind === 'phrase') phrases.push(clause.tokens);
    else {
      tokens.add(clause.group.token);
      if (clause.group.stem !== null && language === 'en') stems.add(clause.group.stem);
    }
  }
  const marked = words.map((word) => tokens.has(word.token) || (word.stem !== null && stems.has(word.stem)));
  for (const phrase of phrases) {
    for (let at = 0; at + phrase.length <= words.length; at += 1) {
      if (phrase.every((token, offset) => words[at + offset]!.token === token)) phrase.forEach((_, offset) => (marked[at + offset] = true));
    }
  }
  const ranges: TextRange[] = [];
  words.forEach((word, index) => {
    if (marked[index]) ranges.push([word.start, word.end]);
  });
  return ranges;
}

// Every listed title and snippet passes here (40 per page) and their words repeat endlessly: each written word is
// folded and stemmed once; bounded so odd input can't grow it.
const WORD_GROUPS = new Map<string, SearchTermGroup | null>();
const MAX_WORD_GROUPS = 50_000;

function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  let start = -1;
  for (let at = 0; at <= text.length; at += 1) {
    const width = at < text.length ? writtenWordWidth(text, at) : 0;
    if (width > 0) {
      if (start < 0) start = at;
      at += width - 1;
    } else if (start >= 0) {
      const group = wordGroup(text.slice(start, at));
      if (group) spans.push({ start, end: at, token: group.token, stem: group.stem });
      start = -1;
    }
  }
  return spans;
}

/** How many code units of the word character at `at` (2 for a surrogate pair), 0 if none starts there. */
function writtenWordWidth(text: string, at: number): number {
  const code = text.charCodeAt(at);
  let kind = WORD_UNITS[code]!;
  if (kind === 0) {
    kind = WRITTEN_WORD_CHAR.test(String.fromCharCode(code)) ? WORD_UNIT : NOT_WORD_UNIT;
    WORD_UNITS[code] = kind;
  }
  if (kind === WORD_UNIT) return 1;
  // A letter outside the first plane is a pair of surrogates, each no word character alone: rare, read by the regex.
  return code >= 0xd800 && code <= 0xdbff && WRITTEN_WORD_CHAR.test(text.slice(at, at + 2)) ? 2 : 0;
}

function wordGroup(word: string): SearchTermGroup | null {
  let group = WORD_GROUPS.get(word);
  if (group === undefined) {
    // A written word folds to one token but for rare compatibility forms; those mark by their first token.
    group = toSearchTermGroups(word)[0] ?? null;
    if (WORD_GROUPS.size >= MAX_WORD_GROUPS) WORD_GROUPS.clear();
    WORD_GROUPS.set(word, group);
  }
  return group;
}
