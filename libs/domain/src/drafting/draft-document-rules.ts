import { CITATION_KINDS, DRAFT_BLOCK_KINDS, type DraftBlock, type DraftCitation, type DraftDocument, type DraftInline } from '@vigil/contracts';

/** Bounds a document must keep: far above any rebuttal, low enough that one save cannot fill the database. */
export const DRAFT_DOCUMENT_LIMITS = { blocks: 500, inlinesPerBlock: 400, characters: 100_000, citations: 200, citationTitle: 500, url: 2000, citationId: 64 } as const;

export type DraftDocumentCheck = { ok: true; document: DraftDocument } | { ok: false; field: string; message: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CITATION_ID = /^[A-Za-z0-9_-]+$/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

class Refused extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Checks a document sent by a client and returns it rebuilt from its known parts only (no stray properties reach the
 * jsonb): known block kinds, text without NUL or lone surrogates, citation marks naming citations of the document,
 * and the size bounds. A document URL is kept as sent (its being http(s) is a pre-approval check, so a writer can
 * save a half-finished citation); an item or fact citation names its target by UUID.
 */
export function checkDraftDocument(value: unknown, field = 'document'): DraftDocumentCheck {
  try {
    return { ok: true, document: readDocument(value, field) };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, field: error.field, message: error.message };
    throw error;
  }
}

function readDocument(value: unknown, field: string): DraftDocument {
  const document = record(value, field);
  const citations = list(document.citations, `${field}.citations`, DRAFT_DOCUMENT_LIMITS.citations).map((citation, index) => readCitation(citation, `${field}.citations[${index}]`));
  const ids = new Set<string>();
  citations.forEach((citation, index) => {
    if (ids.has(citation.id)) throw new Refused(`${field}.citations[${index}].id`, `citation id ${citation.id} appears twice`);
    ids.add(citation.id);
  });
  let characters = 0;
  const blocks = list(document.blocks, `${field}.blocks`, DRAFT_DOCUMENT_LIMITS.blocks).map((block, index) => {
    const read = readBlock(block, `${field}.blocks[${index}]`, ids);
    for (const inline of read.inlines) if (inline.type === 'text') characters += inline.text.length;
    return read;
  });
  if (characters > DRAFT_DOCUMENT_LIMITS.characters) throw new Refused(`${field}.blocks`, `the text must not pass ${DRAFT_DOCUMENT_LIMITS.characters} characters`);
  return { blocks, citations };
}

function readBlock(value: unknown, field: string, citationIds: ReadonlySet<string>): DraftBlock {
  const block = record(value, field);
  const kind = oneOf(block.kind, DRAFT_BLOCK_KINDS, `${field}.kind`);
  const inlines = list(block.inlines, `${field}.inlines`, DRAFT_DOCUMENT_LIMITS.inlinesPerBlock).map((inline, index) => readInline(inline, `${field}.inlines[${index}]`, citationIds));
  return { kind, inlines };
}

function readInline(value: unknown, field: string, citationIds: ReadonlySet<string>): DraftInline {
  const inline = record(value, field);
  if (inline.type === 'citation') {
    const citationId = text(inline.citationId, `${field}.citationId`, DRAFT_DOCUMENT_LIMITS.citationId);
    if (!citationIds.has(citationId)) throw new Refused(`${field}.citationId`, `citation mark ${citationId} names no citation of the document`);
    return { type: 'citation', citationId };
  }
  if (inline.type !== 'text') throw new Refused(`${field}.type`, 'an inline is text or a citation');
  const read: DraftInline = { type: 'text', text: text(inline.text, `${field}.text`, DRAFT_DOCUMENT_LIMITS.characters, true) };
  if (inline.bold !== undefined) read.bold = bool(inline.bold, `${field}.bold`);
  if (inline.italic !== undefined) read.italic = bool(inline.italic, `${field}.italic`);
  return read;
}

function readCitation(value: unknown, field: string): DraftCitation {
  const citation = record(value, field);
  const id = text(citation.id, `${field}.id`, DRAFT_DOCUMENT_LIMITS.citationId);
  if (!CITATION_ID.test(id)) throw new Refused(`${field}.id`, 'a citation id is letters, digits, _ and -');
  const kind = oneOf(citation.kind, CITATION_KINDS, `${field}.kind`);
  const title = text(citation.title, `${field}.title`, DRAFT_DOCUMENT_LIMITS.citationTitle);
  const url = citation.url === null || citation.url === undefined ? null : text(citation.url, `${field}.url`, DRAFT_DOCUMENT_LIMITS.url);
  if (kind === 'document') {
    if (url === null) throw new Refused(`${field}.url`, 'a document citation gives its URL');
    if (citation.targetId !== null && citation.targetId !== undefined) throw new Refused(`${field}.targetId`, 'a document citation has no targetId');
    return { id, kind, targetId: null, url, title };
  }
  const targetId = text(citation.targetId, `${field}.targetId`, 36);
  if (!UUID.test(targetId)) throw new Refused(`${field}.targetId`, `an ${kind} citation names its ${kind} by UUID`);
  return { id, kind, targetId: targetId.toLowerCase(), url, title };
}

function record(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Refused(field, `${field} must be an object`);
  return value as Record<string, unknown>;
}

function list(value: unknown, field: string, max: number): unknown[] {
  if (!Array.isArray(value)) throw new Refused(field, `${field} must be an array`);
  if (value.length > max) throw new Refused(field, `${field} must not hold more than ${max} entries`);
  return value;
}

function text(value: unknown, field: string, max: number, emptyAllowed = false): string {
  if (typeof value !== 'string') throw new Refused(field, `${field} must be a string`);
  if (!emptyAllowed && value.trim() === '') throw new Refused(field, `${field} must not be empty`);
  if (value.length > max) throw new Refused(field, `${field} must not pass ${max} characters`);
  if (value.includes('\u0000')) throw new Refused(field, `${field} must not contain the NUL character`);
  if (LONE_SURROGATE.test(value)) throw new Refused(field, `${field} must be well-formed Unicode (no unpaired surrogate)`);
  return value;
}

function bool(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw new Refused(field, `${field} must be true or false`);
  return value;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) throw new Refused(field, `${field} must be one of ${allowed.join(', ')}`);
  return value as T;
}
