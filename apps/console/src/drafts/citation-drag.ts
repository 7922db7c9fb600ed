import { CITATION_KINDS, type CitationKind, type DraftCitation } from '@vigil/contracts';

/** What a citation points at, before it has an id in a draft. */
export type CitationSource = Omit<DraftCitation, 'id'>;

/**
 * Evidence dragged onto the editor travels under the console's own type only: with no text/plain beside it, a drop
 * the editor does not take as a citation inserts nothing.
 */
const CITATION_DRAG_TYPE = 'application/x-vigil-citation';

export function writeCitationDrag(transfer: DataTransfer, source: CitationSource): void {
  transfer.setData(CITATION_DRAG_TYPE, JSON.stringify(source));
  transfer.effectAllowed = 'copy';
}

export function readCitationDrag(transfer: DataTransfer | null): CitationSource | null {
  const data = transfer?.getData(CITATION_DRAG_TYPE);
  if (!data) return null;
  try {
    const value = JSON.parse(data) as Partial<Record<keyof CitationSource, unknown>>;
    if (!isCitationKind(value.kind) || typeof value.title !== 'string') return null;
    return {
      kind: value.kind,
      targetId: typeof value.targetId === 'string' ? value.targetId : null,
      url: typeof value.url === 'string' ? value.url : null,
      title: value.title,
    };
  } catch {
    return null;
  }
}

/**
 * The draft's citation for a source: the one it has already (an item, fact or document cited again keeps its number),
 * or a new one, with its id made here since citation ids are the draft's own and stay the same across versions.
 */
export function citeSource(known: readonly DraftCitation[], source: CitationSource): { citation: DraftCitation; known: DraftCitation[] } {
  const existing = known.find((citation) => citation.kind === source.kind && (source.kind === 'document' ? citation.url === source.url : citation.targetId === source.targetId));
  if (existing) return { citation: existing, known: [...known] };
  const citation: DraftCitation = { id: newCitationId(), ...source };
  return { citation, known: [...known, citation] };
}

/** A version 4 UUID from getRandomValues, which (unlike randomUUID) also exists on a console served over plain HTTP. */
function newCitationId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function isCitationKind(value: unknown): value is CitationKind {
  return (CITATION_KINDS as readonly unknown[]).includes(value);
}
