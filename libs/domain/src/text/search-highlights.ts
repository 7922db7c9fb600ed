import type { ParsedSearchQuery } from './search-query';
import { type SearchTermGroup, toSearchTermGroups } from './search-terms';

/** [start, end) in UTF-16 code units of the verbatim text: what a client marks, never markup to trust. */
export type TextRange = [number, number];

// A word as written: letters, their combining marks and digits ("hoà", "ho\u0300a", "2026").
const WRITTEN_WORD = /[\p{L}\p{M}\p{N}]+/gu;

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
  for (const match of text.matchAll(WRITTEN_WORD)) {
    const start = match.index;
    const group = wordGroup(match[0]);
    if (group) spans.push({ start, end: start + match[0].length, token: group.token, stem: group.stem });
  }
  return spans;
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
