import type { CaseAuditTrail, DraftDiff, DraftDocument, DraftList, DraftVersionList, DraftVersionView, DraftView } from '@vigil/contracts';
import { TestClock } from '@vigil/testing';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';
import { DraftingDesk, paragraph } from './support/drafting-desk';

/**
 * Drafts (issue 11) over real HTTP: creating one on a case, saving versions under the optimistic lock (the stale save
 * is refused with who saved first, and nothing of it is stored), reading versions and the diff between two.
 */
describe('Drafts: versions under an optimistic lock, and the diff between them', () => {
  let vigil: VigilTestApp;
  let desk: DraftingDesk;

  beforeAll(async () => {
    vigil = await startVigil({}, { clock: new TestClock() });
    desk = new DraftingDesk(vigil);
    await desk.signIn('drafts');
  }, 60_000);

  afterAll(async () => {
    await vigil?.close();
  });

  const statement: DraftDocument = {
    blocks: [{ kind: 'heading', inlines: [{ type: 'text', text: 'Thông cáo báo chí' }] }, paragraph('Không có chuyện vỡ đê sông Hồng tại Hà Đông.', 'c1')],
    citations: [{ id: 'c1', kind: 'document', targetId: null, url: 'https://example.gov.vn/cong-van/123', title: 'Công văn 123 của Sở Nông nghiệp' }],
  };

  it('creates a draft on a case as version 1, lists it with its length, and audits it on the case', async () => {
    const opened = await desk.openCase();
    const created = await desk.api<DraftView>('POST', `/api/cases/${opened.id}/drafts`, 'writer', { title: 'Thông cáo vỡ đê', channel: 'press_statement', language: 'vi', document: statement });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ caseId: opened.id, status: 'editing', version: 1, approvedVersion: null, platform: null, lengthLimit: null, publication: null, document: statement });
    expect(created.body.length).toBe(Array.from('Thông cáo báo chí\nKhông có chuyện vỡ đê sông Hồng tại Hà Đông.[1]').length);
    expect(created.body.updatedBy).toMatchObject({ id: desk.people.writer.id });
    const list = await desk.api<DraftList>('GET', `/api/cases/${opened.id}/drafts`, 'officer');
    expect(list.body.drafts.map((draft) => draft.id)).toEqual([created.body.id]);
    expect((await desk.api<DraftView>('GET', `/api/drafts/${created.body.id}`, 'officer')).body.document).toEqual(statement);
    const trail = await desk.api<CaseAuditTrail>('GET', `/api/cases/${opened.id}/audit`, 'reviewer');
    expect(trail.body.entries.at(-1)).toMatchObject({ action: 'drafted', actor: { id: desk.people.writer.id }, after: { draftId: created.body.id, step: 'created' } });
  });

  it('refuses a social post without a platform, a platform elsewhere, a broken document, an unknown case and a duty officer writing', async () => {
    const opened = await desk.openCase();
    const path = `/api/cases/${opened.id}/drafts`;
    expect(await desk.api('POST', path, 'writer', { title: 'Bài X', channel: 'social_post', language: 'vi' })).toMatchObject({ status: 400, body: { code: 'draft_platform_invalid', field: 'platform' } });
    expect(await desk.api('POST', path, 'writer', { title: 'Thông cáo', channel: 'press_statement', platform: 'x', language: 'vi' })).toMatchObject({ status: 400, body: { code: 'draft_platform_invalid' } });
    const dangling = { blocks: [paragraph('Câu trích', 'c9')], citations: [] };
    expect(await desk.api('POST', path, 'writer', { title: 'T', channel: 'press_statement', language: 'vi', document: dangling })).toMatchObject({
      status: 400,
      body: { code: 'validation_failed', field: 'document.blocks[0].inlines[1].citationId' },
    });
    const raw = { blocks: [{ kind: 'html', inlines: [] }], citations: [] };
    expect(await desk.api('POST', path, 'writer', { title: 'T', channel: 'press_statement', language: 'vi', document: raw })).toMatchObject({ status: 400, body: { field: 'document.blocks[0].kind' } });
    expect(await desk.api('POST', '/api/cases/3d8f7a10-2b4c-4e6f-9a1b-5c7d9e0f1a2b/drafts', 'writer', { title: 'T', channel: 'press_statement', language: 'vi' })).toMatchObject({ status: 404, body: { code: 'case_not_found' } });
    expect(await desk.api('POST', path, 'officer', { title: 'T', channel: 'press_statement', language: 'vi' })).toMatchObject({ status: 403, body: { code: 'forbidden' } });
    const social = await desk.api<DraftView>('POST', path, 'writer', { title: 'Bài X', channel: 'social_post', platform: 'x', language: 'vi' });
    expect(social.body).toMatchObject({ platform: 'x', lengthLimit: 280, length: 0, document: { blocks: [], citations: [] } });
  });

  it('keeps both texts when two writers save from the same version: the first is version 2, the second gets 409 with who saved first', async () => {
    const opened = await desk.openCase();
    const draft = (await desk.api<DraftView>('POST', `/api/cases/${opened.id}/drafts`, 'writer', { title: 'Thông cáo', channel: 'press_statement', language: 'vi', document: statement })).body;
    const mine: DraftDocument = { ...statement, blocks: [...statement.blocks, paragraph('Người dân yên tâm sinh sống.')] };
    const theirs: DraftDocument = { ...statement, blocks: [...statement.blocks, paragraph('Đề nghị không chia sẻ tin sai.')] };
    const first = await desk.api<DraftView>('PATCH', `/api/drafts/${draft.id}`, 'writer', { version: 1, document: mine });
    expect(first.body).toMatchObject({ version: 2, document: mine, updatedBy: { id: desk.people.writer.id } });
    const stale = await desk.api('PATCH', `/api/drafts/${draft.id}`, 'writer2', { version: 1, document: theirs });
    expect(stale).toMatchObject({
      status: 409,
      body: { code: 'draft_version_conflict', details: { currentVersion: 2, updatedBy: { id: desk.people.writer.id, displayName: desk.people.writer.displayName } } },
    });
    const versions = await desk.api<DraftVersionList>('GET', `/api/drafts/${draft.id}/versions`, 'officer');
    expect(versions.body.versions.map((version) => [version.version, version.author?.id])).toEqual([
      [1, desk.people.writer.id],
      [2, desk.people.writer.id],
    ]);
    expect((await desk.api<DraftVersionView>('GET', `/api/drafts/${draft.id}/versions/2`, 'officer')).body.document).toEqual(mine);
    // The second writer, told of the newer version, saves their text on top of it: nothing of either is lost.
    const merged = await desk.api<DraftView>('PATCH', `/api/drafts/${draft.id}`, 'writer2', { version: 2, document: theirs, title: 'Thông cáo (bản 3)' });
    expect(merged.body).toMatchObject({ version: 3, title: 'Thông cáo (bản 3)', updatedBy: { id: desk.people.writer2.id } });
    expect((await desk.api<DraftVersionView>('GET', `/api/drafts/${draft.id}/versions/2`, 'officer')).body.document).toEqual(mine);
    expect(await desk.api('GET', `/api/drafts/${draft.id}/versions/9`, 'officer')).toMatchObject({ status: 404, body: { code: 'draft_version_not_found' } });
    expect(await desk.api('GET', `/api/drafts/${draft.id}/versions/latest`, 'officer')).toMatchObject({ status: 400, body: { code: 'validation_failed', field: 'version' } });
    // Saving what is already there is no new version.
    expect((await desk.api<DraftView>('PATCH', `/api/drafts/${draft.id}`, 'writer', { version: 3, document: theirs })).body.version).toBe(3);
    expect(await desk.api('PATCH', `/api/drafts/${draft.id}`, 'officer', { version: 3, title: 'x' })).toMatchObject({ status: 403, body: { code: 'forbidden' } });
  });

  it('lets exactly one of two saves sent at the same moment from the same version through', async () => {
    const opened = await desk.openCase();
    const draft = (await desk.api<DraftView>('POST', `/api/cases/${opened.id}/drafts`, 'writer', { title: 'Thông cáo', channel: 'press_statement', language: 'vi', document: statement })).body;
    const saves = await Promise.all(
      (['writer', 'writer2'] as const).map((who) => desk.api<DraftView>('PATCH', `/api/drafts/${draft.id}`, who, { version: 1, document: { ...statement, blocks: [paragraph(`Bản của ${who}`)] } })),
    );
    expect(saves.map((save) => save.status).sort()).toEqual([200, 409]);
    const winner = saves.find((save) => save.status === 200)!.body;
    expect(saves.find((save) => save.status === 409)!.body.details).toEqual({ currentVersion: 2, updatedBy: { id: winner.updatedBy!.id, displayName: winner.updatedBy!.displayName } });
    expect((await desk.api<DraftVersionList>('GET', `/api/drafts/${draft.id}/versions`, 'officer')).body.versions).toHaveLength(2);
  });

  it('diffs two versions word by word within a block, whole blocks added', async () => {
    const opened = await desk.openCase();
    const draft = (await desk.api<DraftView>('POST', `/api/cases/${opened.id}/drafts`, 'writer', { title: 'Thông cáo', channel: 'press_statement', language: 'vi', document: statement })).body;
    const edited: DraftDocument = {
      ...statement,
      blocks: [statement.blocks[0]!, paragraph('Không hề có chuyện vỡ đê sông Hồng tại Hà Đông.', 'c1'), paragraph('Đề nghị không chia sẻ tin sai.')],
    };
    await desk.api('PATCH', `/api/drafts/${draft.id}`, 'writer', { version: 1, document: edited });
    const diff = await desk.api<DraftDiff>('GET', `/api/drafts/${draft.id}/diff?from=1&to=2`, 'officer');
    expect(diff.status).toBe(200);
    expect(diff.body.parts).toEqual([
      { kind: 'same', text: 'Thông cáo báo chí\nKhông ' },
      { kind: 'added', text: 'hề ' },
      { kind: 'same', text: 'có chuyện vỡ đê sông Hồng tại Hà Đông.[1]' },
      { kind: 'added', text: '\nĐề nghị không chia sẻ tin sai.' },
    ]);
    expect(await desk.api('GET', `/api/drafts/${draft.id}/diff?from=1&to=5`, 'officer')).toMatchObject({ status: 404, body: { code: 'draft_version_not_found', field: 'to' } });
    expect(await desk.api('GET', `/api/drafts/${draft.id}/diff?from=x&to=2`, 'officer')).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
  });
});
