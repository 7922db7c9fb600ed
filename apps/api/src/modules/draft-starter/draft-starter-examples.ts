import type { DraftStarter } from '@vigil/contracts';
import { FACT_EXAMPLES } from '../facts/fact-examples';

/** /api/docs example of the draft starter: a case about a rumoured dyke breach, one item, one fact, one past rebuttal. */
const ITEM_ID = '3f6b8e21-5c4d-4a7e-b912-6d0e2a7c9f58';
const ITEM_URL = 'https://tin-nhanh.example.vn/thoi-su/de-song-hong-khong-vo';
const SENTENCE = 'Sở Nông nghiệp khẳng định đê sông Hồng đoạn qua quận Long Biên không bị vỡ.';
const QUOTE = 'Đê sông Hồng vẫn an toàn, không có sự cố vỡ đê nào xảy ra.';
const fact = FACT_EXAMPLES.FactView;
const itemCitation = { id: `item-${ITEM_ID}`, kind: 'item' as const, targetId: ITEM_ID, url: ITEM_URL, title: 'Hà Nội bác tin vỡ đê sông Hồng' };
const factCitation = { id: `fact-${fact.id}`, kind: 'fact' as const, targetId: fact.id, url: fact.sourceUrl, title: fact.statement };

export const DRAFT_STARTER_EXAMPLES: { DraftStarter: DraftStarter } = {
  DraftStarter: {
    title: 'Phản hồi: Tin đồn vỡ đê sông Hồng',
    document: {
      blocks: [
        { kind: 'heading', inlines: [{ type: 'text', text: 'THÔNG CÁO BÁO CHÍ' }] },
        { kind: 'quote', inlines: [{ type: 'text', text: `“${QUOTE}” — Báo Tin Nhanh (hư cấu) ` }, { type: 'citation', citationId: itemCitation.id }] },
        { kind: 'paragraph', inlines: [{ type: 'text', text: SENTENCE }, { type: 'citation', citationId: itemCitation.id }] },
        { kind: 'bullet', inlines: [{ type: 'text', text: `${fact.statement} (${fact.sourceName}, ${fact.statedOn}) ` }, { type: 'citation', citationId: factCitation.id }] },
      ],
      citations: [itemCitation, factCitation],
    },
    summary: [{ text: SENTENCE, itemId: ITEM_ID, score: 1 }],
    quotes: [{ text: QUOTE, itemId: ITEM_ID, sourceName: 'Báo Tin Nhanh (hư cấu)' }],
    facts: [fact],
    similarRebuttals: [
      {
        draftId: '8b2e4c6a-1d3f-4a5b-9c7e-0f2a4b6c8d1e',
        caseId: '2d4f6a8c-0e1b-4c3d-8e5f-7a9b1c3d5e7f',
        caseReference: 'HS-2026-0042',
        title: 'Thông cáo: không có chuyện vỡ đê sông Hồng',
        score: 18.4,
        excerpt: 'THÔNG CÁO BÁO CHÍ Sở Thông tin và Truyền thông khẳng định thông tin vỡ đê sông Hồng là sai sự thật…',
      },
    ],
    templateId: '4a6c8e0b-2d4f-4b6a-8c0e-1f3b5d7f9a2c',
  },
};
