import type { DraftCheck, DraftDocument } from '@vigil/contracts';
import { draftPlainText, draftTextLength } from './draft-text';

/** What the database says of the cited items and facts (looked up by the caller, so the checks stay pure). */
export interface CitationResolution {
  /** Items that exist, and whether each has an archived snapshot (the evidence a citation stands on). */
  items: ReadonlyMap<string, { archived: boolean }>;
  /** Facts that exist, and whether each has expired. */
  facts: ReadonlyMap<string, { expired: boolean }>;
}

export interface DraftChecksInput {
  document: DraftDocument;
  /** The channel's character limit; null when it has none. */
  lengthLimit: number | null;
  resolution: CitationResolution;
}

/**
 * The checks run before approval. Errors block it: an empty text, a citation that does not resolve (an item that
 * does not exist or was never archived, a fact that does not exist, a document URL that is not http(s)), an expired
 * fact, a text over the channel's limit. A text citing nothing is only warned about.
 */
export function runDraftChecks({ document, lengthLimit, resolution }: DraftChecksInput): { passed: boolean; checks: DraftCheck[] } {
  const checks: DraftCheck[] = [];
  if (draftPlainText(document).trim() === '') checks.push({ code: 'document_empty', severity: 'error' });
  for (const citation of document.citations) {
    if (citation.kind === 'item') {
      if (!citation.targetId || !resolution.items.get(citation.targetId)?.archived) checks.push({ code: 'citation_unresolved', severity: 'error', citationId: citation.id });
    } else if (citation.kind === 'fact') {
      const fact = citation.targetId ? resolution.facts.get(citation.targetId) : undefined;
      if (!fact) checks.push({ code: 'citation_unresolved', severity: 'error', citationId: citation.id });
      else if (fact.expired) checks.push({ code: 'fact_expired', severity: 'error', citationId: citation.id });
    } else if (!isHttpUrl(citation.url)) {
      checks.push({ code: 'citation_unresolved', severity: 'error', citationId: citation.id });
    }
  }
  const cited = document.blocks.some((block) => block.inlines.some((inline) => inline.type === 'citation'));
  if (!cited) checks.push({ code: 'citation_missing', severity: 'warning' });
  const length = draftTextLength(document);
  if (lengthLimit !== null && length > lengthLimit) checks.push({ code: 'length_exceeded', severity: 'error', length, limit: lengthLimit });
  return { passed: checks.every((check) => check.severity !== 'error'), checks };
}

/** An absolute http(s) URL with a host: what a reader can open. */
export function isHttpUrl(value: string | null): boolean {
  if (!value) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
