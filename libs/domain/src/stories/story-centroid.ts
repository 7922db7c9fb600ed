import { topTerms, type TermVector } from './term-vector';

// Enough terms to carry an event's places, actors and actions and their bigrams; small enough that a centroid row
// stays a few kilobytes and comparing one costs next to nothing.
export const CENTROID_TERMS = 64;

/** A story's centroid: the running mean of its items' normalised vectors, kept to its heaviest terms. */
export interface StoryCentroid {
  terms: Map<string, number>;
  itemCount: number;
}

/** The centroid of a story of one item. */
export function centroidOf(vector: TermVector): StoryCentroid {
  return { terms: new Map(topTerms(vector, CENTROID_TERMS)), itemCount: 1 };
}

/**
 * The centroid after one more item joins: mean = (mean·n + v) / (n + 1), then truncated to the top terms. Terms cut
 * earlier count as 0, so the mean is approximate; it drifts toward what the story's items keep sharing, which is
 * what later items are compared with.
 */
export function withItem(centroid: StoryCentroid, vector: TermVector): StoryCentroid {
  const count = centroid.itemCount;
  const sum = new Map<string, number>();
  for (const [term, weight] of centroid.terms) sum.set(term, weight * count);
  for (const [term, weight] of vector) sum.set(term, (sum.get(term) ?? 0) + weight);
  const mean = new Map<string, number>();
  for (const [term, weight] of sum) mean.set(term, weight / (count + 1));
  return { terms: new Map(topTerms(mean, CENTROID_TERMS)), itemCount: count + 1 };
}
