import { checkDraftDocument, DRAFT_DOCUMENT_LIMITS } from './draft-document-rules';

const ITEM = '3f6b8e21-5c4d-4a7e-b912-6d0e2a7c9f58';

describe('checkDraftDocument', () => {
  it('accepts a document and rebuilds it from its known parts only', () => {
    const sent = {
      blocks: [{ kind: 'paragraph', inlines: [{ type: 'text', text: 'Đê an toàn', bold: true, color: 'red' }, { type: 'citation', citationId: 'c1' }], style: 'x' }],
      citations: [{ id: 'c1', kind: 'item', targetId: ITEM.toUpperCase(), url: null, title: 'Bài đăng', extra: 1 }],
      html: '<script>',
    };
    expect(checkDraftDocument(sent)).toEqual({
      ok: true,
      document: {
        blocks: [{ kind: 'paragraph', inlines: [{ type: 'text', text: 'Đê an toàn', bold: true }, { type: 'citation', citationId: 'c1' }] }],
        citations: [{ id: 'c1', kind: 'item', targetId: ITEM, url: null, title: 'Bài đăng' }],
      },
    });
  });

  it('refuses unknown block kinds, citation marks naming no citation, and duplicate citation ids, naming the part', () => {
    expect(checkDraftDocument({ blocks: [{ kind: 'html', inlines: [] }], citations: [] })).toMatchObject({ ok: false, field: 'document.blocks[0].kind' });
    expect(checkDraftDocument({ blocks: [{ kind: 'paragraph', inlines: [{ type: 'citation', citationId: 'x' }] }], citations: [] })).toMatchObject({ ok: false, field: 'document.blocks[0].inlines[0].citationId' });
    const twice = { id: 'a', kind: 'document', targetId: null, url: 'https://example.gov.vn', title: 'T' };
    expect(checkDraftDocument({ blocks: [], citations: [twice, twice] })).toMatchObject({ ok: false, field: 'document.citations[1].id' });
    expect(checkDraftDocument({ blocks: [{ kind: 'paragraph', inlines: [{ type: 'image', src: 'x' }] }], citations: [] })).toMatchObject({ ok: false, field: 'document.blocks[0].inlines[0].type' });
    expect(checkDraftDocument(null)).toMatchObject({ ok: false, field: 'document' });
  });

  it('keeps a document URL as written (its being http is a pre-approval check) but wants one, and item targets as UUIDs', () => {
    expect(checkDraftDocument({ blocks: [], citations: [{ id: 'd', kind: 'document', targetId: null, url: 'ftp://x', title: 'T' }] }).ok).toBe(true);
    expect(checkDraftDocument({ blocks: [], citations: [{ id: 'd', kind: 'document', targetId: null, url: null, title: 'T' }] })).toMatchObject({ ok: false, field: 'document.citations[0].url' });
    expect(checkDraftDocument({ blocks: [], citations: [{ id: 'i', kind: 'item', targetId: '42', url: null, title: 'T' }] })).toMatchObject({ ok: false, field: 'document.citations[0].targetId' });
  });

  it('bounds the size, and refuses NUL and lone surrogates that jsonb cannot hold', () => {
    const block = { kind: 'paragraph', inlines: [{ type: 'text', text: 'a' }] };
    expect(checkDraftDocument({ blocks: Array.from({ length: DRAFT_DOCUMENT_LIMITS.blocks + 1 }, () => block), citations: [] })).toMatchObject({ ok: false, field: 'document.blocks' });
    const long = { kind: 'paragraph', inlines: [{ type: 'text', text: 'a'.repeat(60_000) }] };
    expect(checkDraftDocument({ blocks: [long, long], citations: [] })).toMatchObject({ ok: false, field: 'document.blocks' });
    expect(checkDraftDocument({ blocks: [{ kind: 'paragraph', inlines: [{ type: 'text', text: 'a\u0000' }] }], citations: [] })).toMatchObject({ ok: false, field: 'document.blocks[0].inlines[0].text' });
    expect(checkDraftDocument({ blocks: [{ kind: 'paragraph', inlines: [{ type: 'text', text: '\ud800' }] }], citations: [] })).toMatchObject({ ok: false });
  });
});
