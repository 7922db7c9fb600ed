import type { MatchHighlight } from '@vigil/contracts';
import type { ReactNode } from 'react';

/**
 * The text with the given [start, end) ranges in <mark>, as React text nodes (never HTML). Ranges come from the API;
 * they are clamped, sorted and merged so an overlap or an offset past the end cannot break the text.
 */
export function MarkedText({ text, ranges }: { text: string; ranges: Pick<MatchHighlight, 'start' | 'end'>[] }) {
  const clean = ranges
    .map(({ start, end }) => [Math.max(0, Math.min(start, text.length)), Math.max(0, Math.min(end, text.length))] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const parts: ReactNode[] = [];
  let position = 0;
  for (const [start, end] of clean) {
    if (end <= position) continue;
    const from = Math.max(start, position);
    if (from > position) parts.push(text.slice(position, from));
    parts.push(<mark key={from}>{text.slice(from, end)}</mark>);
    position = end;
  }
  if (position < text.length) parts.push(text.slice(position));
  return <>{parts}</>;
}
