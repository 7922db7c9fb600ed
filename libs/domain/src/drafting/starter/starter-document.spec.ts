import { checkDraftDocument } from '../draft-document-rules';
import { factSearchPhrases } from './fact-queries';
import { type StarterContent, starterDocument } from './starter-document';

const ITEM = '3f6b8e21-5c4d-4a7e-b912-6d0e2a7c9f58';
const FACT = '6c1d8e3a-4b7f-4a2e-9d5c-3e8f1a6b2c47';

const content: StarterContent = {
  language: 'vi',
  caseTitle: 'Tin đồn vỡ đê sông Hồng',
  caseReference: 'VG-2026-0001',
  officeName: 'Sở Thông tin và Truyền thông',
  date: new Date('2026-11-27T03:00:00Z'),
  summary: [
    { text: 'Đê sông Hồng không bị vỡ.', itemId: ITEM },
    { text: 'Mực nước dưới mức báo động 1.', itemId: ITEM },
  ],
  quotes: [{ text: 'Đê vẫn an toàn.', itemId: ITEM, sourceName: 'Báo Thủ Đô' }],
  facts: [{ id: FACT, statement: 'Đê sông Hồng an toàn.', sourceName: 'Sở Nông nghiệp', sourceUrl: null, statedOn: '2026-11-20' }],
  items: new Map([[ITEM, { url: 'https://tin.example.vn/de.html', title: 'Hà Nội bác tin vỡ đê' }]]),
};

describe('starterDocument', () => {
  it('lays the parts out under plain headings when the channel has no template, each citing its source once', () => {
    const document = starterDocument(content, null);
    expect(document.citations).toEqual([
      { id: `item-${ITEM}`, kind: 'item', targetId: ITEM, url: 'https://tin.example.vn/de.html', title: 'Hà Nội bác tin vỡ đê' },
      { id: `fact-${FACT}`, kind: 'fact', targetId: FACT, url: null, title: 'Đê sông Hồng an toàn.' },
    ]);
    const mark = { type: 'citation', citationId: `item-${ITEM}` };
    expect(document.blocks).toEqual([
      { kind: 'heading', inlines: [{ type: 'text', text: 'Tin đồn vỡ đê sông Hồng' }] },
      { kind: 'paragraph', inlines: [{ type: 'text', text: 'Sở Thông tin và Truyền thông, ngày 27 tháng 11 năm 2026' }] },
      { kind: 'heading', inlines: [{ type: 'text', text: 'Tóm tắt' }] },
      { kind: 'paragraph', inlines: [{ type: 'text', text: 'Đê sông Hồng không bị vỡ.' }, mark, { type: 'text', text: ' Mực nước dưới mức báo động 1.' }, mark] },
      { kind: 'heading', inlines: [{ type: 'text', text: 'Trích dẫn' }] },
      { kind: 'quote', inlines: [{ type: 'text', text: '“Đê vẫn an toàn.” — Báo Thủ Đô ' }, mark] },
      { kind: 'heading', inlines: [{ type: 'text', text: 'Thông tin chính thức' }] },
      { kind: 'bullet', inlines: [{ type: 'text', text: 'Đê sông Hồng an toàn. (Sở Nông nghiệp, 2026-11-20) ' }, { type: 'citation', citationId: `fact-${FACT}` }] },
      { kind: 'heading', inlines: [{ type: 'text', text: 'Nguồn' }] },
      { kind: 'bullet', inlines: [mark, { type: 'text', text: ' Hà Nội bác tin vỡ đê — https://tin.example.vn/de.html' }] },
      { kind: 'bullet', inlines: [{ type: 'citation', citationId: `fact-${FACT}` }, { type: 'text', text: ' Đê sông Hồng an toàn.' }] },
    ]);
    expect(checkDraftDocument(document)).toEqual({ ok: true, document });
  });

  it('fills the channel’s template instead when there is one', () => {
    const document = starterDocument(content, 'TIN SAI: {{case_title}}\n\n{{facts}}');
    expect(document.blocks.map((block) => block.kind)).toEqual(['paragraph', 'bullet']);
    expect(document.blocks[0]!.inlines).toEqual([{ type: 'text', text: 'TIN SAI: Tin đồn vỡ đê sông Hồng' }]);
  });
});

describe('factSearchPhrases', () => {
  it('asks the library about two content words at a time, without function words or numbers', () => {
    expect(factSearchPhrases('Tin đồn đê sông Hồng bị vỡ ngày 12/8')).toEqual(['tin đồn', 'đồn đê', 'đê sông', 'sông hồng', 'hồng vỡ', 'vỡ ngày']);
    expect(factSearchPhrases('The Riverside bridge collapsed')).toEqual(['riverside bridge', 'bridge collapsed']);
    expect(factSearchPhrases('Đê')).toEqual(['đê']);
  });
});
