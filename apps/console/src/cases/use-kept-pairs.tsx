import type { CreateGlossaryTermRequest, SimilarCaseView } from '@vigil/contracts';
import { useState, type ReactNode } from 'react';
import { CandidatePairs, pairKey } from './candidate-pairs';

interface KeptPairs {
  /** The suggestion's candidate pairs the officer left ticked: what confirming the match sends. */
  keptPairs: (suggestion: SimilarCaseView) => CreateGlossaryTermRequest[];
  /** The ticked checkboxes under a suggestion's action, or nothing when it has no candidate pairs. */
  pairsDetail: (suggestion: SimilarCaseView, disabled: boolean) => ReactNode;
}

/** Wherever a suggested match is confirmed (case page, Live): every candidate pair is kept until the officer unticks it. */
export function useKeptPairs(): KeptPairs {
  // Keyed by suggestion and pair, so unticking a pair under one suggestion leaves the same pair under another.
  const [dropped, setDropped] = useState<ReadonlySet<string>>(new Set());
  const droppedKey = (suggestion: SimilarCaseView, pair: CreateGlossaryTermRequest) => `${suggestion.caseId}|${pairKey(pair)}`;

  function toggle(suggestion: SimilarCaseView, pair: CreateGlossaryTermRequest, kept: boolean) {
    setDropped((current) => {
      const next = new Set(current);
      if (kept) next.delete(droppedKey(suggestion, pair));
      else next.add(droppedKey(suggestion, pair));
      return next;
    });
  }

  return {
    keptPairs: (suggestion) => suggestion.candidatePairs.filter((pair) => !dropped.has(droppedKey(suggestion, pair))),
    pairsDetail: (suggestion, disabled) =>
      suggestion.candidatePairs.length > 0 && (
        <CandidatePairs
          pairs={suggestion.candidatePairs}
          isKept={(pair) => !dropped.has(droppedKey(suggestion, pair))}
          onToggle={(pair, kept) => toggle(suggestion, pair, kept)}
          disabled={disabled}
        />
      ),
  };
}
