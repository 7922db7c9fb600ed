import { englishStem } from '../text/english-stems';
import { detectLanguage } from '../text/language';
import { normalizeVietnamese } from '../text/vietnamese-text';
import { syllableTokens } from '../text/syllable-tokens';
import type { GlossaryPair } from './default-glossary';
import { PhraseMatcher } from './phrase-matcher';
import { accentedWords, type ClaimTokens } from './claim-tokens';

/**
 * The glossary as concepts: every Vietnamese and English term joined through its pairs is one concept ("lũ lụt",
 * "ngập lụt", "flood", "flooding" are all "flood"), so a claim in either language, or in other Vietnamese words,
 * carries the same concept keys. Vietnamese terms match folded syllables (posts drop diacritics), except terms of
 * one syllable, which match only as written with their marks ("bão" is storm, "bao" is anything from "bag" to "how");
 * English terms match Porter stems, so "denied" finds "deny".
 */
export class ClaimGlossary {
  private readonly folded = new PhraseMatcher<string>();
  private readonly accented = new PhraseMatcher<string>();
  private readonly english = new PhraseMatcher<string>();
  private readonly known = new Set<string>();

  constructor(pairs: readonly GlossaryPair[]) {
    const concepts = conceptsOf(pairs);
    for (const pair of pairs) {
      const concept = concepts.get(viKey(pair.vi))!;
      const syllables = syllableTokens(pair.vi);
      if (syllables.length > 1) this.folded.add(syllables, concept);
      else this.accented.add(accentedWords(pair.vi), concept);
      this.english.add(syllableTokens(pair.en).map((token) => englishStem(token)), concept);
      this.known.add(`${viKey(pair.vi)}|${syllableTokens(pair.en).join(' ')}`);
    }
  }

  /** Concept keys the text carries, once per mention (English and Vietnamese terms alike). */
  concepts(tokens: ClaimTokens): string[] {
    return [...this.folded.find(tokens.folded), ...this.accented.find(tokens.accented), ...this.english.find(tokens.stems)];
  }

  has(pair: { vi: string; en: string }): boolean {
    return this.known.has(`${viKey(pair.vi)}|${syllableTokens(pair.en).join(' ')}`);
  }
}

function viKey(vi: string): string {
  return syllableTokens(vi).join('_');
}

// Terms are joined through shared partners (union-find over the pairs); a concept is named by its
// alphabetically first term, English ones first ("flood", "ministry of health").
function conceptsOf(pairs: readonly GlossaryPair[]): Map<string, string> {
  const parent = new Map<string, string>();
  const root = (node: string): string => {
    let current = node;
    while (parent.get(current) !== current) current = parent.get(current)!;
    parent.set(node, current);
    return current;
  };
  const join = (left: string, right: string) => {
    for (const node of [left, right]) if (!parent.has(node)) parent.set(node, node);
    const [a, b] = [root(left), root(right)].sort();
    parent.set(b!, a!);
  };
  for (const pair of pairs) join(`vi:${viKey(pair.vi)}`, `en:${syllableTokens(pair.en).join(' ')}`);
  const concepts = new Map<string, string>();
  for (const pair of pairs) concepts.set(viKey(pair.vi), root(`vi:${viKey(pair.vi)}`).slice(3));
  return concepts;
}

const WORD = /[\p{L}\p{N}]+/gu;

const MARKED = /[^\p{ASCII}]/u;
const CAPITALISED_RUN = /\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,3}\b/g;

/**
 * Name pairs a confirmed English ↔ Vietnamese match teaches: a capitalised English name whose letters, spaces
 * aside, spell a marked Vietnamese name in the other claim ("Song Da" or "Songda" ↔ "Sông Đà"). Pairs the glossary
 * already has are left out.
 */
export function confirmedNamePairs(first: string, second: string, glossary: ClaimGlossary): GlossaryPair[] {
  const languages = [detectLanguage(first), detectLanguage(second)];
  const english = languages[0] === 'en' ? first : languages[1] === 'en' ? second : null;
  const vietnamese = languages[0] === 'vi' ? first : languages[1] === 'vi' ? second : null;
  if (english === null || vietnamese === null) return [];
  const words = normalizeVietnamese(vietnamese).match(WORD) ?? [];
  const pairs = new Map<string, GlossaryPair>();
  for (const [run] of english.matchAll(CAPITALISED_RUN)) {
    const letters = syllableTokens(run).join('');
    for (let start = 0; start < words.length; start += 1) {
      for (let length = 1; length <= 4 && start + length <= words.length; length += 1) {
        const name = words.slice(start, start + length);
        if (!/^\p{Lu}/u.test(name[0]!) || syllableTokens(name.join(' ')).join('') !== letters) continue;
        const pair: GlossaryPair = { vi: name.join(' '), en: run, kind: 'name' };
        if (MARKED.test(pair.vi) && !glossary.has(pair)) pairs.set(`${pair.vi}|${run}`, pair);
      }
    }
  }
  return [...pairs.values()];
}
