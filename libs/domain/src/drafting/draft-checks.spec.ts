import type { DraftCitation, DraftDocument } from '@vigil/contracts';
import { isHttpUrl, runDraftChecks } from './draft-checks';

const ITEM = '3f6b8e21-5c4d-4a7e-b912-6d0e2a7c9f58';
const FACT = '9e4f1a2b-7c6d-4b8e-a3f5-0d2c6b9e8a17';

function citing(citations: DraftCitation[], text = 'Đê an toàn'): DraftDocument {
  return { blocks: [{ kind: 'paragraph', inlines: [{ type: 'text', text }, ...citations.map((citation) => ({ type: 'citation' as const, citationId: citation.id }))] }], citations };
}

const resolved = { items: new Map([[ITEM, { archived: true }]]), facts: new Map([[FACT, { expired: false }]]) };

describe('runDraftChecks', () => {
  it('passes a document whose item, fact and document citations all resolve', () => {
    const document = citing([
      { id: 'i', kind: 'item', targetId: ITEM, url: null, title: 'Bài' },
      { id: 'f', kind: 'fact', targetId: FACT, url: null, title: 'Sự kiện' },
      { id: 'd', kind: 'document', targetId: null, url: 'https://example.gov.vn/cv', title: 'Công văn' },
    ]);
    expect(runDraftChecks({ document, lengthLimit: null, resolution: resolved })).toEqual({ passed: true, checks: [] });
  });

  it('blocks an item that does not exist or was never archived, a missing fact, a non-http document', () => {
    const document = citing([
      { id: 'gone', kind: 'item', targetId: '00000000-0000-4000-8000-000000000000', url: null, title: 'x' },
      { id: 'bare', kind: 'item', targetId: ITEM, url: null, title: 'x' },
      { id: 'nofact', kind: 'fact', targetId: '00000000-0000-4000-8000-000000000001', url: null, title: 'x' },
      { id: 'ftp', kind: 'document', targetId: null, url: 'ftp://example.gov.vn/a', title: 'x' },
    ]);
    const unarchived = { items: new Map([[ITEM, { archived: false }]]), facts: new Map() };
    const { passed, checks } = runDraftChecks({ document, lengthLimit: null, resolution: unarchived });
    expect(passed).toBe(false);
    expect(checks).toEqual(['gone', 'bare', 'nofact', 'ftp'].map((citationId) => ({ code: 'citation_unresolved', severity: 'error', citationId })));
  });

  it('blocks an expired fact', () => {
    const document = citing([{ id: 'f', kind: 'fact', targetId: FACT, url: null, title: 'x' }]);
    const expired = { items: new Map(), facts: new Map([[FACT, { expired: true }]]) };
    expect(runDraftChecks({ document, lengthLimit: null, resolution: expired })).toEqual({ passed: false, checks: [{ code: 'fact_expired', severity: 'error', citationId: 'f' }] });
  });

  it('blocks a text over the limit, counting citation marks as [n], and only warns of a text citing nothing', () => {
    const document = citing([{ id: 'd', kind: 'document', targetId: null, url: 'https://example.gov.vn', title: 'x' }], 'a'.repeat(277));
    expect(runDraftChecks({ document, lengthLimit: 280, resolution: resolved }).passed).toBe(true);
    expect(runDraftChecks({ document, lengthLimit: 279, resolution: resolved }).checks).toEqual([{ code: 'length_exceeded', severity: 'error', length: 280, limit: 279 }]);
    expect(runDraftChecks({ document: citing([]), lengthLimit: null, resolution: resolved })).toEqual({ passed: true, checks: [{ code: 'citation_missing', severity: 'warning' }] });
  });

  it('blocks an empty text', () => {
    expect(runDraftChecks({ document: citing([], '   '), lengthLimit: null, resolution: resolved }).checks).toContainEqual({ code: 'document_empty', severity: 'error' });
    expect(runDraftChecks({ document: { blocks: [], citations: [] }, lengthLimit: null, resolution: resolved }).passed).toBe(false);
  });

  it('takes only absolute http(s) URLs as resolving', () => {
    expect(['https://example.gov.vn/a', 'http://example.gov.vn'].every(isHttpUrl)).toBe(true);
    expect(['javascript:alert(1)', 'example.gov.vn', 'ftp://x', '', null].some((url) => isHttpUrl(url))).toBe(false);
  });
});
