import type { CaseAuditTrail, CaseView, DraftChecks, DraftCommentList, DraftCommentView, DraftDocument, DraftView } from '@vigil/contracts';
import { TestClock } from '@vigil/testing';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';
import { DraftingDesk, paragraph } from './support/drafting-desk';

/**
 * Review and approval of drafts (issue 11) over real HTTP: who may take each step, the version approval pins, the
 * pre-approval checks that block a broken citation or an over-long post, inline comments, and the case moving along.
 */
describe('Draft review: roles, pinned approvals, pre-approval checks and the case workflow', () => {
  let vigil: VigilTestApp;
  let desk: DraftingDesk;

  beforeAll(async () => {
    vigil = await startVigil({}, { clock: new TestClock() });
    desk = new DraftingDesk(vigil);
    await desk.signIn('review');
  }, 60_000);

  afterAll(async () => {
    await vigil?.close();
  });

  /** A case acknowledged by the shift, with an archived item linked, and a draft citing that item. */
  async function draftOnCase(severity: 'critical' | 'high' = 'high', document?: (itemId: string) => DraftDocument): Promise<{ case: CaseView; draft: DraftView; itemId: string }> {
    const opened = await desk.openCase(severity);
    expect((await desk.api('POST', `/api/cases/${opened.id}/transition`, 'officer', { to: 'acknowledged' })).status).toBe(200);
    const item = await desk.item('Tin đồn vỡ đê sông Hồng lan truyền', { hoursAgo: 5 });
    await desk.link(opened.id, item.id);
    const body = document?.(item.id) ?? {
      blocks: [paragraph('Thông tin vỡ đê tại Hà Đông là sai sự thật.', 'c1')],
      citations: [{ id: 'c1', kind: 'item', targetId: item.id, url: item.url, title: 'Bài đăng lan truyền tin đồn' }],
    };
    const created = await desk.api<DraftView>('POST', `/api/cases/${opened.id}/drafts`, 'writer', { title: 'Thông cáo: không có vỡ đê', channel: 'press_statement', language: 'vi', document: body });
    expect(created.status).toBe(201);
    return { case: opened, draft: created.body, itemId: item.id };
  }

  const step = (draftId: string, action: string, who: string, body: unknown) => desk.api<DraftView>('POST', `/api/drafts/${draftId}/${action}`, who, body);
  const caseStatus = async (caseId: string) => (await desk.api<CaseView>('GET', `/api/cases/${caseId}`, 'officer')).body.status;

  it('takes a draft from writing to publication, moving its case from acknowledged to published, each step audited', async () => {
    const { case: opened, draft } = await draftOnCase();
    expect((await step(draft.id, 'submit', 'writer', { version: 1 })).body).toMatchObject({ status: 'in_review', version: 1 });
    expect(await caseStatus(opened.id)).toBe('in_review');
    expect(await step(draft.id, 'approve', 'writer', { version: 1 })).toMatchObject({ status: 403, body: { code: 'draft_action_not_permitted' } });
    expect(await step(draft.id, 'approve', await vigil.adminToken(), { version: 1 })).toMatchObject({ status: 403, body: { code: 'draft_action_not_permitted' } });
    expect((await step(draft.id, 'approve', 'reviewer', { version: 1, note: 'Đủ căn cứ.' })).body).toMatchObject({ status: 'approved', approvedVersion: 1 });
    expect(await caseStatus(opened.id)).toBe('approved');
    expect(await step(draft.id, 'publish', 'writer', { url: 'https://example.gov.vn/thong-cao/1' })).toMatchObject({ status: 403, body: { code: 'draft_action_not_permitted' } });
    const published = await step(draft.id, 'publish', 'reviewer', { url: 'https://example.gov.vn/thong-cao/1' });
    expect(published.body).toMatchObject({ status: 'published', publication: { url: 'https://example.gov.vn/thong-cao/1', publishedAt: expect.any(String), publishedBy: { id: desk.people.reviewer.id } } });
    expect(await caseStatus(opened.id)).toBe('published');
    expect(await desk.api('PATCH', `/api/drafts/${draft.id}`, 'writer', { version: 1, title: 'Sửa sau khi đăng' })).toMatchObject({ status: 409, body: { code: 'draft_action_illegal' } });

    const trail = (await desk.api<CaseAuditTrail>('GET', `/api/cases/${opened.id}/audit`, 'officer')).body.entries;
    const drafted = trail.filter((entry) => entry.action === 'drafted').map((entry) => entry.after?.step);
    expect(drafted).toEqual(['created', 'submitted', 'approved', 'published']);
    const moves = trail.filter((entry) => entry.action === 'transitioned').map((entry) => [entry.after?.status, entry.after?.draftId ?? null]);
    expect(moves).toEqual([
      ['acknowledged', null],
      ['drafting', draft.id],
      ['in_review', draft.id],
      ['approved', draft.id],
      ['published', draft.id],
    ]);
    expect(trail.at(-1)?.after).toMatchObject({ status: 'published', publicationUrl: 'https://example.gov.vn/thong-cao/1' });
  });

  it('pins the approved version: an edit afterwards is a new version in editing that needs approval again, its case back in drafting', async () => {
    const { case: opened, draft } = await draftOnCase();
    await step(draft.id, 'submit', 'writer', { version: 1 });
    await step(draft.id, 'approve', 'reviewer', { version: 1 });
    expect(await caseStatus(opened.id)).toBe('approved');
    const edited = await desk.api<DraftView>('PATCH', `/api/drafts/${draft.id}`, 'writer', { version: 1, title: 'Thông cáo (sửa sau duyệt)' });
    expect(edited.body).toMatchObject({ version: 2, status: 'editing', approvedVersion: 1 });
    // Nothing approved stands behind the case any more: it cannot be published by hand meanwhile.
    expect(await caseStatus(opened.id)).toBe('drafting');
    expect(await step(draft.id, 'publish', 'reviewer', { url: 'https://example.gov.vn/x' })).toMatchObject({ status: 409, body: { code: 'draft_action_illegal' } });
    expect(await step(draft.id, 'approve', 'reviewer', { version: 2 })).toMatchObject({ status: 409, body: { code: 'draft_action_illegal' } });
    await step(draft.id, 'submit', 'writer', { version: 2 });
    expect(await step(draft.id, 'approve', 'reviewer', { version: 1 })).toMatchObject({ status: 409, body: { code: 'draft_version_conflict', details: { currentVersion: 2 } } });
    expect((await step(draft.id, 'approve', 'reviewer', { version: 2 })).body).toMatchObject({ status: 'approved', approvedVersion: 2 });
    expect(await caseStatus(opened.id)).toBe('approved');
  });

  it('sends a draft back on request, and keeps duty officers to reading', async () => {
    const { draft } = await draftOnCase();
    expect(await step(draft.id, 'submit', 'officer', { version: 1 })).toMatchObject({ status: 403, body: { code: 'forbidden' } });
    await step(draft.id, 'submit', 'writer', { version: 1 });
    expect(await step(draft.id, 'request-changes', 'writer', { version: 1 })).toMatchObject({ status: 403, body: { code: 'draft_action_not_permitted' } });
    expect((await step(draft.id, 'request-changes', 'reviewer', { version: 1, note: 'Cần thêm nguồn.' })).body.status).toBe('changes_requested');
    expect((await step(draft.id, 'submit', 'writer', { version: 1 })).body.status).toBe('in_review');
    expect(await step(draft.id, 'submit', 'writer', { version: 1 })).toMatchObject({ status: 409, body: { code: 'draft_action_illegal' } });
  });

  it('lets only a leader sign off a critical case: a reviewer approval waits for it, a leader approval is final at once', async () => {
    const { case: opened, draft } = await draftOnCase('critical');
    await step(draft.id, 'submit', 'writer', { version: 1 });
    expect((await step(draft.id, 'approve', 'reviewer', { version: 1 })).body).toMatchObject({ status: 'awaiting_signoff', approvedVersion: null });
    expect(await caseStatus(opened.id)).toBe('in_review');
    expect(await step(draft.id, 'approve', 'reviewer', { version: 1 })).toMatchObject({ status: 403, body: { code: 'draft_action_not_permitted' } });
    expect((await step(draft.id, 'approve', 'leader', { version: 1 })).body).toMatchObject({ status: 'approved', approvedVersion: 1 });
    expect(await caseStatus(opened.id)).toBe('approved');
    const trail = (await desk.api<CaseAuditTrail>('GET', `/api/cases/${opened.id}/audit`, 'officer')).body.entries;
    expect(trail.filter((entry) => entry.action === 'drafted').map((entry) => [entry.after?.step, entry.actor?.id])).toEqual([
      ['created', desk.people.writer.id],
      ['submitted', desk.people.writer.id],
      ['approved_pending_signoff', desk.people.reviewer.id],
      ['signed_off', desk.people.leader.id],
    ]);

    const second = await draftOnCase('critical');
    await step(second.draft.id, 'submit', 'writer', { version: 1 });
    expect((await step(second.draft.id, 'approve', 'leader', { version: 1 })).body).toMatchObject({ status: 'approved', approvedVersion: 1 });
  });

  it('blocks approval of a draft citing an item that does not exist, an item never archived or a document URL that is not http', async () => {
    const never = await desk.item('Bài chưa lưu trữ', { archived: false });
    const { draft } = await draftOnCase('high', (itemId) => ({
      blocks: [paragraph('Thông tin vỡ đê là sai sự thật.', 'ok', 'ghost', 'unarchived', 'ftp')],
      citations: [
        { id: 'ok', kind: 'item', targetId: itemId, url: null, title: 'Bài lan truyền' },
        { id: 'ghost', kind: 'item', targetId: '3d8f7a10-2b4c-4e6f-9a1b-5c7d9e0f1a2b', url: null, title: 'Bài không tồn tại' },
        { id: 'unarchived', kind: 'item', targetId: never.id, url: never.url, title: 'Bài chưa lưu trữ' },
        { id: 'ftp', kind: 'document', targetId: null, url: 'ftp://example.gov.vn/cong-van.pdf', title: 'Công văn' },
      ],
    }));
    const checks = await desk.api<DraftChecks>('GET', `/api/drafts/${draft.id}/checks`, 'officer');
    expect(checks.body).toEqual({
      version: 1,
      passed: false,
      checks: ['ghost', 'unarchived', 'ftp'].map((citationId) => ({ code: 'citation_unresolved', severity: 'error', citationId })),
    });
    await step(draft.id, 'submit', 'writer', { version: 1 });
    const refused = await step(draft.id, 'approve', 'reviewer', { version: 1 });
    expect(refused).toMatchObject({ status: 409, body: { code: 'draft_checks_failed' } });
    expect(refused.body.details?.checks?.map((check) => check.citationId)).toEqual(['ghost', 'unarchived', 'ftp']);
    expect((await desk.api<DraftView>('GET', `/api/drafts/${draft.id}`, 'officer')).body).toMatchObject({ status: 'in_review', approvedVersion: null });
  });

  it('blocks approval of a draft citing an expired fact, and resolves a fact still in force', async () => {
    const day = (daysAgo: number) => new Date(vigil.clock.now().getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const fact = (statement: string, validUntil: string | null) =>
      desk.api<{ id: string; expired: boolean }>('POST', '/api/facts', 'writer', { statement, sourceName: 'Sở Nông nghiệp', statedOn: day(40), validFrom: day(40), validUntil, language: 'vi' });
    const expired = (await fact('Mực nước sông Hồng dưới báo động 1', day(10))).body;
    const current = (await fact('Đê sông Hồng được gia cố năm 2025', null)).body;
    expect([expired.expired, current.expired]).toEqual([true, false]);
    const { draft } = await draftOnCase('high', () => ({
      blocks: [paragraph('Đê an toàn.', 'old', 'now')],
      citations: [
        { id: 'old', kind: 'fact', targetId: expired.id, url: null, title: 'Mực nước' },
        { id: 'now', kind: 'fact', targetId: current.id, url: null, title: 'Gia cố đê' },
      ],
    }));
    expect((await desk.api<DraftChecks>('GET', `/api/drafts/${draft.id}/checks`, 'officer')).body.checks).toEqual([{ code: 'fact_expired', severity: 'error', citationId: 'old' }]);
    await step(draft.id, 'submit', 'writer', { version: 1 });
    expect(await step(draft.id, 'approve', 'reviewer', { version: 1 })).toMatchObject({ status: 409, body: { code: 'draft_checks_failed' } });
  });

  it('blocks approval of an X post one character over its 280, and passes one at 280 with a warning for citing nothing', async () => {
    const opened = await desk.openCase();
    const post = async (characters: number) => {
      const text = 'Đ'.repeat(characters);
      const created = await desk.api<DraftView>('POST', `/api/cases/${opened.id}/drafts`, 'writer', { title: 'Bài X', channel: 'social_post', platform: 'x', language: 'vi', document: { blocks: [paragraph(text)], citations: [] } });
      expect(created.body).toMatchObject({ length: characters, lengthLimit: 280 });
      await step(created.body.id, 'submit', 'writer', { version: 1 });
      return created.body;
    };
    const long = await post(281);
    const refused = await step(long.id, 'approve', 'reviewer', { version: 1 });
    expect(refused).toMatchObject({ status: 409, body: { code: 'draft_checks_failed' } });
    expect(refused.body.details?.checks).toEqual([
      { code: 'citation_missing', severity: 'warning' },
      { code: 'length_exceeded', severity: 'error', length: 281, limit: 280 },
    ]);
    const fits = await post(280);
    expect((await desk.api<DraftChecks>('GET', `/api/drafts/${fits.id}/checks`, 'officer')).body).toEqual({ version: 1, passed: true, checks: [{ code: 'citation_missing', severity: 'warning' }] });
    expect((await step(fits.id, 'approve', 'reviewer', { version: 1 })).body.status).toBe('approved');
  });

  it('keeps inline comments anchored to a block of the version they were written on, and resolves them', async () => {
    const { draft } = await draftOnCase();
    const added = await desk.api<DraftCommentView>('POST', `/api/drafts/${draft.id}/comments`, 'reviewer', { blockIndex: 0, quote: 'sai sự thật', body: 'Nên dẫn văn bản chính thức.' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ version: 1, blockIndex: 0, quote: 'sai sự thật', author: { id: desk.people.reviewer.id }, resolvedAt: null });
    expect(await desk.api('POST', `/api/drafts/${draft.id}/comments`, 'reviewer', { blockIndex: 5, quote: '', body: 'Ngoài văn bản' })).toMatchObject({ status: 400, body: { field: 'blockIndex' } });
    expect(await desk.api('POST', `/api/drafts/${draft.id}/comments`, 'officer', { blockIndex: 0, quote: '', body: 'x' })).toMatchObject({ status: 403 });
    const resolved = await desk.api<DraftCommentView>('POST', `/api/drafts/${draft.id}/comments/${added.body.id}/resolve`, 'writer');
    expect(resolved.body.resolvedAt).toEqual(expect.any(String));
    expect((await desk.api<DraftCommentList>('GET', `/api/drafts/${draft.id}/comments`, 'officer')).body.comments).toEqual([resolved.body]);
    expect(await desk.api('POST', `/api/drafts/${draft.id}/comments/3d8f7a10-2b4c-4e6f-9a1b-5c7d9e0f1a2b/resolve`, 'writer')).toMatchObject({ status: 404, body: { code: 'draft_comment_not_found' } });
  });
});
