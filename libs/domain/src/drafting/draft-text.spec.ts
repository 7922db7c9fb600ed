import type { DraftDocument } from '@vigil/contracts';
import { citationNumbers, draftPlainText, draftTextLength, numberedReferences } from './draft-text';

const document: DraftDocument = {
  blocks: [
    { kind: 'heading', inlines: [{ type: 'text', text: 'Sự thật' }] },
    { kind: 'paragraph', inlines: [{ type: 'text', text: 'Đê an toàn' }, { type: 'citation', citationId: 'b' }, { type: 'citation', citationId: 'a' }] },
    { kind: 'bullet', inlines: [{ type: 'text', text: 'Lặp lại', bold: true }, { type: 'citation', citationId: 'b' }] },
  ],
  citations: [
    { id: 'a', kind: 'document', targetId: null, url: 'https://example.gov.vn/a', title: 'A' },
    { id: 'b', kind: 'document', targetId: null, url: 'https://example.gov.vn/b', title: 'B' },
    { id: 'unused', kind: 'document', targetId: null, url: 'https://example.gov.vn/c', title: 'C' },
  ],
};

describe('draft text', () => {
  it('numbers citations by first appearance in the text, then the ones never marked', () => {
    expect([...citationNumbers(document)]).toEqual([
      ['b', 1],
      ['a', 2],
      ['unused', 3],
    ]);
    expect(numberedReferences(document).map(({ number, citation }) => [number, citation.title])).toEqual([
      [1, 'B'],
      [2, 'A'],
      [3, 'C'],
    ]);
  });

  it('reads as text only, a citation mark counting as its rendered [n], one line per block', () => {
    expect(draftPlainText(document)).toBe('Sự thật\nĐê an toàn[1][2]\nLặp lại[1]');
    expect(draftTextLength(document)).toBe('Sự thật\nĐê an toàn[1][2]\nLặp lại[1]'.length);
  });

  it('counts characters, not UTF-16 units (an emoji is one), and decomposed marks as written', () => {
    const emoji: DraftDocument = { blocks: [{ kind: 'paragraph', inlines: [{ type: 'text', text: 'Đúng 👍' }] }], citations: [] };
    expect(draftTextLength(emoji)).toBe(6);
    expect(draftTextLength({ blocks: [], citations: [] })).toBe(0);
  });
});
