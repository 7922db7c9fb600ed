import type { TermVector } from '../../stories/term-vector';

/**
 * Term vectors packed as term ids and weights over one numbering, which the sentence graph's inverted index uses: it
 * takes a dot product for every pair of sentences sharing a term (tens of thousands for a large case).
 */
export interface PackedVector {
  ids: Int32Array;
  weights: Float64Array;
}

/** Packs L2-normalised vectors over one shared term numbering, so their dot products are their cosines. */
export function packVectors(vectors: readonly TermVector[]): PackedVector[] {
  const numbering = new Map<string, number>();
  return vectors.map((vector) => {
    const ids = new Int32Array(vector.size);
    const weights = new Float64Array(vector.size);
    let index = 0;
    for (const [term, weight] of vector) {
      let id = numbering.get(term);
      if (id === undefined) {
        id = numbering.size;
        numbering.set(term, id);
      }
      ids[index] = id;
      weights[index] = weight;
      index += 1;
    }
    return { ids, weights };
  });
}

/**
 * The symmetric cosine matrix of the vectors (row-major, diagonal 1 for non-empty vectors), accumulated through an
 * inverted index: only pairs sharing a term cost anything, and a term costs the pairs of sentences holding it.
 */
export function similarityMatrix(vectors: readonly PackedVector[]): Float64Array {
  const count = vectors.length;
  const matrix = new Float64Array(count * count);
  const postings: { sentences: number[]; weights: number[] }[] = [];
  for (let i = 0; i < count; i += 1) {
    const { ids, weights } = vectors[i]!;
    if (ids.length > 0) matrix[i * count + i] = 1;
    for (let t = 0; t < ids.length; t += 1) {
      const weight = weights[t]!;
      const posting = (postings[ids[t]!] ??= { sentences: [], weights: [] });
      // Earlier sentences holding the term: row i gains their products, and the mirror is copied at the end.
      for (let p = 0; p < posting.sentences.length; p += 1) matrix[i * count + posting.sentences[p]!] += weight * posting.weights[p]!;
      posting.sentences.push(i);
      posting.weights.push(weight);
    }
  }
  for (let i = 0; i < count; i += 1) for (let j = 0; j < i; j += 1) matrix[j * count + i] = matrix[i * count + j]!;
  return matrix;
}

export interface LexRankOptions {
  /** The chance of following an edge rather than jumping back to the personalisation (0.85, as in PageRank). */
  damping?: number;
  /** Edges weaker than this are dropped: two sentences sharing one common word are not about the same thing. */
  edgeThreshold?: number;
}

const ITERATIONS = 100;
const TOLERANCE = 1e-6;

/**
 * Continuous LexRank over the nodes `nodes` of a cosine matrix: personalised PageRank on the graph whose edges are the
 * similarities above the threshold, each node's out-edges normalised. A node without edges (or a walk from it) jumps
 * back by the personalisation, which is where the lead bias enters. Scores sum to 1.
 */
export function lexRank(matrix: Float64Array, size: number, nodes: readonly number[], personalization: readonly number[], options: LexRankOptions = {}): Float64Array {
  const damping = options.damping ?? 0.85;
  const threshold = options.edgeThreshold ?? 0.1;
  const count = nodes.length;
  const jump = normalizedWeights(personalization);
  const edges: { to: Int32Array; weight: Float64Array }[] = nodes.map((node, i) => {
    const to: number[] = [];
    const weight: number[] = [];
    let total = 0;
    for (let j = 0; j < count; j += 1) {
      if (i === j) continue;
      const similarity = matrix[node * size + nodes[j]!]!;
      if (similarity < threshold) continue;
      to.push(j);
      weight.push(similarity);
      total += similarity;
    }
    return { to: Int32Array.from(to), weight: Float64Array.from(weight, (value) => value / total) };
  });
  let rank = Float64Array.from(jump);
  for (let iteration = 0; iteration < ITERATIONS; iteration += 1) {
    const next = new Float64Array(count);
    let stranded = 0;
    for (let i = 0; i < count; i += 1) {
      const { to, weight } = edges[i]!;
      if (to.length === 0) stranded += rank[i]!;
      for (let e = 0; e < to.length; e += 1) next[to[e]!]! += damping * rank[i]! * weight[e]!;
    }
    let change = 0;
    for (let i = 0; i < count; i += 1) {
      next[i] = next[i]! + ((1 - damping) + damping * stranded) * jump[i]!;
      change += Math.abs(next[i]! - rank[i]!);
    }
    rank = next;
    if (change < TOLERANCE) break;
  }
  return rank;
}

function normalizedWeights(weights: readonly number[]): number[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return total > 0 ? weights.map((weight) => weight / total) : weights.map(() => 1 / (weights.length || 1));
}
