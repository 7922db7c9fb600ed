// The console's TipTap ↔ DraftDocument conversion (issue 11), run against the editor's real schema, and its copy of
// the review workflow checked against the API's. The console has no Jest project of its own (its sources build with
// Vite), so this pure spec lives with the console specs.
import { getSchema, type JSONContent } from '@tiptap/core';
import { CASE_SEVERITIES, DRAFT_STATUSES, ROLES, type DraftCitation, type DraftDocument, type Role, type UserView } from '@vigil/contracts';
import { allowedDraftActions } from '@vigil/domain';
import { citeSource } from '../../apps/console/src/drafts/citation-drag';
import { canEditDrafts, draftActions } from '../../apps/console/src/drafts/draft-actions';
import { citationNumbers, fromEditorContent, plainText, textLength, toEditorContent, unmarkedCitations } from '../../apps/console/src/drafts/draft-document';
import { DRAFT_EXTENSIONS } from '../../apps/console/src/drafts/draft-extensions';

const schema = getSchema(DRAFT_EXTENSIONS);

const ITEM: DraftCitation = { id: 'c-item', kind: 'item', targetId: '6f1c2a4e-0d7b-4c55-9a1e-2b3c4d5e6f70', url: 'https://tin.mientay.example.vn/de-bao', title: 'Tin đồn vỡ đê bao Tân Phú' };
const FACT: DraftCitation = { id: 'c-fact', kind: 'fact', targetId: '0b8e7d6c-5a4f-4e3d-8c2b-1a0f9e8d7c6b', url: null, title: 'Đê bao Tân Phú được gia cố năm 2025' };
const DECREE: DraftCitation = { id: 'c-doc', kind: 'document', targetId: null, url: 'https://chinhphu.example.vn/nghi-dinh-12', title: 'Nghị định 12/2026/NĐ-CP' };

/** Every block kind, bold and italic runs, a citation cited twice, consecutive bullets and quotes. */
const DOCUMENT: DraftDocument = {
  blocks: [
    { kind: 'heading', inlines: [{ type: 'text', text: 'Thông tin về đê bao Tân Phú' }] },
    {
      kind: 'paragraph',
      inlines: [
        { type: 'text', text: 'Đê bao ' },
        { type: 'text', text: 'không hề vỡ', bold: true },
        { type: 'text', text: ', như tin đồn ' },
        { type: 'text', text: 'lan truyền', italic: true },
        { type: 'text', text: ' đã nói ', bold: true, italic: true },
        { type: 'citation', citationId: 'c-item' },
        { type: 'text', text: '.' },
      ],
    },
    { kind: 'bullet', inlines: [{ type: 'text', text: 'Đê được gia cố ' }, { type: 'citation', citationId: 'c-fact' }] },
    { kind: 'bullet', inlines: [{ type: 'text', text: 'Nguồn gốc tin đồn ' }, { type: 'citation', citationId: 'c-item' }] },
    { kind: 'paragraph', inlines: [] },
    { kind: 'quote', inlines: [{ type: 'text', text: '“Không có sự cố nào xảy ra.”' }] },
    { kind: 'quote', inlines: [{ type: 'text', text: 'Theo ' }, { type: 'citation', citationId: 'c-doc' }] },
  ],
  citations: [ITEM, FACT, DECREE],
};

/** Through the editor's schema, as ProseMirror would hold it, and back to JSON. */
function throughEditor(json: JSONContent): JSONContent {
  const node = schema.nodeFromJSON(json);
  node.check();
  return node.toJSON() as JSONContent;
}

describe('draft document ↔ TipTap JSON', () => {
  it('gives the editor content its schema accepts, and reads it back as the same document', () => {
    const json = throughEditor(toEditorContent(DOCUMENT));
    expect(fromEditorContent(json, DOCUMENT.citations)).toEqual(DOCUMENT);
  });

  it('keeps consecutive bullets in one list and consecutive quotes in one quote', () => {
    const json = toEditorContent(DOCUMENT);
    expect(json.content?.map((node) => node.type)).toEqual(['heading', 'paragraph', 'bulletList', 'paragraph', 'blockquote']);
    expect(json.content?.[2]?.content).toHaveLength(2);
    expect(json.content?.[4]?.content).toHaveLength(2);
  });

  it('never stores HTML: citations are atoms holding only the citation id', () => {
    const json = toEditorContent(DOCUMENT);
    expect(JSON.stringify(json)).not.toMatch(/<[a-z]/i);
    expect(json.content?.[1]?.content?.find((node) => node.type === 'citation')).toEqual({ type: 'citation', attrs: { citationId: 'c-item' } });
  });

  it('merges the runs TipTap splits at every mark change and drops the marks a draft cannot keep', () => {
    const json: JSONContent = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Cảnh ', marks: [{ type: 'bold' }] },
            { type: 'text', text: 'báo', marks: [{ type: 'bold' }, { type: 'strike' }] },
            { type: 'text', text: ' sai' },
            { type: 'text', text: ' lệch' },
          ],
        },
      ],
    };
    expect(fromEditorContent(json, []).blocks).toEqual([
      {
        kind: 'paragraph',
        inlines: [
          { type: 'text', text: 'Cảnh báo', bold: true },
          { type: 'text', text: ' sai lệch' },
        ],
      },
    ]);
  });

  it('reads an empty editor as an empty document, and gives an empty document one paragraph to type in', () => {
    const empty: DraftDocument = { blocks: [], citations: [] };
    const json = throughEditor(toEditorContent(empty));
    expect(json).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    expect(fromEditorContent(json, [])).toEqual(empty);
  });

  it('lists citations by first appearance, keeps the references the draft listed unmarked, drops unmarked ones and unknown marks', () => {
    const cited = { id: 'c-new', kind: 'document', targetId: null, url: 'https://bo.example.vn/thong-bao', title: 'Thông báo của Bộ' } satisfies DraftCitation;
    const json: JSONContent = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'citation', attrs: { citationId: 'c-new' } },
            { type: 'text', text: ' và ' },
            { type: 'citation', attrs: { citationId: 'c-fact' } },
            { type: 'citation', attrs: { citationId: 'c-pasted-from-elsewhere' } },
          ],
        },
      ],
    };
    // c-item was listed without a mark; c-doc was cited and its mark deleted.
    const document = fromEditorContent(json, [cited, FACT, DECREE], [ITEM]);
    expect(document.citations.map((citation) => citation.id)).toEqual(['c-new', 'c-fact', 'c-item']);
    expect(document.blocks[0]!.inlines).toEqual([
      { type: 'citation', citationId: 'c-new' },
      { type: 'text', text: ' và ' },
      { type: 'citation', citationId: 'c-fact' },
    ]);
  });

  it('flattens a pasted ordered list into bullets and a quoted list into bullets', () => {
    const json: JSONContent = {
      type: 'doc',
      content: [
        { type: 'orderedList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Một' }] }] }] },
        { type: 'blockquote', content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hai' }] }] }] }] },
      ],
    };
    expect(fromEditorContent(json, []).blocks.map((block) => block.kind)).toEqual(['bullet', 'bullet']);
  });
});

describe('citation numbers and length', () => {
  it('finds the references a document lists without citing them', () => {
    expect(unmarkedCitations({ ...DOCUMENT, citations: [...DOCUMENT.citations, { ...DECREE, id: 'c-listed' }] }).map((citation) => citation.id)).toEqual(['c-listed']);
  });

  it('numbers citations by first appearance, a citation cited again keeping its number', () => {
    expect([...citationNumbers(DOCUMENT.blocks)]).toEqual([
      ['c-item', 1],
      ['c-fact', 2],
      ['c-doc', 3],
    ]);
  });

  it('counts the plain text as the API does: one line per block, a citation as its [n], code points', () => {
    const text = plainText(DOCUMENT);
    expect(text.split('\n')).toEqual([
      'Thông tin về đê bao Tân Phú',
      'Đê bao không hề vỡ, như tin đồn lan truyền đã nói [1].',
      'Đê được gia cố [2]',
      'Nguồn gốc tin đồn [1]',
      '',
      '“Không có sự cố nào xảy ra.”',
      'Theo [3]',
    ]);
    expect(textLength('Đê 🌊')).toBe(4);
  });

  it('cites a source already cited under its existing citation, and a new one under a new id', () => {
    const again = citeSource([ITEM, FACT], { kind: 'item', targetId: ITEM.targetId, url: null, title: 'another title' });
    expect(again.citation).toBe(ITEM);
    expect(again.known).toHaveLength(2);
    const fresh = citeSource([ITEM], { kind: 'document', targetId: null, url: 'https://bo.example.vn/moi', title: 'Văn bản mới' });
    expect(fresh.citation.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(fresh.known.map((citation) => citation.id)).toEqual(['c-item', fresh.citation.id]);
  });
});

describe('review buttons', () => {
  const roleSets: Role[][] = [...ROLES.map((role) => [role]), ['writer', 'reviewer'], ['reviewer', 'leader'], ['admin', 'leader']];

  it.each(roleSets.map((roles) => [roles.join('+'), roles] as const))('offers %s exactly the steps the API allows, sign-off being an approval', (_name, roles) => {
    for (const status of DRAFT_STATUSES) {
      for (const severity of CASE_SEVERITIES) {
        const shown = draftActions(status, roles).map((action) => (action === 'sign-off' ? 'approve' : action));
        expect({ status, severity, shown }).toEqual({ status, severity, shown: allowedDraftActions(status, severity, roles) });
      }
    }
  });

  it('lets every newsroom role and admins write drafts, duty officers only read them', () => {
    const user = (roles: Role[]): UserView => ({ id: 'u', username: 'u', displayName: 'U', roles, disabled: false, mustChangePassword: false, createdAt: '' });
    expect(ROLES.filter((role) => canEditDrafts(user([role])))).toEqual(['admin', 'writer', 'reviewer', 'leader']);
  });
});
