/** A sparse term vector: term → weight. */
export type TermVector = ReadonlyMap<string, number>;

/** What IDF needs: how many documents were counted, and in how many each term's bucket occurred. */
export interface DocumentFrequencies {
  documents: number;
  /** Documents containing the term (by its bucket); 0 for a term never seen. */
  of(term: string): number;
}

/**
 * TF-IDF, L2-normalised: sublinear term frequency (1 + ln tf) times smoothed IDF (ln((N + 1) / (df + 1)) + 1), so a
 * term never seen before weighs most and one in every document still counts a little. With few documents counted
 * (a new installation) IDF is nearly flat and the vector is close to plain term frequencies.
 */
export function tfidfVector(counts: ReadonlyMap<string, number>, frequencies: DocumentFrequencies): Map<string, number> {
  const vector = new Map<string, number>();
  for (const [term, count] of counts) {
    if (count <= 0) continue;
    const idf = Math.log((frequencies.documents + 1) / (frequencies.of(term) + 1)) + 1;
    vector.set(term, (1 + Math.log(count)) * idf);
  }
  return normalized(vector);
}

export function normalized(vector: TermVector): Map<string, number> {
  const length = norm(vector);
  const result = new Map<string, number>();
  if (length === 0) return result;
  for (const [term, weight] of vector) result.set(term, weight / length);
  return result;
}

export function norm(vector: TermVector): number {
  let sum = 0;
  for (const weight of vector.values()) sum += weight * weight;
  return Math.sqrt(sum);
}

/** Cosine similarity; 0 when either vector is empty. */
export function cosineSimilarity(left: TermVector, right: TermVector): number {
  const [small, large] = left.size <= right.size ? [left, right] : [right, left];
  let dot = 0;
  for (const [term, weight] of small) dot += weight * (large.get(term) ?? 0);
  const lengths = norm(left) * norm(right);
  return lengths === 0 ? 0 : dot / lengths;
}

/** The `count` heaviest terms, heaviest first (ties by term, so the choice is deterministic). */
export function topTerms(vector: TermVector, count: number): [string, number][] {
  return [...vector].sort(([termA, a], [termB, b]) => b - a || (termA < termB ? -1 : termA > termB ? 1 : 0)).slice(0, count);
}
