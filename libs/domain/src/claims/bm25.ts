/** Okapi BM25 over one field of documents given as term counts (k1 = 1.2, b = 0.75, Lucene's smoothed IDF). */
const K1 = 1.2;
const B = 0.75;

export interface Bm25Field {
  documentFrequency: Map<string, number>;
  averageLength: number;
  documents: number;
}

export function bm25Field(documents: readonly ReadonlyMap<string, number>[]): Bm25Field {
  const documentFrequency = new Map<string, number>();
  let total = 0;
  for (const counts of documents) {
    for (const [term, count] of counts) {
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
      total += count;
    }
  }
  return { documentFrequency, averageLength: documents.length ? total / documents.length : 0, documents: documents.length };
}

/** The document's score for the query's distinct terms. */
export function bm25Score(field: Bm25Field, query: ReadonlySet<string>, document: ReadonlyMap<string, number>, length: number): number {
  let score = 0;
  const norm = K1 * (1 - B + (B * length) / (field.averageLength || 1));
  for (const term of query) {
    const frequency = document.get(term);
    if (!frequency) continue;
    const df = field.documentFrequency.get(term) ?? 0;
    const idf = Math.log(1 + (field.documents - df + 0.5) / (df + 0.5));
    score += (idf * frequency * (K1 + 1)) / (frequency + norm);
  }
  return score;
}

export function termCounts(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}
