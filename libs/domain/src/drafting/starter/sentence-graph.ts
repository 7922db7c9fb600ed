import type { TermVector } from '../../stories/term-vector';

/**
 * Term vectors packed as sorted term ids and weights: the sentence graph takes a dot product for every pair of
 * sentences (tens of thousands for a large case), and merging two sorted arrays is several times faster than map look-ups.
 */
export interface PackedVector {
  ids: Int32Array;
  weights: Float64Array;
}

/** Packs L2-normalised vectors over one shared term numbering, so their dot product is their cosine. */
export function packVectors(vectors: readonly TermVector[]): PackedVector[] {
  const numbering = new Map<string, number>();
  return vectors.map((vector) => {
    const entries = [...vector].map(([term, weight]) => {
      let id = numbering.get(term);
      if (id === undefined) {
        id = numbering.size;
        numbering.set(term, id);
      }
      return [id, weight] as const;
    });
    entries.sort((left, right) => left[0] - right[0]);
    return { ids: Int32Array.from(entries, ([id]) => id), weights: Float64Array.from(entries, ([, weight]) => weight) };
  });
}

export function packedDot(left: PackedVector, right: PackedVector): number {
  let dot = 0;
  let i = 0;
  let j = 0;
  while (i < left.ids.length && j < right.ids.length) {
    const a = left.ids[i]!;
    const b = right.ids[j]!;
    if (a === b) {
      dot += left.weights[i]! * right.weights[j]!;
      i += 1;
      j += 1;
    } else if (a < b) i += 1;
    else j += 1;
  }
  return dot;
}

/** The symmetric cosine matrix of the vectors (row-major, diagonal 1 for non-empty vectors). */
export function similarityMatrix(vectors: readonly PackedVector[]): Float64Array {
  const count = vectors.length;
  const matrix = new Float64Array(count * count);
  for (let i = 0; i < count; i += 1) {
    matrix[i * count + i] = vectors[i]!.ids.length > 0 ? 1 : 0;
    for (let j = i + 1; j < count; j += 1) {
      const similarity = packedDot(vectors[i]!, vectors[j]!);
      matrix[i * count + j] = similarity;
      matrix[j * count + i] = similarity;
    }
  }
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
