import { cosineSimilarity, type DocumentFrequencies, type TermVector, topTerms } from './term-vector';

/**
 * Cosine (item vector vs story centroid) from which an item joins a story. On the fixtures of
 * story-assignment.spec.ts and test/collection/stories.e2e-spec.ts, two differently worded reports of one event
 * (with or without diacritics) score 0.25–0.62 against each other, and more against the centroid of a story of
 * several, while reports of different events score at most 0.16 (a fair and a flood in the same province, which share
 * its name). 0.2 sits in the middle of that gap. With few documents counted (a new installation) IDF barely
 * separates common from rare terms and scores are lowest, which is where the fixtures were measured.
 */
export const STORY_SIMILARITY_THRESHOLD = 0.2;

/** Stories whose latest item is older than this are closed: a new report starts a new story. */
export const STORY_TOPIC_WINDOW_MS = 48 * 3_600_000;

/** How many of an item's heaviest terms pick its candidate stories (a candidate shares at least one). */
export const CANDIDATE_TERMS = 16;

/**
 * The terms that pick an item's candidate stories: its heaviest terms that some earlier document had. A term never
 * seen before weighs most (highest IDF) but is in no centroid, so it could only crowd out the terms that find one.
 */
export function candidateTerms(vector: TermVector, frequencies: DocumentFrequencies, count = CANDIDATE_TERMS): string[] {
  const seen = new Map([...vector].filter(([term]) => frequencies.of(term) > 0));
  return topTerms(seen, count).map(([term]) => term);
}

export interface StoryCandidate<Key> {
  key: Key;
  centroid: TermVector;
  lastItemAt: Date;
}

/**
 * Single-pass clustering: the candidate within the window most similar to the item, if at least `threshold`;
 * null means the item starts a story of its own.
 */
export function chooseStory<Key>(
  vector: TermVector,
  candidates: readonly StoryCandidate<Key>[],
  at: Date,
  threshold = STORY_SIMILARITY_THRESHOLD,
): { key: Key; similarity: number } | null {
  let best: { key: Key; similarity: number } | null = null;
  for (const candidate of candidates) {
    if (at.getTime() - candidate.lastItemAt.getTime() > STORY_TOPIC_WINDOW_MS) continue;
    const similarity = cosineSimilarity(vector, candidate.centroid);
    if (similarity >= threshold && (!best || similarity > best.similarity)) best = { key: candidate.key, similarity };
  }
  return best;
}
