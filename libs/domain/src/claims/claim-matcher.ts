import { bm25Field, bm25Score, termCounts, type Bm25Field } from './bm25';
import type { ClaimGlossary } from './claim-glossary';
import { claimQuantities } from './claim-quantities';
import { claimTokens } from './claim-tokens';
import { PlaceFinder, type PlaceMention } from './place-names';

/**
 * What a claim can be matched against. Open cases now; published rebuttals become a second source (issue 10's
 * drafting) without changing the scoring: each document says which source it came from.
 */
export type ClaimSource = 'case';

export interface ClaimDocument {
  id: string;
  source: ClaimSource;
  text: string;
}

/** A score and the parts it adds up from, so an officer sees why a case was suggested. */
export interface ScoreParts {
  /** BM25 over shared syllables, bigrams and stems (folded and marked copies). */
  text: number;
  /** BM25 over shared glossary concepts: how English and Vietnamese claims meet. */
  glossary: number;
  numbers: number;
  dates: number;
  places: number;
}

export interface ClaimSuggestion {
  id: string;
  source: ClaimSource;
  score: number;
  parts: ScoreParts;
  shared: { numbers: string[]; dates: string[]; places: string[]; concepts: string[] };
}

interface ClaimFeatures {
  terms: Map<string, number>;
  termCount: number;
  concepts: Map<string, number>;
  conceptCount: number;
  numbers: Set<string>;
  dates: Set<string>;
  places: PlaceMention[];
}

interface IndexedClaim extends ClaimFeatures {
  document: ClaimDocument;
}

/** An index over a set of claims, built once per query batch (in memory: a few thousand open cases at most). */
export interface ClaimIndex {
  claims: IndexedClaim[];
  terms: Bm25Field;
  concepts: Bm25Field;
}

// Re-ranking points per shared fact, in BM25's units (a good textual match scores 10–30): enough to order
// same-topic claims by their numbers and places, too little to lift an unrelated claim that shares only a number.
const NUMBER_POINTS = 2;
const DATE_POINTS = 2;
const PLACE_POINTS = 2;
// A former province or a ward of the same current province: the same area, not the same place.
const SAME_PROVINCE_POINTS = 1;
const MAX_FACTS_COUNTED = 3;
/** Below this a suggestion is noise: one shared common word. */
export const MIN_SUGGESTION_SCORE = 3;

export class ClaimMatcher {
  constructor(
    private readonly glossary: ClaimGlossary,
    private readonly places: PlaceFinder = new PlaceFinder(),
  ) {}

  index(documents: readonly ClaimDocument[]): ClaimIndex {
    const claims = documents.map((document) => ({ document, ...this.features(document.text) }));
    return { claims, terms: bm25Field(claims.map((claim) => claim.terms)), concepts: bm25Field(claims.map((claim) => claim.concepts)) };
  }

  /** The best-scoring claims for a text, best first; `exclude` leaves out ids (the case itself, attached ones). */
  suggest(index: ClaimIndex, text: string, options: { limit?: number; exclude?: ReadonlySet<string>; minScore?: number } = {}): ClaimSuggestion[] {
    const query = this.features(text);
    const queryTerms = new Set(query.terms.keys());
    const queryConcepts = new Set(query.concepts.keys());
    const suggestions: ClaimSuggestion[] = [];
    for (const claim of index.claims) {
      if (options.exclude?.has(claim.document.id)) continue;
      const textScore = bm25Score(index.terms, queryTerms, claim.terms, claim.termCount);
      const glossaryScore = bm25Score(index.concepts, queryConcepts, claim.concepts, claim.conceptCount);
      if (textScore === 0 && glossaryScore === 0) continue;
      const numbers = [...query.numbers].filter((number) => claim.numbers.has(number));
      const dates = [...query.dates].filter((date) => claim.dates.has(date));
      const { points: placePoints, names } = sharedPlaces(query.places, claim.places);
      const parts: ScoreParts = {
        text: round(textScore),
        glossary: round(glossaryScore),
        numbers: Math.min(numbers.length, MAX_FACTS_COUNTED) * NUMBER_POINTS,
        dates: Math.min(dates.length, MAX_FACTS_COUNTED) * DATE_POINTS,
        places: placePoints,
      };
      const score = round(parts.text + parts.glossary + parts.numbers + parts.dates + parts.places);
      if (score < (options.minScore ?? MIN_SUGGESTION_SCORE)) continue;
      const concepts = [...queryConcepts].filter((concept) => claim.concepts.has(concept));
      suggestions.push({ id: claim.document.id, source: claim.document.source, score, parts, shared: { numbers, dates, places: names, concepts } });
    }
    suggestions.sort((left, right) => right.score - left.score || left.id.localeCompare(right.id));
    return suggestions.slice(0, options.limit ?? 10);
  }

  private features(text: string): ClaimFeatures {
    const tokens = claimTokens(text);
    const concepts = this.glossary.concepts(tokens);
    const { numbers, dates } = claimQuantities(text);
    return {
      terms: termCounts(tokens.terms),
      termCount: tokens.terms.length,
      concepts: termCounts(concepts),
      conceptCount: concepts.length,
      numbers: new Set(numbers),
      dates: new Set(dates),
      places: this.places.find(tokens.folded),
    };
  }
}

function sharedPlaces(query: readonly PlaceMention[], claim: readonly PlaceMention[]): { points: number; names: string[] } {
  const names: string[] = [];
  let points = 0;
  for (const place of query) {
    if (names.length >= MAX_FACTS_COUNTED) break;
    const exact = claim.some((other) => other.key === place.key);
    const sameProvince = !exact && claim.some((other) => other.provinceKey === place.provinceKey);
    if (exact || sameProvince) {
      names.push(place.name);
      points += exact ? PLACE_POINTS : SAME_PROVINCE_POINTS;
    }
  }
  return { points, names };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
