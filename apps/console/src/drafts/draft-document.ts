import type { DraftBlock, DraftCitation, DraftDocument, DraftInline } from '@vigil/contracts';
import type { JSONContent } from '@tiptap/core';

/**
 * The two shapes of a draft's body: the API keeps `DraftDocument` (blocks of inline runs and citation references),
 * the editor works on TipTap's JSON. Converting both ways here keeps HTML out of what is stored, and round-trips:
 * fromEditorContent(toEditorContent(document), document.citations) equals the document once normalised (adjacent
 * runs merged, its citations listed by first appearance).
 */

/** The TipTap node name of an inline citation reference (see citation-node.ts). */
export const CITATION_NODE = 'citation';

/** The one heading level a draft has: blocks carry no level. */
export const DRAFT_HEADING_LEVEL = 2;

type CitationsById = ReadonlyMap<string, DraftCitation>;

const EMPTY_PARAGRAPH: JSONContent = { type: 'paragraph' };

export function toEditorContent(document: DraftDocument): JSONContent {
  const content: JSONContent[] = [];
  for (const block of document.blocks) {
    const previous = content[content.length - 1];
    if (block.kind === 'bullet') {
      const item: JSONContent = { type: 'listItem', content: [paragraph(block.inlines)] };
      if (previous?.type === 'bulletList') previous.content?.push(item);
      else content.push({ type: 'bulletList', content: [item] });
    } else if (block.kind === 'quote') {
      if (previous?.type === 'blockquote') previous.content?.push(paragraph(block.inlines));
      else content.push({ type: 'blockquote', content: [paragraph(block.inlines)] });
    } else if (block.kind === 'heading') {
      content.push(withInlines({ type: 'heading', attrs: { level: DRAFT_HEADING_LEVEL } }, block.inlines));
    } else {
      content.push(paragraph(block.inlines));
    }
  }
  // The editor always holds at least one block to type in.
  return { type: 'doc', content: content.length > 0 ? content : [EMPTY_PARAGRAPH] };
}

/**
 * The editor's JSON as a draft body. `known` are the citations the text may refer to (the draft's own and those cited
 * since it was loaded); `unmarked` are references the draft lists without citing them in its text (an API client may
 * write such a list), kept as they are. The document lists the citations its text refers to, by first appearance,
 * then the unmarked ones, as the API numbers them; a citation whose last mark the writer deleted leaves the list. A
 * reference to no known citation (pasted from another draft) is left out: the API refuses a mark naming no citation.
 */
export function fromEditorContent(json: JSONContent, known: readonly DraftCitation[], unmarked: readonly DraftCitation[] = []): DraftDocument {
  const byId = new Map([...unmarked, ...known].map((citation) => [citation.id, citation]));
  const blocks: DraftBlock[] = [];
  collectBlocks(json, null, blocks, byId);
  // An editor holding nothing but the empty paragraph it always has is an empty document.
  const isEmpty = blocks.length === 1 && blocks[0]!.kind === 'paragraph' && blocks[0]!.inlines.length === 0;
  const marked = citationNumbers(blocks);
  const citations = [...[...marked.keys()].map((id) => byId.get(id)!), ...unmarked.filter((citation) => !marked.has(citation.id))];
  return { blocks: isEmpty ? [] : blocks, citations };
}

/** The references a document lists without its text citing them. */
export function unmarkedCitations(document: DraftDocument): DraftCitation[] {
  const marked = citationNumbers(document.blocks);
  return document.citations.filter((citation) => !marked.has(citation.id));
}

/** Each cited id's reference number, 1, 2, 3… by first appearance; a citation cited again keeps its number. */
export function citationNumbers(blocks: readonly DraftBlock[]): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const block of blocks) {
    for (const inline of block.inlines) {
      if (inline.type === 'citation' && !numbers.has(inline.citationId)) numbers.set(inline.citationId, numbers.size + 1);
    }
  }
  return numbers;
}

/** The text a channel limit counts, as the API counts it: blocks one per line, a citation as its "[n]". */
export function plainText(document: DraftDocument): string {
  const numbers = citationNumbers(document.blocks);
  return document.blocks
    .map((block) => block.inlines.map((inline) => (inline.type === 'text' ? inline.text : `[${numbers.get(inline.citationId) ?? '?'}]`)).join(''))
    .join('\n');
}

/** Characters as the API counts them: code points, so "ệ" is one and an emoji is one. */
export function textLength(text: string): number {
  return Array.from(text).length;
}

/** Whether two bodies say the same, so a save can be skipped. */
export function sameDocument(a: DraftDocument, b: DraftDocument): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function paragraph(inlines: readonly DraftInline[]): JSONContent {
  return withInlines({ type: 'paragraph' }, inlines);
}

function withInlines(node: JSONContent, inlines: readonly DraftInline[]): JSONContent {
  const content = inlines.flatMap(toEditorInline);
  return content.length > 0 ? { ...node, content } : node;
}

function toEditorInline(inline: DraftInline): JSONContent[] {
  if (inline.type === 'citation') return [{ type: CITATION_NODE, attrs: { citationId: inline.citationId } }];
  // ProseMirror has no empty text nodes.
  if (!inline.text) return [];
  const marks = [...(inline.bold ? [{ type: 'bold' }] : []), ...(inline.italic ? [{ type: 'italic' }] : [])];
  return [marks.length > 0 ? { type: 'text', text: inline.text, marks } : { type: 'text', text: inline.text }];
}

/**
 * Every text block in document order becomes one draft block; the innermost list or quote around it gives its kind.
 * Containers the draft has no kind for (an ordered list pasted in) keep their blocks as the nearest kind.
 */
function collectBlocks(node: JSONContent, container: 'bullet' | 'quote' | null, blocks: DraftBlock[], citations: CitationsById): void {
  switch (node.type) {
    case 'heading':
      blocks.push({ kind: 'heading', inlines: toDraftInlines(node.content, citations) });
      return;
    case 'paragraph':
      blocks.push({ kind: container ?? 'paragraph', inlines: toDraftInlines(node.content, citations) });
      return;
    case 'bulletList':
    case 'orderedList':
    case 'listItem':
      for (const child of node.content ?? []) collectBlocks(child, 'bullet', blocks, citations);
      return;
    case 'blockquote':
      for (const child of node.content ?? []) collectBlocks(child, 'quote', blocks, citations);
      return;
    default:
      for (const child of node.content ?? []) collectBlocks(child, container, blocks, citations);
  }
}

function toDraftInlines(content: readonly JSONContent[] | undefined, citations: CitationsById): DraftInline[] {
  const inlines: DraftInline[] = [];
  for (const node of content ?? []) {
    if (node.type === CITATION_NODE) {
      const citationId: unknown = node.attrs?.citationId;
      if (typeof citationId === 'string' && citations.has(citationId)) inlines.push({ type: 'citation', citationId });
    } else if (node.type === 'text' && node.text) {
      appendText(inlines, node.text, node.marks?.some((mark) => mark.type === 'bold') ?? false, node.marks?.some((mark) => mark.type === 'italic') ?? false);
    } else if (node.type === 'hardBreak') {
      appendText(inlines, ' ', false, false);
    }
  }
  return inlines;
}

/** Adjacent runs with the same styling are one run (TipTap splits them at every mark change, undo and paste). */
function appendText(inlines: DraftInline[], text: string, bold: boolean, italic: boolean): void {
  const previous = inlines[inlines.length - 1];
  if (previous?.type === 'text' && Boolean(previous.bold) === bold && Boolean(previous.italic) === italic) {
    previous.text += text;
    return;
  }
  inlines.push({ type: 'text', text, ...(bold ? { bold } : {}), ...(italic ? { italic } : {}) });
}
