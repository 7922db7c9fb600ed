import { randomUUID } from 'node:crypto';
import type { CaseView, DraftList, DraftStarter, DraftView, FactView } from '@vigil/contracts';
import { officeDay, toSearchText } from '@vigil/domain';
import { ItemsRepository } from '@vigil/persistence';
import { TestClock } from '@vigil/testing';
import { DataSource } from 'typeorm';
import { CaseHistory } from '../cases/support/case-history';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';
import { DraftingDesk, paragraph } from './support/drafting-desk';

const DAY_MS = 86_400_000;

interface StoredItem {
  id: string;
  url: string;
  title: string;
  summary: string;
  text: string;
}

/**
 * "New draft" (issue 11) over real HTTP on fixture cases in Vietnamese and in English: the summary's sentences come
 * verbatim from the linked items (directly or through a linked story or flag) and the document cites them, the relevant fact
 * is offered and cited, and the approved rebuttal of the past case about the same claim ranks first. Nothing is stored.
 */
describe('Draft starter', () => {
  let vigil: VigilTestApp;
  let desk: DraftingDesk;
  let history: CaseHistory;

  beforeAll(async () => {
    vigil = await startVigil({}, { clock: new TestClock() });
    desk = new DraftingDesk(vigil);
    history = new CaseHistory(vigil);
    await desk.signIn('starter');
  }, 60_000);

  afterAll(async () => vigil?.close());

  const day = (days: number) => officeDay(new Date(vigil.clock.now().getTime() + days * DAY_MS));
  const start = (body: Record<string, unknown>, who = 'writer') => desk.api<DraftStarter>('POST', '/api/drafts/starter', who, body);

  /** Items stored as collection stores them (title, the feed's summary, the extracted text), from one source. */
  async function storeItems(sourceName: string, language: 'vi' | 'en', items: { title: string; summary: string; text: string }[]): Promise<StoredItem[]> {
    const sourceId = await history.source(sourceName);
    const fetchedAt = new Date(vigil.clock.now().getTime() - 3_600_000);
    const rows = items.map((item) => {
      const url = `https://tin.example.vn/${randomUUID()}.html`;
      return {
        sourceId, dedupeKey: url, guid: null, url, canonicalUrl: url, title: item.title, content: item.summary, text: item.text, snippet: item.summary.slice(0, 200),
        byline: null, imageUrls: [], updatedAt: null, contentHash: randomUUID(), entryHash: null, language, publishedAt: fetchedAt, fetchedAt,
        searchTitle: toSearchText(item.title), searchText: toSearchText(item.text),
      };
    });
    const written = await vigil.app.get(ItemsRepository).upsert(rows);
    return written.map((row, index) => ({ id: row.id, url: rows[index]!.url, ...items[index]! }));
  }

  async function addFact(fact: { statement: string; sourceName: string; language: 'vi' | 'en'; validUntil?: string }): Promise<FactView> {
    const created = await desk.api<FactView>('POST', '/api/facts', 'writer', { statedOn: day(-20), sourceUrl: 'https://example.gov.vn/thong-bao', ...fact });
    expect(created.status).toBe(201);
    return created.body;
  }

  /** A past case about `title` whose rebuttal a reviewer approved. */
  async function pastRebuttal(title: string, draftTitle: string, text: string, language: 'vi' | 'en'): Promise<{ caseId: string; draftId: string }> {
    const opened = await desk.openCase('high', { title });
    expect((await desk.api('POST', `/api/cases/${opened.id}/transition`, 'officer', { to: 'acknowledged' })).status).toBe(200);
    const item = await desk.item(title);
    await desk.link(opened.id, item.id);
    const document = { blocks: [paragraph(text, 'c1')], citations: [{ id: 'c1', kind: 'item', targetId: item.id, url: item.url, title }] };
    const created = await desk.api<DraftView>('POST', `/api/cases/${opened.id}/drafts`, 'writer', { title: draftTitle, channel: 'press_statement', language, document });
    expect(created.status).toBe(201);
    expect((await desk.api('POST', `/api/drafts/${created.body.id}/submit`, 'writer', { version: 1 })).status).toBe(200);
    expect((await desk.api<DraftView>('POST', `/api/drafts/${created.body.id}/approve`, 'reviewer', { version: 1 })).body.status).toBe('approved');
    return { caseId: opened.id, draftId: created.body.id };
  }

  function expectSummaryFromItems(starter: DraftStarter, items: readonly StoredItem[]): void {
    expect(starter.summary.length).toBeGreaterThanOrEqual(2);
    const byId = new Map(items.map((item) => [item.id, item]));
    for (const sentence of starter.summary) {
      const item = byId.get(sentence.itemId);
      expect(item).toBeDefined();
      expect(`${item!.summary}\n${item!.text}`).toContain(sentence.text);
    }
  }

  /** Every item the summary and quotes use is a citation of the document, marked in its text. */
  function expectEvidenceCited(starter: DraftStarter, items: readonly StoredItem[]): void {
    const marks = new Set(starter.document.blocks.flatMap((block) => block.inlines.flatMap((inline) => (inline.type === 'citation' ? [inline.citationId] : []))));
    for (const itemId of new Set([...starter.summary, ...starter.quotes].map((part) => part.itemId))) {
      const item = items.find((candidate) => candidate.id === itemId)!;
      const citation = starter.document.citations.find((candidate) => candidate.kind === 'item' && candidate.targetId === itemId);
      expect(citation).toMatchObject({ kind: 'item', targetId: itemId, url: item.url, title: item.title });
      expect(marks).toContain(citation!.id);
    }
    const text = starter.document.blocks.flatMap((block) => block.inlines.map((inline) => (inline.type === 'text' ? inline.text : ''))).join(' ');
    for (const sentence of starter.summary) expect(text).toContain(sentence.text);
  }

  it('starts a Vietnamese press statement from the case: summary from the items, cited, the fact, the closest past rebuttal first', async () => {
    const sameClaim = await pastRebuttal('Tin đồn vỡ đê sông Hồng ở Long Biên', 'Thông cáo: đê sông Hồng không vỡ', 'Đê sông Hồng đoạn qua Long Biên vẫn an toàn, thông tin vỡ đê là sai sự thật.', 'vi');
    const otherClaim = await pastRebuttal('Tin đồn giá điện tăng gấp đôi từ tháng sau', 'Thông cáo: giá điện không tăng gấp đôi', 'Giá điện bán lẻ giữ nguyên, thông tin tăng gấp đôi là sai sự thật.', 'vi');

    const [direct] = await storeItems('Báo Thủ Đô (hư cấu)', 'vi', [
      {
        title: 'Hà Nội bác tin vỡ đê sông Hồng',
        summary: 'Sở Nông nghiệp TP. Hà Nội khẳng định đê sông Hồng đoạn qua quận Long Biên không bị vỡ.',
        text:
          'Sở Nông nghiệp TP. Hà Nội khẳng định đê sông Hồng đoạn qua quận Long Biên không bị vỡ. ' +
          'Thông tin đê vỡ, nước tràn vào quận Long Biên lan truyền trên mạng xã hội từ tối 12/8. ' +
          'Ông Phạm Văn Định, Phó giám đốc Sở, nói: “Đê sông Hồng vẫn an toàn, không có sự cố vỡ đê nào xảy ra.” ' +
          'Mực nước sông Hồng tại trạm Long Biên đạt 9,5 m, dưới mức báo động 1.',
      },
    ]);
    const storyItems = await storeItems('Tin Nhanh (hư cấu)', 'vi', [
      {
        title: 'Sự thật về tin đê sông Hồng bị vỡ',
        summary: 'Tin đê sông Hồng bị vỡ ở Long Biên là sai sự thật.',
        text:
          'Tin đê sông Hồng bị vỡ ở Long Biên là sai sự thật, theo cơ quan chức năng. ' +
          'Bức ảnh được chia sẻ kèm tin đồn chụp trận lũ năm 2008 tại một tỉnh khác. ' +
          'Bà Nguyễn Thị Lan, người dân phường Ngọc Thụy, cho biết: “Sáng nay tôi đi dọc đê, mọi thứ vẫn bình thường.”',
      },
    ]);
    const items = [direct!, ...storyItems];
    const storyId = await history.story('Tin vỡ đê sông Hồng', (await history.source('Nguồn câu chuyện')), vigil.clock.now());
    await vigil.app.get(ItemsRepository).assignStory(storyItems.map((item) => item.id), storyId);

    const valid = await addFact({ statement: 'Đê sông Hồng đoạn qua quận Long Biên an toàn, không có sự cố vỡ đê.', sourceName: 'Sở Nông nghiệp Hà Nội', language: 'vi' });
    const expired = await addFact({ statement: 'Đê sông Hồng được gia cố xong trước mùa mưa năm ngoái.', sourceName: 'Sở Nông nghiệp Hà Nội', language: 'vi', validUntil: day(-5) });
    const unrelated = await addFact({ statement: 'Giá điện bán lẻ không tăng trong quý IV.', sourceName: 'Bộ Công Thương', language: 'vi' });

    const created = await desk.api<CaseView>('POST', '/api/cases', 'officer', {
      title: 'Tin đồn vỡ đê sông Hồng, nước tràn vào Long Biên',
      severity: 'high',
      links: [{ kind: 'item', id: direct!.id }, { kind: 'story', id: storyId }],
    });
    expect(created.status).toBe(201);

    const answered = await start({ caseId: created.body.id, channel: 'press_statement', language: 'vi' });
    expect(answered.status).toBe(200);
    const starter = answered.body;
    expect(starter.title).toBe('Phản hồi: Tin đồn vỡ đê sông Hồng, nước tràn vào Long Biên');

    expectSummaryFromItems(starter, items);
    expect(new Set(starter.summary.map((sentence) => sentence.itemId))).toEqual(new Set(items.map((item) => item.id)));
    expect(starter.quotes[0]).toEqual({ text: 'Đê sông Hồng vẫn an toàn, không có sự cố vỡ đê nào xảy ra.', itemId: direct!.id, sourceName: 'Báo Thủ Đô (hư cấu)' });
    expectEvidenceCited(starter, items);

    // The valid fact first, the expired one after it; the fact about electricity prices is not about this claim.
    expect(starter.facts.map((fact) => fact.id)).toEqual([valid.id, expired.id]);
    expect(starter.facts[1]!.expired).toBe(true);
    expect(starter.facts.map((fact) => fact.id)).not.toContain(unrelated.id);
    expect(starter.document.citations).toContainEqual({ id: `fact-${valid.id}`, kind: 'fact', targetId: valid.id, url: 'https://example.gov.vn/thong-bao', title: valid.statement });

    // The office's press statement template, as seeded.
    expect(starter.templateId).not.toBeNull();
    expect(starter.document.blocks[0]).toEqual({ kind: 'heading', inlines: [{ type: 'text', text: 'THÔNG CÁO BÁO CHÍ' }] });

    expect(starter.similarRebuttals[0]).toMatchObject({ draftId: sameClaim.draftId, caseId: sameClaim.caseId, title: 'Thông cáo: đê sông Hồng không vỡ', excerpt: expect.stringContaining('Đê sông Hồng đoạn qua Long Biên vẫn an toàn') });
    const otherRank = starter.similarRebuttals.findIndex((rebuttal) => rebuttal.caseId === otherClaim.caseId);
    expect(otherRank === -1 || otherRank > 0).toBe(true);

    // Nothing was stored; the console creates the draft from the starter, which the drafting rules accept as it is.
    expect((await desk.api<DraftList>('GET', `/api/cases/${created.body.id}/drafts`, 'officer')).body.drafts).toEqual([]);
    const drafted = await desk.api<DraftView>('POST', `/api/cases/${created.body.id}/drafts`, 'writer', { title: starter.title, channel: 'press_statement', language: 'vi', document: starter.document });
    expect(drafted.status).toBe(201);
    expect(drafted.body.document).toEqual(starter.document);
  });

  it('starts English drafts the same way, each in its channel’s English template', async () => {
    const sameClaim = await pastRebuttal('Riverside bridge collapse rumour in Da Nang', 'Statement: the Riverside bridge stands', 'The Riverside bridge in Da Nang is standing and open to traffic; the collapse video is old.', 'en');
    await pastRebuttal('Rumour that schools close for a month', 'Statement: schools stay open', 'Schools in the city stay open; no closure was ordered.', 'en');
    const items = await storeItems('Coastal Daily (fictional)', 'en', [
      {
        title: 'Da Nang denies Riverside bridge collapse',
        summary: 'City officials in Da Nang said the Riverside bridge is standing and no one was hurt.',
        text:
          'City officials in Da Nang said the Riverside bridge is standing and no one was hurt. ' +
          'A video claiming the bridge collapsed and killed dozens of people spread on social media on Sunday. ' +
          '"The Riverside bridge is open to traffic and was inspected this morning," said Mr. Tran Quoc Binh, director of the transport department.',
      },
      {
        title: 'Fact check: viral bridge collapse video is old',
        summary: 'The viral video of a collapsing bridge was not filmed in Da Nang.',
        text: 'The viral video of a collapsing bridge was not filmed in Da Nang. Reverse image searches match it to footage published abroad in 2019.',
      },
    ]);
    const fact = await addFact({ statement: 'The Riverside bridge passed its structural inspection in November.', sourceName: 'Da Nang Department of Transport', language: 'en' });
    // The fact check reached the case through the flag it raised.
    const [row]: { sourceId: string }[] = await vigil.app.get(DataSource).query(`SELECT source_id AS "sourceId" FROM items WHERE id = $1`, [items[1]!.id]);
    const flagId = await history.flag(await history.rule('Riverside bridge', 'high'), randomUUID(), null, items[1]!.id, row!.sourceId, vigil.clock.now());
    const created = await desk.api<CaseView>('POST', '/api/cases', 'officer', {
      title: 'Claim that the Riverside bridge in Da Nang collapsed',
      claimSummary: 'A video says the bridge collapsed and killed dozens of people.',
      severity: 'high',
      links: [{ kind: 'item', id: items[0]!.id }, { kind: 'flag', id: flagId }],
    });
    expect(created.status).toBe(201);

    const answered = await start({ caseId: created.body.id, channel: 'website_article', language: 'en' }, 'reviewer');
    expect(answered.status).toBe(200);
    const starter = answered.body;
    expectSummaryFromItems(starter, items);
    expectEvidenceCited(starter, items);
    expect(starter.document.blocks[0]!.inlines).toEqual([{ type: 'text', text: 'The facts about "Claim that the Riverside bridge in Da Nang collapsed"' }]);
    expect(starter.quotes[0]).toMatchObject({ text: 'The Riverside bridge is open to traffic and was inspected this morning,', itemId: items[0]!.id });
    expect(starter.facts.map((candidate) => candidate.id)).toEqual([fact.id]);
    expect(starter.similarRebuttals[0]).toMatchObject({ draftId: sameClaim.draftId, caseId: sameClaim.caseId });

    // The social post template places only the facts; the evidence stays among the citations for the writer to mark.
    const post = (await start({ caseId: created.body.id, channel: 'social_post', platform: 'x', language: 'en' }, 'leader')).body;
    expect(post.document.blocks[0]!.inlines).toEqual([{ type: 'text', text: 'FALSE CLAIM: Claim that the Riverside bridge in Da Nang collapsed' }]);
    expect(post.document.citations.filter((citation) => citation.kind === 'item').map((citation) => citation.targetId).sort()).toEqual(items.map((item) => item.id).sort());
  });

  it('answers 404 for a case that does not exist and 400 for a social post without its platform', async () => {
    expect(await start({ caseId: randomUUID(), channel: 'press_statement', language: 'vi' })).toMatchObject({ status: 404, body: { code: 'case_not_found' } });
    const opened = await desk.openCase();
    expect(await start({ caseId: opened.id, channel: 'social_post', language: 'vi' })).toMatchObject({ status: 400, body: { code: 'draft_platform_invalid', field: 'platform' } });
    expect((await start({ caseId: opened.id, channel: 'fax', language: 'vi' })).status).toBe(400);
    // A case with no evidence yet still gets its template, with nothing to summarise.
    const empty = await start({ caseId: opened.id, channel: 'talking_points', language: 'en' }, 'leader');
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ summary: [], quotes: [] });
    expect(empty.body.document.blocks.length).toBeGreaterThan(0);
  });
});
