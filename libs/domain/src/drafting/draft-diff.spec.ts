import type { DraftDocument } from '@vigil/contracts';
import { diffDraftDocuments } from './draft-diff';

const doc = (...texts: string[]): DraftDocument => ({ blocks: texts.map((text) => ({ kind: 'paragraph', inlines: [{ type: 'text', text }] })), citations: [] });

describe('diffDraftDocuments', () => {
  it('compares an edited block word by word', () => {
    expect(diffDraftDocuments(doc('Đê sông Hồng an toàn'), doc('Đê sông Hồng vẫn an toàn'))).toEqual([
      { kind: 'same', text: 'Đê sông Hồng ' },
      { kind: 'added', text: 'vẫn ' },
      { kind: 'same', text: 'an toàn' },
    ]);
  });

  it('shows whole blocks added and removed, each with its line break', () => {
    expect(diffDraftDocuments(doc('Một', 'Hai'), doc('Một', 'Hai', 'Ba'))).toEqual([
      { kind: 'same', text: 'Một\nHai' },
      { kind: 'added', text: '\nBa' },
    ]);
    expect(diffDraftDocuments(doc('Một', 'Hai', 'Ba'), doc('Một', 'Ba'))).toEqual([
      { kind: 'same', text: 'Một' },
      { kind: 'removed', text: '\nHai' },
      { kind: 'same', text: '\nBa' },
    ]);
  });

  it('finds nothing between equal versions, and diffs citation marks as their numbers', () => {
    expect(diffDraftDocuments(doc('Một'), doc('Một'))).toEqual([{ kind: 'same', text: 'Một' }]);
    const cited: DraftDocument = { blocks: [{ kind: 'paragraph', inlines: [{ type: 'text', text: 'Một ' }, { type: 'citation', citationId: 'c' }] }], citations: [{ id: 'c', kind: 'document', targetId: null, url: 'https://a.vn', title: 'A' }] };
    expect(diffDraftDocuments(doc('Một '), cited)).toEqual([
      { kind: 'same', text: 'Một ' },
      { kind: 'added', text: '[1]' },
    ]);
  });
});
