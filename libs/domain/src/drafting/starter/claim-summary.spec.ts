import { performance } from 'node:perf_hooks';
import { type SummaryItem, summarizeClaim } from './claim-summary';
import { splitSentences } from './sentence-splitter';
import { BRIDGE_CLAIM, BRIDGE_ITEMS, DYKE_CLAIM, DYKE_ITEMS, largeCase } from './starter-fixtures';

function sentencesOf(item: SummaryItem): string[] {
  return [...splitSentences(item.summary ?? ''), ...splitSentences(item.text ?? ''), item.title];
}

describe('summarizeClaim', () => {
  it('summarises a Vietnamese claim with sentences taken verbatim from the linked items', () => {
    const { sentences } = summarizeClaim(DYKE_CLAIM, DYKE_ITEMS, { sentences: 3 });
    expect(sentences).toHaveLength(3);
    const byId = new Map(DYKE_ITEMS.map((item) => [item.id, item]));
    for (const sentence of sentences) expect(sentencesOf(byId.get(sentence.itemId)!)).toContain(sentence.text);
    // The denial of the claim leads; the market report about vegetables is not part of it.
    expect(sentences[0]!.text).toMatch(/đê sông Hồng/);
    expect(sentences[0]!.score).toBe(1);
    expect(sentences.map((sentence) => sentence.itemId)).not.toContain('vi-4');
  });

  it('summarises an English claim the same way', () => {
    const { sentences } = summarizeClaim(BRIDGE_CLAIM, BRIDGE_ITEMS, { sentences: 2 });
    const byId = new Map(BRIDGE_ITEMS.map((item) => [item.id, item]));
    for (const sentence of sentences) expect(sentencesOf(byId.get(sentence.itemId)!)).toContain(sentence.text);
    expect(sentences.some((sentence) => /Riverside bridge/.test(sentence.text))).toBe(true);
  });

  it('never picks two sentences that say the same thing, even from a syndicated copy', () => {
    const { sentences } = summarizeClaim(DYKE_CLAIM, DYKE_ITEMS, { sentences: 6 });
    const texts = sentences.map((sentence) => sentence.text);
    const leads = texts.filter((text) => text.startsWith('Sở Nông nghiệp TP. Hà Nội khẳng định'));
    expect(leads).toHaveLength(1);
    expect(texts.filter((text) => text.startsWith('Thông tin đê vỡ'))).toHaveLength(1);
    expect(texts.filter((text) => text.startsWith('Tin đê sông Hồng bị vỡ ở Long Biên'))).toHaveLength(1);
  });

  it('prefers an item’s first sentences when sentences are otherwise alike', () => {
    // Four sentences sharing no words: the graph has no edges, so only the lead bias orders them.
    const unrelated = ['Mưa lớn kéo dài suốt đêm qua.', 'Giá vàng hôm nay giảm mạnh.', 'Đội tuyển bóng đá thắng trận.', 'Thư viện mở cửa thêm giờ.'];
    const item = (text: string[]): SummaryItem[] => [{ id: 'x', title: 'Tin tổng hợp', summary: null, text: text.join(' '), language: 'vi', sourceName: 'Nguồn' }];
    expect(summarizeClaim('', item(unrelated), { sentences: 1 }).sentences[0]!.text).toBe(unrelated[0]);
    const reversed = [...unrelated].reverse();
    expect(summarizeClaim('', item(reversed), { sentences: 1 }).sentences[0]!.text).toBe(reversed[0]);
  });

  it('finds the key quotes with their item and source, those about the claim first', () => {
    const { quotes } = summarizeClaim(DYKE_CLAIM, DYKE_ITEMS, { quotes: 3 });
    expect(quotes[0]).toMatchObject({ text: 'Đê sông Hồng vẫn an toàn, không có sự cố vỡ đê nào xảy ra.', itemId: 'vi-1', sourceName: 'Báo Thủ Đô Giả Định' });
    expect(quotes.map((quote) => quote.itemId)).toEqual(expect.arrayContaining(['vi-1', 'vi-2']));
    expect(quotes.at(-1)!.text).toMatch(/Rau muống/);

    const english = summarizeClaim(BRIDGE_CLAIM, BRIDGE_ITEMS, { quotes: 2 }).quotes;
    expect(english[0]).toMatchObject({ text: 'The Riverside bridge is open to traffic and was inspected this morning,', itemId: 'en-1', sourceName: 'Coastal Daily (fictional)' });
    expect(english[1]!.itemId).toBe('en-2');
  });

  it('answers nothing for a case without items', () => {
    expect(summarizeClaim(DYKE_CLAIM, [])).toEqual({ sentences: [], quotes: [] });
  });

  it('summarises a case with 50 linked items well within the time a click allows', () => {
    const items = largeCase(50);
    summarizeClaim(DYKE_CLAIM, items);
    const started = performance.now();
    const { sentences, quotes } = summarizeClaim(DYKE_CLAIM, items);
    const elapsed = performance.now() - started;
    expect(sentences).toHaveLength(5);
    expect(quotes).toHaveLength(3);
    // Under 100 ms on a quiet machine; the margin keeps a busy shared runner from failing it.
    expect(elapsed).toBeLessThan(250);
    // Fifty copies of four texts: each sentence is chosen once.
    expect(new Set(sentences.map((sentence) => sentence.text)).size).toBe(5);
  });
});
