import type { DraftDiff } from '@vigil/contracts';
import { diffWords } from 'diff';

/**
 * Word by word, what `to` adds to and removes from `from`, in the shape the API's version diff has, so one view shows
 * both: used for a text that is not a stored version yet (the writer's, refused by a conflict).
 */
export function textDiff(from: string, to: string): DraftDiff['parts'] {
  return diffWords(from, to).map((change) => ({ kind: change.added ? 'added' : change.removed ? 'removed' : 'same', text: change.value }));
}
