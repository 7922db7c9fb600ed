import type { ReactNode } from 'react';

/**
 * A text's folded form (lower-case, no diacritics, đ → d) with, for each folded character, the index of the
 * original character it came from: matches found in the folded text map back to the text as written.
 */
function foldWithOrigins(text: string): { folded: string; origins: number[] } {
  let folded = '';
  const origins: number[] = [];
  for (let index = 0; index < text.length; ) {
    const codePoint = text.codePointAt(index) ?? 0;
    const char = String.fromCodePoint(codePoint);
    const fold = foldText(char);
    for (let unit = 0; unit < fold.length; unit += 1) origins.push(index);
    folded += fold;
    index += char.length;
  }
  return { folded, origins };
}

/** Folds like the search does: "Hoà" and "hòa" both become "hoa". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/đ/g, 'd');
}

const WORD = /[\p{L}\p{N}]+/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Ranges [start, end) of `text` where a query word starts a word of the text, whatever the diacritics. */
export function matchRanges(text: string, query: string): [number, number][] {
  const words = [...new Set((foldText(query).match(WORD) ?? []).filter(Boolean))];
  if (words.length === 0 || !text) return [];
  const { folded, origins } = foldWithOrigins(text);
  const ranges: [number, number][] = [];
  for (const word of words) {
    for (let at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + 1)) {
      if (at > 0 && WORD_CHAR.test(folded[at - 1])) continue;
      const last = at + word.length;
      const start = origins[at];
      let end = last < origins.length ? origins[last] : text.length;
      // Combining marks fold to nothing: they belong to the letter they follow.
      while (end < text.length && /\p{M}/u.test(text[end])) end += 1;
      ranges.push([start, end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const previous = merged[merged.length - 1];
    if (previous && range[0] <= previous[1]) previous[1] = Math.max(previous[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

interface HighlightProps {
  text: string;
  query: string;
  /** Where the server found the query (ItemHighlights); otherwise the console matches the query's words itself. */
  ranges?: [number, number][];
}

/** The text with the query's words in <mark>; rendered as React text nodes, never as HTML. */
export function Highlight({ text, query, ranges = matchRanges(text, query) }: HighlightProps) {
  if (ranges.length === 0) return <>{text}</>;
  const parts: ReactNode[] = [];
  let position = 0;
  for (const [start, end] of ranges) {
    // Ranges come from the server: clipped to the text so a stale one can never slice out of bounds or overlap.
    const from = Math.max(start, position);
    const to = Math.min(end, text.length);
    if (to <= from) continue;
    if (from > position) parts.push(text.slice(position, from));
    parts.push(<mark key={from}>{text.slice(from, to)}</mark>);
    position = to;
  }
  if (position < text.length) parts.push(text.slice(position));
  return <>{parts}</>;
}
