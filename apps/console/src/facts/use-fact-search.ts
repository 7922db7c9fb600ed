import type { FactPage } from '@vigil/contracts';
import { useEffect, useState } from 'react';
import { type FactSearchQuery, searchFacts } from '../api/facts-api';
import { type Resource, useResource } from '../shared/use-resource';

/** Long enough to let a word be typed, short enough to feel live. */
const TYPING_PAUSE_MS = 250;

/**
 * The fact library searched as the query changes (words with or without diacritics: "hoa" finds "hoà" and "hòa").
 * Typed words wait for a short pause, so each keystroke does not ask the API; the other filters apply at once.
 * Shared by the fact library page and the draft editor's evidence panel.
 */
export function useFactSearch(query: FactSearchQuery): Resource<FactPage> {
  const words = useSettled(query.q ?? '', TYPING_PAUSE_MS);
  const tags = (query.tags ?? []).join(',');
  return useResource((signal) => searchFacts({ ...query, q: words }, signal), [words, tags, query.language, query.validOnly, query.limit, query.offset]);
}

function useSettled(value: string, delayMs: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
