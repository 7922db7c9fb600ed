import { storyTermCounts } from '../../stories/story-terms';
import { cosineSimilarity, normalized, type TermVector, tfidfVector } from '../../stories/term-vector';
import { detectLanguage } from '../../text/language';
import { quotedSpans } from './quoted-spans';
import { lexRank, packVectors, similarityMatrix } from './sentence-graph';
import { splitSentences } from './sentence-splitter';

/** A linked item as stored: its verbatim title, feed summary and extracted text. */
export interface SummaryItem {
  id: string;
  title: string;
  summary: string | null;
  text: string | null;
  language: string | null;
  sourceName: string;
}

export interface SummarySentence {
  text: string;
  itemId: string;
  /** Its LexRank relative to the best sentence (1). */
  score: number;
}

export interface KeyQuote {
  text: string;
  itemId: string;
  sourceName: string;
  /** Likeness to the claim, a little to the summary (cosines, 0–1). */
  score: number;
}

export interface ClaimSummary {
  sentences: SummarySentence[];
  quotes: KeyQuote[];
}

export interface ClaimSummaryOptions {
  sentences?: number;
  quotes?: number;
}

// The lead carries the event; reading further mostly adds background. The graph grows with the square of its size, so
// its sentences are shared out among the items: ten each for a small case, fewer (at least three) for a large one.
const SENTENCES_PER_ITEM = 10;
const MIN_SENTENCES_PER_ITEM = 3;
const MAX_SENTENCES = 200;
// Fewer words are captions and datelines ("Ảnh: TTXVN."); more is a run-on the splitter could not cut.
const MIN_WORDS = 5;
const MAX_WORDS = 90;
// Sentences this similar are one sentence copied (syndication, a feed summary repeating the lead): ranked as one.
const NEAR_DUPLICATE = 0.75;
// MMR: relevance against novelty (0.7, the usual choice), and above this similarity a sentence is never a second pick.
const MMR_LAMBDA = 0.7;
const REDUNDANT = 0.6;
// How much a sentence's likeness to the claim adds to its lead weight when the walk jumps back.
const CLAIM_WEIGHT = 2;
// A quote is ranked by its likeness to the claim; likeness to the summary only settles near-ties (a short claim).
const QUOTE_CLAIM_SHARE = 0.9;

interface Candidate {
  text: string;
  item: SummaryItem;
  /** 0 for an item's first sentence. */
  position: number;
  counts: Map<string, number>;
}

/**
 * The claim summarised extractively from the linked items: LexRank over TF-IDF sentence vectors of the shared
 * Vietnamese-aware terms (folded syllables, their bigrams, English stems), personalised towards each item's first
 * sentences and sentences like the claim, then MMR so no two chosen sentences say the same thing; and the key quotes,
 * ranked by their likeness to the claim and the summary. Every text returned is verbatim from an item.
 */
export function summarizeClaim(claim: string, items: readonly SummaryItem[], options: ClaimSummaryOptions = {}): ClaimSummary {
  const candidates = collectCandidates(items);
  const frequencies = documentFrequencies(candidates.map((candidate) => candidate.counts));
  const vectors = candidates.map((candidate) => tfidfVector(candidate.counts, frequencies));
  const claimVector = tfidfVector(storyTermCounts({ title: '', text: claim, language: detectLanguage(claim) }), frequencies);
  const sentences = rankSentences(candidates, vectors, claimVector, options.sentences ?? 5);
  const summaryCentroid = centroid(sentences.map((sentence) => vectors[sentence.index]!));
  const quotes = rankQuotes(items, frequencies, claimVector, summaryCentroid, options.quotes ?? 3);
  return { sentences: sentences.map(({ index, score }) => ({ text: candidates[index]!.text, itemId: candidates[index]!.item.id, score })), quotes };
}

function collectCandidates(items: readonly SummaryItem[]): Candidate[] {
  const candidates: Candidate[] = [];
  // A sentence copied word for word (syndication, a feed summary repeating the lead) is one candidate, at its best position.
  const byText = new Map<string, Candidate>();
  const perItem = Math.max(MIN_SENTENCES_PER_ITEM, Math.min(SENTENCES_PER_ITEM, Math.floor(MAX_SENTENCES / (items.length || 1))));
  for (const item of items) {
    if (candidates.length >= MAX_SENTENCES) break;
    const language = item.language ?? detectLanguage(`${item.title} ${item.summary ?? ''}`);
    // Short captions are skipped after splitting, so a few more are split than kept.
    const texts = [...splitSentences(item.summary ?? '', 2 * perItem), ...splitSentences(item.text ?? '', 2 * perItem)].filter((text) => {
      const words = wordCount(text);
      return words >= MIN_WORDS && words <= MAX_WORDS;
    });
    // An item with nothing but a headline still says something about the claim.
    if (texts.length === 0 && item.title.trim()) texts.push(item.title.trim());
    let position = 0;
    for (const text of texts) {
      if (position >= perItem || candidates.length >= MAX_SENTENCES) break;
      const copied = byText.get(text);
      if (copied?.item === item) continue;
      if (copied) copied.position = Math.min(copied.position, position);
      else {
        const candidate = { text, item, position, counts: storyTermCounts({ title: '', text, language }) };
        byText.set(text, candidate);
        candidates.push(candidate);
      }
      position += 1;
    }
  }
  return candidates;
}

/** Sentence-level document frequencies, as LexRank weighs terms: a word in every sentence says little. */
function documentFrequencies(counts: readonly Map<string, number>[]) {
  const frequency = new Map<string, number>();
  for (const sentence of counts) for (const term of sentence.keys()) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  return { documents: counts.length, of: (term: string) => frequency.get(term) ?? 0 };
}

function rankSentences(candidates: readonly Candidate[], vectors: readonly TermVector[], claimVector: TermVector, limit: number): { index: number; score: number }[] {
  const size = candidates.length;
  if (size === 0 || limit <= 0) return [];
  const matrix = similarityMatrix(packVectors(vectors));
  const jumpWeight = candidates.map((candidate, index) => (1 + CLAIM_WEIGHT * cosineSimilarity(vectors[index]!, claimVector)) / (1 + candidate.position));
  // Copies are ranked once, through their first occurrence, which keeps the strongest lead weight of them all.
  const nodes: number[] = [];
  const weights: number[] = [];
  for (let index = 0; index < size; index += 1) {
    const original = nodes.findIndex((node) => matrix[node * size + index]! >= NEAR_DUPLICATE);
    if (original >= 0) weights[original] = Math.max(weights[original]!, jumpWeight[index]!);
    else {
      nodes.push(index);
      weights.push(jumpWeight[index]!);
    }
  }
  const rank = lexRank(matrix, size, nodes, weights);
  const best = Math.max(...rank);
  const relevance = Array.from(rank, (value) => (best > 0 ? value / best : 0));
  const chosen: { index: number; score: number }[] = [];
  const open = new Set(nodes.keys());
  while (chosen.length < limit && open.size > 0) {
    let pick = -1;
    let pickValue = Number.NEGATIVE_INFINITY;
    for (const node of open) {
      const redundancy = Math.max(0, ...chosen.map((sentence) => matrix[sentence.index * size + nodes[node]!]!));
      if (redundancy >= REDUNDANT) {
        open.delete(node);
        continue;
      }
      const value = MMR_LAMBDA * relevance[node]! - (1 - MMR_LAMBDA) * redundancy;
      if (value > pickValue) {
        pick = node;
        pickValue = value;
      }
    }
    if (pick < 0) break;
    open.delete(pick);
    chosen.push({ index: nodes[pick]!, score: round(relevance[pick]!) });
  }
  return chosen;
}

function rankQuotes(items: readonly SummaryItem[], frequencies: ReturnType<typeof documentFrequencies>, claimVector: TermVector, summaryCentroid: TermVector, limit: number): KeyQuote[] {
  const scored: (KeyQuote & { vector: TermVector })[] = [];
  for (const item of items) {
    const language = item.language ?? detectLanguage(`${item.title} ${item.summary ?? ''}`);
    for (const span of [...quotedSpans(item.summary ?? ''), ...quotedSpans(item.text ?? '')]) {
      const vector = tfidfVector(storyTermCounts({ title: '', text: span.text, language }), frequencies);
      const score = QUOTE_CLAIM_SHARE * cosineSimilarity(vector, claimVector) + (1 - QUOTE_CLAIM_SHARE) * cosineSimilarity(vector, summaryCentroid);
      scored.push({ text: span.text, itemId: item.id, sourceName: item.sourceName, score: round(score), vector });
    }
  }
  // Stable sort: equal scores keep the items' order and the quotes' order within an item.
  scored.sort((left, right) => right.score - left.score);
  const chosen: typeof scored = [];
  for (const quote of scored) {
    if (chosen.length >= limit) break;
    if (chosen.some((other) => cosineSimilarity(other.vector, quote.vector) >= NEAR_DUPLICATE)) continue;
    chosen.push(quote);
  }
  return chosen.map(({ text, itemId, sourceName, score }) => ({ text, itemId, sourceName, score }));
}

function centroid(vectors: readonly TermVector[]): Map<string, number> {
  const sum = new Map<string, number>();
  for (const vector of vectors) for (const [term, weight] of vector) sum.set(term, (sum.get(term) ?? 0) + weight);
  return normalized(sum);
}

/** Runs of characters between spaces: cheap enough to run on every sentence split, before any is tokenised. */
function wordCount(text: string): number {
  let words = 0;
  let inWord = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    const space = code === 32 || code === 9 || code === 10 || code === 13 || code === 160;
    if (!space && !inWord) words += 1;
    inWord = !space;
  }
  return words;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
