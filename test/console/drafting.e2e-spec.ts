// Drafting in the console (issue 11) in the system Chromium against a whole Vigil: a writer starts a draft from the
// case page, writes it, cites the case's linked item by dragging it from the evidence panel, and an official document
// and a fact-library entry with the keyboard-reachable Cite buttons, watches the channel's length counter, lets it
// autosave and submits it; a reviewer reads the checks and approves it, and the approved version is shown pinned. An
// over-long post: its checks and the refused approval in words, inline comments, exports. A critical case: a leader
// signs off the reviewer's approval and records the publication. Two writers saving the same draft: the later save is
// refused, the writer's text stays in the editor, and "keep mine" saves it on top.
import type { CaseView, DraftCommentList, DraftList, DraftView, FactView, UserView } from '@vigil/contracts';
import { waitFor } from '@vigil/testing';
import type { Browser, Page } from 'playwright-core';
import { DraftingDesk } from '../drafting/support/drafting-desk';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';
import { BrowserPages, consoleDist, ensureConsoleBuilt, launchChromium, requireChromium } from './support/console-browser';
import { signedInPage, type ConsoleUser } from './support/console-session';

const PEOPLE = {
  officer: { username: 'truc.ban.soan.thao', password: 'Truc-ban-soan-thao-2026!', displayName: 'Trực ban Hạnh', roles: ['duty_officer'] },
  writer: { username: 'bien.tap.lan', password: 'Bien-tap-vien-Lan-2026!', displayName: 'Biên tập Lan', roles: ['writer'] },
  writer2: { username: 'bien.tap.minh', password: 'Bien-tap-vien-Minh-2026!', displayName: 'Biên tập Minh', roles: ['writer'] },
  reviewer: { username: 'tham.dinh.quang', password: 'Tham-dinh-vien-Quang-2026!', displayName: 'Thẩm định Quang', roles: ['reviewer'] },
  leader: { username: 'lanh.dao.ha', password: 'Lanh-dao-van-phong-Ha-2026!', displayName: 'Lãnh đạo Hà', roles: ['leader'] },
} as const satisfies Record<string, ConsoleUser & { displayName: string; roles: string[] }>;

const RUMOUR = 'Tin đồn vỡ đê bao Tân Phú lan truyền trên mạng';
const FACT = { statement: 'Đê bao Tân Phú đã được gia cố và kiểm tra an toàn trước mùa lũ.', sourceName: 'UBND huyện Tân Phú', sourceUrl: 'https://tanphu.example.gov.vn/de-bao' };
const DECREE = { title: 'Thông báo của Sở Nông nghiệp về đê bao Tân Phú', url: 'https://sonongnghiep.example.gov.vn/thong-bao/de-bao-tan-phu' };

describe('Drafting screens in a browser', () => {
  let vigil: VigilTestApp;
  let desk: DraftingDesk;
  let browser: Browser;
  let pages: BrowserPages;
  const tokens = {} as Record<keyof typeof PEOPLE, string>;

  beforeAll(async () => {
    requireChromium();
    ensureConsoleBuilt();
    vigil = await startVigil({ VIGIL_CONSOLE_DIR: consoleDist });
    desk = new DraftingDesk(vigil);
    const admin = await vigil.adminToken();
    for (const [key, person] of Object.entries(PEOPLE) as [keyof typeof PEOPLE, (typeof PEOPLE)[keyof typeof PEOPLE]][]) {
      expect((await vigil.request<UserView>('POST', '/api/users', { token: admin, body: person })).status).toBe(201);
      tokens[key] = await vigil.loginAs(person.username, person.password);
    }
    browser = await launchChromium();
    pages = new BrowserPages(browser);
  }, 120_000);

  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await vigil?.close();
  });

  /** A case the shift acknowledged, with an archived item linked to it. */
  async function caseWithEvidence(title: string, severity: 'high' | 'critical' = 'high'): Promise<{ opened: CaseView; itemId: string }> {
    const opened = await vigil.request<CaseView>('POST', '/api/cases', { token: tokens.officer, body: { title, claimSummary: RUMOUR, severity } });
    expect(opened.status).toBe(201);
    expect((await vigil.request('POST', `/api/cases/${opened.body.id}/transition`, { token: tokens.officer, body: { to: 'acknowledged' } })).status).toBe(200);
    const item = await desk.item(RUMOUR, { hoursAgo: 3 });
    expect((await vigil.request('POST', `/api/cases/${opened.body.id}/links`, { token: tokens.officer, body: { kind: 'item', id: item.id } })).status).toBe(200);
    return { opened: opened.body, itemId: item.id };
  }

  async function draftOf(id: string): Promise<DraftView> {
    return (await vigil.request<DraftView>('GET', `/api/drafts/${id}`, { token: tokens.writer })).body;
  }

  /** Replaces the editor's text with one paragraph typed as a writer types it. */
  async function typeParagraph(page: Page, text: string): Promise<void> {
    const editor = page.getByTestId('draft-editor');
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    await page.getByTestId('draft-format-paragraph').click();
    // Typing starts once the text has the focus: a key pressed before lands nowhere.
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'draft-editor');
    await page.keyboard.type(text);
  }

  /** The draft's text as the API keeps it, a citation as its [n]. */
  function textOf(draft: DraftView): string {
    const numbers = new Map(draft.document.citations.map((citation, index) => [citation.id, index + 1]));
    return draft.document.blocks.map((block) => block.inlines.map((inline) => (inline.type === 'text' ? inline.text : `[${numbers.get(inline.citationId)}]`)).join('')).join('\n');
  }

  /**
   * Waits for autosave to have stored `text` and for the page to say so, showing the version it saved. Typing pauses
   * (a drag, a click in the panel) may each have saved a version on the way, so the version is read, not assumed.
   */
  async function autosaved(page: Page, draftId: string, text: string): Promise<DraftView> {
    const stored = await waitFor(`the draft to be saved as “${text}”`, async () => {
      const draft = await draftOf(draftId);
      if (textOf(draft) !== text) throw new Error(`the API has “${textOf(draft)}” (version ${draft.version})`);
      return draft;
    });
    await page.locator(`[data-testid="draft-workspace"][data-version="${stored.version}"]`).waitFor();
    await page.locator('[data-testid="draft-save-state"][data-state="saved"]').waitFor();
    return stored;
  }

  it('writes a draft, cites a linked item, a document and a fact, autosaves, submits it, and a reviewer approves it', async () => {
    const { opened, itemId } = await caseWithEvidence('Tin đồn vỡ đê bao Tân Phú');
    const statedOn = new Date(vigil.clock.now().getTime() - 10 * 86_400_000).toISOString().slice(0, 10);
    const created = await vigil.request<FactView>('POST', '/api/facts', { token: tokens.writer, body: { ...FACT, statedOn, language: 'vi' } });
    expect(created.status).toBe(201);
    const factId = created.body.id;
    const writer = await signedInPage(pages, vigil.baseUrl, PEOPLE.writer);
    await writer.goto(`${vigil.baseUrl}/cases/${opened.id}`);
    const section = writer.getByTestId('case-drafts');
    await section.filter({ hasText: 'Hồ sơ này chưa có bản thảo nào.' }).waitFor();

    // New draft: a post on X, from the case's starter.
    await section.getByTestId('draft-new').click();
    const dialog = writer.getByTestId('draft-create-dialog');
    await dialog.getByTestId('draft-create-name').fill('Đê bao Tân Phú vẫn an toàn');
    await dialog.getByTestId('draft-create-channel').selectOption('social_post');
    await dialog.getByTestId('draft-create-platform').selectOption('x');
    await dialog.getByTestId('draft-create-submit').click();
    await writer.waitForURL(/\/drafts\/[0-9a-f-]{36}$/);
    const draftId = writer.url().split('/').pop()!;
    await writer.locator('[data-testid="draft-workspace"][data-version="1"]').waitFor();
    expect(await writer.getByTestId('draft-title').inputValue()).toBe('Đê bao Tân Phú vẫn an toàn');

    // Writing, then citing the linked item by dragging it onto the text.
    const sentence = 'Đê bao Tân Phú không hề vỡ, người dân yên tâm sản xuất. ';
    await typeParagraph(writer, sentence);
    const evidence = writer.locator(`[data-testid="evidence-item"][data-target-id="${itemId}"]`);
    expect(await evidence.textContent()).toContain(RUMOUR);
    await evidence.dragTo(writer.getByTestId('draft-editor'));
    const citations = writer.getByTestId('draft-editor').getByTestId('draft-citation');
    await citations.filter({ hasText: '[1]' }).waitFor();

    // An official document, cited at the cursor with its button.
    await writer.getByTestId('draft-editor').press('ControlOrMeta+End');
    await writer.keyboard.type(' Theo thông báo chính thức ');
    await writer.getByTestId('evidence-document-title').fill(DECREE.title);
    await writer.getByTestId('evidence-document-url').fill(DECREE.url);
    await writer.getByTestId('evidence-document-cite').click();
    await citations.filter({ hasText: '[2]' }).waitFor();

    // A fact from the library, found without diacritics, cited at the cursor too.
    await writer.getByTestId('evidence-fact-search').fill('de bao tan phu gia co');
    const fact = writer.locator(`[data-testid="evidence-fact"][data-target-id="${factId}"]`);
    await fact.getByTestId('evidence-cite').click();
    await citations.filter({ hasText: '[3]' }).waitFor();
    expect(await citations.allTextContents()).toEqual(['[1]', '[2]', '[3]']);

    // The counter counts what X counts against its 280 characters, and turns red past them.
    const counter = writer.getByTestId('draft-length');
    const length = Number(await counter.getAttribute('data-length'));
    expect(await counter.textContent()).toBe(`${length} / 280 ký tự`);
    expect(await counter.getAttribute('data-over')).toBe('false');
    await writer.keyboard.insertText(' Thêm chi tiết.'.repeat(20));
    await writer.locator('[data-testid="draft-length"][data-over="true"]').waitFor();
    expect(Number(await counter.getAttribute('data-length'))).toBe(length + 300);
    for (let removed = 0; removed < 300; removed += 1) await writer.keyboard.press('Backspace');
    await writer.locator(`[data-testid="draft-length"][data-length="${length}"][data-over="false"]`).waitFor();

    // Autosave: the text and both citations as the API keeps them, in a version after the starter's.
    const saved = await autosaved(writer, draftId, `${sentence}[1] Theo thông báo chính thức [2][3]`);
    expect(await writer.getByTestId('draft-save-state').textContent()).toBe('Đã lưu');
    expect(saved.version).toBeGreaterThan(1);
    expect(saved).toMatchObject({ channel: 'social_post', platform: 'x', status: 'editing', length, lengthLimit: 280 });
    expect(saved.document.blocks).toHaveLength(1);
    expect(saved.document.citations).toEqual([
      // The item under the citation the starter made for it, if it did: citing it again keeps its number.
      { id: expect.any(String), kind: 'item', targetId: itemId, url: expect.stringMatching(/^https:\/\/tin\.example\.vn\//), title: expect.stringContaining('Tân Phú') },
      { id: expect.any(String), kind: 'document', targetId: null, url: DECREE.url, title: DECREE.title },
      { id: expect.any(String), kind: 'fact', targetId: factId, url: FACT.sourceUrl, title: FACT.statement },
    ]);

    await writer.getByTestId('draft-action-submit').click();
    await writer.locator('[data-testid="draft-status"][data-status="in_review"]').waitFor();
    expect(await writer.getByTestId('draft-action-approve').count()).toBe(0);
    expect(await writer.getByTestId('draft-approved-version').textContent()).toBe('Chưa có phiên bản nào được duyệt.');

    // The reviewer reads the checks, then approves the version submitted.
    const reviewer = await signedInPage(pages, vigil.baseUrl, PEOPLE.reviewer);
    await reviewer.goto(`${vigil.baseUrl}/drafts/${draftId}`);
    await reviewer.locator('[data-testid="draft-status"][data-status="in_review"]').waitFor();
    await reviewer.getByTestId('draft-checks-passed').filter({ hasText: 'Đạt mọi bước kiểm tra.' }).waitFor();
    expect(await reviewer.getByTestId('draft-action-submit').count()).toBe(0);
    await reviewer.getByTestId('draft-review-note').fill('Đủ căn cứ, đồng ý đăng.');
    await reviewer.getByTestId('draft-action-approve').click();
    await reviewer.locator('[data-testid="draft-status"][data-status="approved"]').waitFor();
    const pinned = reviewer.locator(`[data-testid="draft-approved-version"][data-version="${saved.version}"]`);
    expect(await pinned.textContent()).toBe(`Phiên bản đã duyệt: ${saved.version}`);
    await reviewer.getByTestId('draft-action-publish').waitFor();
    expect(await draftOf(draftId)).toMatchObject({ status: 'approved', approvedVersion: saved.version, version: saved.version });

    // The case page lists the draft with its approved version.
    await reviewer.goto(`${vigil.baseUrl}/cases/${opened.id}`);
    const row = reviewer.locator(`[data-testid="case-draft"][data-draft-id="${draftId}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('approved');
    expect(await row.getByTestId('case-draft-approved-version').textContent()).toBe(String(saved.version));
  }, 120_000);

  it('shows the checks that block an over-long post, refuses its approval in words, takes inline comments and exports it', async () => {
    const { opened, itemId } = await caseWithEvidence('Tin đồn vỡ đê bao Tân Phú (bài dài)');
    const long = `Đê bao Tân Phú không hề vỡ. ${'Lực lượng chức năng túc trực suốt đêm. '.repeat(8)}`;
    const created = await vigil.request<DraftView>('POST', `/api/cases/${opened.id}/drafts`, {
      token: tokens.writer,
      body: {
        title: 'Bài đăng quá dài',
        channel: 'social_post',
        platform: 'x',
        language: 'vi',
        document: { blocks: [{ kind: 'paragraph', inlines: [{ type: 'text', text: long }, { type: 'citation', citationId: 'c1' }] }], citations: [{ id: 'c1', kind: 'item', targetId: itemId, url: null, title: RUMOUR }] },
      },
    });
    expect(created.status).toBe(201);
    const length = created.body.length;
    expect(length).toBeGreaterThan(280);
    expect((await vigil.request('POST', `/api/drafts/${created.body.id}/submit`, { token: tokens.writer, body: { version: 1 } })).status).toBe(200);

    const reviewer = await signedInPage(pages, vigil.baseUrl, PEOPLE.reviewer);
    await reviewer.goto(`${vigil.baseUrl}/drafts/${created.body.id}`);
    await reviewer.locator('[data-testid="draft-length"][data-over="true"]').waitFor();
    const check = reviewer.getByTestId('draft-checks').locator('[data-testid="draft-check"][data-code="length_exceeded"]');
    expect(await check.textContent()).toBe(`Lỗi Bản thảo dài ${length} ký tự, vượt giới hạn 280 ký tự của kênh.`);
    await reviewer.getByTestId('draft-action-approve').click();
    const refusal = reviewer.getByTestId('draft-review-error');
    await refusal.filter({ hasText: 'Bản thảo chưa qua các bước kiểm tra trước khi duyệt.' }).waitFor();
    expect(await refusal.getByTestId('draft-refused-checks').getByTestId('draft-check').getAttribute('data-code')).toBe('length_exceeded');
    expect((await draftOf(created.body.id)).status).toBe('in_review');

    // An inline comment on the first words, quoted beside the text, then resolved.
    await reviewer.getByTestId('draft-editor').locator('p').first().click({ position: { x: 1, y: 8 } });
    for (let character = 0; character < 'Đê bao Tân Phú'.length; character += 1) await reviewer.keyboard.press('Shift+ArrowRight');
    await reviewer.getByTestId('draft-comment-start').click();
    expect(await reviewer.getByTestId('draft-comment-new-quote').textContent()).toBe('Đê bao Tân Phú');
    await reviewer.getByTestId('draft-comment-body').fill('Rút gọn cho vừa 280 ký tự.');
    await reviewer.getByTestId('draft-comment-submit').click();
    const comment = reviewer.locator('[data-testid="draft-comment"][data-resolved="false"]');
    await comment.waitFor();
    expect(await comment.getByTestId('draft-comment-quote').textContent()).toBe('Đê bao Tân Phú');
    expect(await comment.textContent()).toContain('Rút gọn cho vừa 280 ký tự.');
    await comment.getByTestId('draft-comment-resolve').click();
    await reviewer.locator('[data-testid="draft-comment"][data-resolved="true"]').waitFor();
    const stored = (await vigil.request<DraftCommentList>('GET', `/api/drafts/${created.body.id}/comments`, { token: tokens.writer })).body.comments;
    expect(stored).toEqual([expect.objectContaining({ version: 1, blockIndex: 0, quote: 'Đê bao Tân Phú', resolvedAt: expect.any(String) })]);

    await reviewer.getByTestId('draft-action-request-changes').click();
    await reviewer.locator('[data-testid="draft-status"][data-status="changes_requested"]').waitFor();

    // Exports with the numbered reference, to copy.
    await reviewer.getByTestId('draft-export-text').click();
    const exported = reviewer.locator('[data-testid="draft-export-content"][data-format="text"]');
    await exported.waitFor();
    expect(await exported.inputValue()).toContain(`[1]\n\nNguồn tham khảo\n[1] ${RUMOUR}`);
    await reviewer.getByTestId('draft-export-markdown').click();
    expect(await reviewer.locator('[data-testid="draft-export-content"][data-format="markdown"]').inputValue()).toMatch(/^# Bài đăng quá dài\n/);
    expect(await reviewer.getByTestId('draft-export-claimreview').count()).toBe(0);
    await reviewer.getByTestId('draft-export-copy').click();
    await reviewer.getByTestId('draft-export-copied').waitFor();
  }, 120_000);

  it('has a leader sign off a critical case’s approved draft, then records its publication', async () => {
    const { opened, itemId } = await caseWithEvidence('Tin đồn vỡ đê bao Tân Phú (khẩn)', 'critical');
    const created = await vigil.request<DraftView>('POST', `/api/cases/${opened.id}/drafts`, {
      token: tokens.writer,
      body: {
        title: 'Thông cáo khẩn về đê bao',
        channel: 'press_statement',
        language: 'vi',
        document: { blocks: [{ kind: 'paragraph', inlines: [{ type: 'text', text: 'Đê bao Tân Phú an toàn.' }, { type: 'citation', citationId: 'c1' }] }], citations: [{ id: 'c1', kind: 'item', targetId: itemId, url: null, title: RUMOUR }] },
      },
    });
    expect(created.status).toBe(201);
    expect((await vigil.request('POST', `/api/drafts/${created.body.id}/submit`, { token: tokens.writer, body: { version: 1 } })).status).toBe(200);
    const draftUrl = `${vigil.baseUrl}/drafts/${created.body.id}`;

    const reviewer = await signedInPage(pages, vigil.baseUrl, PEOPLE.reviewer);
    await reviewer.goto(draftUrl);
    await reviewer.getByText('Hồ sơ nghiêm trọng: sau khi bạn duyệt, lãnh đạo cần ký duyệt.').waitFor();
    await reviewer.getByTestId('draft-action-approve').click();
    await reviewer.locator('[data-testid="draft-status"][data-status="awaiting_signoff"]').waitFor();
    expect(await reviewer.getByTestId('draft-actions-none').textContent()).toBe('Bạn không có thao tác duyệt nào ở trạng thái này.');

    const leader = await signedInPage(pages, vigil.baseUrl, PEOPLE.leader);
    await leader.goto(draftUrl);
    const signOff = leader.getByTestId('draft-action-sign-off');
    expect(await signOff.textContent()).toBe('Ký duyệt');
    await signOff.click();
    await leader.locator('[data-testid="draft-status"][data-status="approved"]').waitFor();
    await leader.locator('[data-testid="draft-approved-version"][data-version="1"]').waitFor();

    await leader.getByTestId('draft-action-publish').click();
    const dialog = leader.getByTestId('draft-publish-dialog');
    await dialog.getByTestId('draft-publish-url').fill('tanphu.example.gov.vn/thong-cao');
    await dialog.getByTestId('draft-publish-submit').click();
    await dialog.getByTestId('draft-publish-error').filter({ hasText: 'Địa chỉ phải bắt đầu bằng http:// hoặc https://.' }).waitFor();
    await dialog.getByTestId('draft-publish-url').fill('https://tanphu.example.gov.vn/thong-cao/de-bao');
    await dialog.getByTestId('draft-publish-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await leader.locator('[data-testid="draft-status"][data-status="published"]').waitFor();
    expect(await leader.getByTestId('draft-publication-url').getAttribute('href')).toBe('https://tanphu.example.gov.vn/thong-cao/de-bao');
    expect(await leader.getByTestId('draft-read-only').textContent()).toBe('Bản thảo đã đăng: nội dung không sửa được nữa.');
    expect(await leader.getByTestId('draft-editor').getAttribute('contenteditable')).toBe('false');
    await leader.getByTestId('draft-export-claimreview').click();
    const jsonLd = JSON.parse(await leader.locator('[data-testid="draft-export-content"][data-format="claimreview"]').inputValue()) as { '@type': string; url: string };
    expect(jsonLd).toMatchObject({ '@type': 'ClaimReview', url: 'https://tanphu.example.gov.vn/thong-cao/de-bao' });
    expect((await vigil.request<CaseView>('GET', `/api/cases/${opened.id}`, { token: tokens.officer })).body.status).toBe('published');
  }, 120_000);

  it('keeps the second writer’s text when a newer version was saved meanwhile, and saves it on top when asked', async () => {
    const { opened } = await caseWithEvidence('Tin đồn vỡ đê bao Tân Phú (lần hai)');
    const created = await vigil.request<DraftView>('POST', `/api/cases/${opened.id}/drafts`, {
      token: tokens.writer,
      body: { title: 'Thông cáo về đê bao', channel: 'press_statement', language: 'vi', document: { blocks: [{ kind: 'paragraph', inlines: [{ type: 'text', text: 'Bản đầu.' }] }], citations: [] } },
    });
    expect(created.status).toBe(201);
    const draftUrl = `${vigil.baseUrl}/drafts/${created.body.id}`;
    const first = await signedInPage(pages, vigil.baseUrl, PEOPLE.writer);
    const second = await signedInPage(pages, vigil.baseUrl, PEOPLE.writer2);
    await first.goto(draftUrl);
    await second.goto(draftUrl);
    await first.locator('[data-testid="draft-workspace"][data-version="1"]').waitFor();
    await second.locator('[data-testid="draft-workspace"][data-version="1"]').waitFor();

    await typeParagraph(first, 'Bản của Lan.');
    const lans = await autosaved(first, created.body.id, 'Bản của Lan.');

    const mine = 'Bản của Minh, viết cùng lúc.';
    await typeParagraph(second, mine);
    const conflict = second.getByTestId('draft-conflict');
    await conflict.waitFor();
    expect(await conflict.getByTestId('draft-conflict-message').textContent()).toBe('Biên tập Lan vừa lưu một phiên bản mới hơn. Văn bản của bạn vẫn được giữ: hãy xem khác biệt rồi lưu lại.');
    await second.locator('[data-testid="draft-save-state"][data-state="conflict"]').waitFor();
    expect(await second.getByTestId('draft-editor').textContent()).toBe(mine);
    // Lan's autosave may have stored an intermediate version first (a pause while typing on a loaded machine), and
    // Minh's page may have tried to save against that one: the conflict names a version of Lan's, at most her last.
    const conflictVersion = Number(await conflict.getAttribute('data-current-version'));
    expect(conflictVersion).toBeGreaterThan(1);
    expect(conflictVersion).toBeLessThanOrEqual(lans.version);
    expect(await draftOf(created.body.id)).toMatchObject({ version: lans.version, updatedBy: { displayName: PEOPLE.writer.displayName } });

    await conflict.getByTestId('draft-conflict-diff').click();
    const differences = conflict.getByTestId('draft-conflict-differences');
    await differences.waitFor();
    expect((await differences.getByTestId('diff-removed').allTextContents()).join(' ')).toContain('Lan');
    expect((await differences.getByTestId('diff-added').allTextContents()).join(' ')).toContain('Minh');
    expect(await second.getByTestId('draft-editor').textContent()).toBe(mine);

    await conflict.getByTestId('draft-conflict-keep-mine').click();
    await conflict.waitFor({ state: 'detached' });
    const stored = await autosaved(second, created.body.id, mine);
    expect(stored).toMatchObject({ version: lans.version + 1, updatedBy: { displayName: PEOPLE.writer2.displayName } });
    expect(stored.document.blocks).toEqual([{ kind: 'paragraph', inlines: [{ type: 'text', text: mine }] }]);

    // The history lists every version, and the diff of Lan's to Minh's reads her words removed, his added.
    const history = second.getByTestId('draft-versions');
    await history.locator(`[data-testid="draft-version"][data-version="${stored.version}"]`).waitFor();
    expect(await history.getByTestId('draft-version').count()).toBe(stored.version);
    const diff = history.getByTestId('draft-version-diff');
    await diff.getByTestId('diff-added').filter({ hasText: 'Minh' }).waitFor();
    expect(await diff.getByTestId('diff-removed').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Lan')]));
    const drafts = (await vigil.request<DraftList>('GET', `/api/cases/${opened.id}/drafts`, { token: tokens.officer })).body.drafts;
    expect(drafts.map((draft) => draft.version)).toEqual([stored.version]);
  }, 120_000);
});
