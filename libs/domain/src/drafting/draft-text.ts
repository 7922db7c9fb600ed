import type { DraftBlock, DraftCitation, DraftDocument } from '@vigil/contracts';

/**
 * Each citation's number as exports print it: by first appearance of its mark in the text, then the citations the
 * text never marks, in the order the document lists them (they still belong in the references list).
 */
export function citationNumbers(document: DraftDocument): Map<string, number> {
  const numbers = new Map<string, number>();
  const listed = new Set(document.citations.map((citation) => citation.id));
  for (const block of document.blocks) {
    for (const inline of block.inlines) {
      if (inline.type === 'citation' && listed.has(inline.citationId) && !numbers.has(inline.citationId)) numbers.set(inline.citationId, numbers.size + 1);
    }
  }
  for (const citation of document.citations) if (!numbers.has(citation.id)) numbers.set(citation.id, numbers.size + 1);
  return numbers;
}

/** The citations in reference-list order, each with its number. */
export function numberedReferences(document: DraftDocument): { number: number; citation: DraftCitation }[] {
  const numbers = citationNumbers(document);
  return document.citations.map((citation) => ({ number: numbers.get(citation.id)!, citation })).sort((a, b) => a.number - b.number);
}

/** One block's text as read: runs of text, a citation mark as its rendered `[n]`. */
export function blockText(block: DraftBlock, numbers: ReadonlyMap<string, number>): string {
  return block.inlines.map((inline) => (inline.type === 'text' ? inline.text : `[${numbers.get(inline.citationId) ?? '?'}]`)).join('');
}

/** The document as plain text, one line per block: what a channel's length limit counts. */
export function draftPlainText(document: DraftDocument): string {
  const numbers = citationNumbers(document);
  return document.blocks.map((block) => blockText(block, numbers)).join('\n');
}

/** Characters (code points, not UTF-16 units: "ệ" is one, an emoji is one) of the plain text. */
export function draftTextLength(document: DraftDocument): number {
  return Array.from(draftPlainText(document)).length;
}

export const EMPTY_DRAFT_DOCUMENT: DraftDocument = { blocks: [], citations: [] };
