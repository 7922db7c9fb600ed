import type { DraftDiff, DraftDocument } from '@vigil/contracts';
import { diffArrays, diffWords } from 'diff';
import { blockText, citationNumbers } from './draft-text';

type DiffPart = DraftDiff['parts'][number];

/**
 * The readable difference between two versions' text: blocks only in one version are whole parts added or removed,
 * a changed block is compared word by word; blocks are separated by a line break.
 */
export function diffDraftDocuments(from: DraftDocument, to: DraftDocument): DraftDiff['parts'] {
  const before = blockTexts(from);
  const after = blockTexts(to);
  const parts: DiffPart[] = [];
  const blocks = (kind: DiffPart['kind'], texts: readonly string[]) => texts.forEach((text) => pushBlock(parts, [{ kind, text }], kind));
  const changes = diffArrays(before, after);
  for (let index = 0; index < changes.length; index++) {
    const change = changes[index]!;
    const next = changes[index + 1];
    if (change.removed && next?.added) {
      // Blocks replaced one for one are the same blocks edited: compare their words; the rest are whole blocks.
      const paired = Math.min(change.value.length, next.value.length);
      for (let block = 0; block < paired; block++) pushBlock(parts, wordParts(change.value[block]!, next.value[block]!), 'same');
      blocks('removed', change.value.slice(paired));
      blocks('added', next.value.slice(paired));
      index++;
    } else blocks(change.added ? 'added' : change.removed ? 'removed' : 'same', change.value);
  }
  return parts;
}

function blockTexts(document: DraftDocument): string[] {
  const numbers = citationNumbers(document);
  return document.blocks.map((block) => blockText(block, numbers));
}

function wordParts(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((change) => ({ kind: change.added ? 'added' : change.removed ? 'removed' : 'same', text: change.value }));
}

/**
 * Appends a block's parts after a line break that belongs to the block (added with an added block, removed with a
 * removed one), merging neighbours of the same kind so the client renders fewer spans.
 */
function pushBlock(parts: DiffPart[], block: readonly DiffPart[], separator: DiffPart['kind']): void {
  if (parts.length > 0) push(parts, { kind: separator, text: '\n' });
  for (const part of block) push(parts, part);
}

function push(parts: DiffPart[], part: DiffPart): void {
  if (part.text === '') return;
  const last = parts[parts.length - 1];
  if (last && last.kind === part.kind) last.text += part.text;
  else parts.push({ ...part });
}
