// Claim matching in the console (issue 10) in the system Chromium against a whole Vigil: a case about an accented
// Vietnamese claim is open; the real pipeline raises a flag from a loopback feed whose post types the same claim
// without diacritics. Escalating it on the Live screen suggests that case with its score and parts, one click
// attaches the flag, and the case page lists it; a refused attach is worded from its error code. An English flag joining a
// Vietnamese case there shows the term pairs the glossary would learn, ticked, and adds the ones the officer kept. The case page suggests the other open case about the claim and
// confirms the match; for an English ↔ Vietnamese match it shows the term pairs the glossary would learn, and adds the ones the officer kept.
import type { CaseView, FlagPage, FlagView, GlossaryTermView, SimilarCasesView, SourceView, UserView } from '@vigil/contracts';
import { FixtureServer, waitFor } from '@vigil/testing';
import type { Browser } from 'playwright-core';
import { triageFeed } from '../fixtures/triage/triage-feeds';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';
import { BrowserPages, consoleDist, ensureConsoleBuilt, launchChromium, requireChromium } from './support/console-browser';
import { signedInPage } from './support/console-session';

const OFFICER = { username: 'truc.ban.goi.y', password: 'Truc-ban-goi-y-2026!', displayName: 'Trực ban Phương' };
const CLAIM_TITLE = 'Tin đồn Hà Nội cấm xe máy vào nội thành từ ngày 1/7 là sai sự thật';
const CLAIM_SUMMARY = 'Bài đăng lan truyền cho rằng Hà Nội cấm xe máy đi vào các quận nội thành từ ngày 1/7.';
/** The same claim as a social post types it: no diacritics. */
const POST_TITLE = 'Ha Noi cam xe may vao noi thanh tu ngay 1/7';
const UNRELATED_TITLE = 'Thông tin giá điện sinh hoạt tăng 50% là bịa đặt';

describe('Suggested cases in a browser', () => {
  let feeds: FixtureServer;
  let vigil: VigilTestApp;
  let browser: Browser;
  let pages: BrowserPages;
  let adminToken: string;
  let officerToken: string;

  beforeAll(async () => {
    requireChromium();
    ensureConsoleBuilt();
    feeds = new FixtureServer();
    await feeds.start();
    vigil = await startVigil({ VIGIL_CONSOLE_DIR: consoleDist });
    adminToken = await vigil.adminToken();
    const created = await vigil.request<UserView>('POST', '/api/users', { token: adminToken, body: { ...OFFICER, roles: ['duty_officer'] } });
    expect(created.status).toBe(201);
    officerToken = await vigil.loginAs(OFFICER.username, OFFICER.password);
    browser = await launchChromium();
    pages = new BrowserPages(browser);
  }, 120_000);

  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await vigil?.close();
    await feeds?.stop();
  });

  async function openCase(title: string, claimSummary: string): Promise<CaseView> {
    const created = await vigil.request<CaseView>('POST', '/api/cases', { token: officerToken, body: { title, severity: 'high', claimSummary } });
    expect(created.status).toBe(201);
    return created.body;
  }

  it('suggests the open case a flag typed without diacritics is about, and attaches the flag to it in one click', async () => {
    const claimCase = await openCase(CLAIM_TITLE, CLAIM_SUMMARY);
    const unrelated = await openCase(UNRELATED_TITLE, 'Điện lực khẳng định chưa có quyết định điều chỉnh giá điện.');
    expect((await vigil.request('POST', '/api/rules', { token: adminToken, body: { name: 'Tin đồn cấm xe máy', query: '"cấm xe máy"', severity: 'high' } })).status).toBe(201);
    const page = await signedInPage(pages, vigil.baseUrl, OFFICER);
    await page.getByTestId('nav-live').click();
    await page.locator('[data-testid="live-connection"][data-state="connected"]').waitFor();
    const url = feeds.serve('/xe-may.rss', {
      body: triageFeed(vigil.clock, {
        title: 'Hội nhóm xe máy',
        site: 'https://nhom.xemay.example.vn',
        language: 'vi',
        entries: [{ title: POST_TITLE, slug: 'cam-xe-may', published: '-1h', description: 'Nghe noi Ha Noi se cam xe may vao noi thanh tu ngay 1/7, moi nguoi chia se gap.' }],
      }),
    });
    expect((await vigil.request<SourceView>('POST', '/api/sources', { token: adminToken, body: { name: 'Hội nhóm xe máy', url, kind: 'rss', pollIntervalSec: 900 } })).status).toBe(201);
    const row = page.getByTestId('flag-row').filter({ hasText: POST_TITLE });
    await row.waitFor({ timeout: 30_000 });
    const flag = await waitFor('the flag', async () => (await vigil.request<FlagPage>('GET', '/api/flags?status=open', { token: adminToken })).body.flags.find((candidate: FlagView) => candidate.item.title === POST_TITLE));

    await row.getByTestId('flag-size').click();
    await page.keyboard.press('e');
    const dialog = page.getByTestId('flag-reason-dialog');
    const suggestion = dialog.locator(`[data-testid="similar-case"][data-case-id="${claimCase.id}"]`);
    await suggestion.waitFor();
    // The accented case is the best match; the unrelated case, if listed at all, ranks below it.
    const listed = await dialog.getByTestId('similar-case').evaluateAll((entries) => entries.map((entry) => entry.getAttribute('data-case-id')));
    expect(listed[0]).toBe(claimCase.id);
    expect(listed.indexOf(unrelated.id)).not.toBe(0);
    expect(await suggestion.getByTestId('similar-case-reference').textContent()).toBe(claimCase.reference);
    expect(await suggestion.getByTestId('similar-case-title').textContent()).toBe(CLAIM_TITLE);
    expect(await suggestion.getByTestId('rule-severity').textContent()).toBe('Cao');
    expect(await suggestion.getByTestId('similar-case-score').textContent()).toMatch(/^Điểm \d+\.\d$/);
    expect(await suggestion.getByTestId('similar-case-parts').textContent()).toMatch(/văn bản \d+\.\d/);
    // Plain escalation (a new case) stays on offer next to the suggestions.
    expect(await dialog.getByTestId('flag-reason-submit').textContent()).toBe('Chuyển cấp trên');
    expect(await suggestion.getByTestId('similar-case-action').textContent()).toBe('Gộp vào hồ sơ này');

    await dialog.getByTestId('flag-reason').fill('Cùng tin đồn, gộp vào hồ sơ đang xử lý');
    await suggestion.getByTestId('similar-case-action').click();
    await dialog.waitFor({ state: 'detached' });
    const opened = page.getByTestId('live-opened-case');
    await opened.filter({ hasText: `Cảnh báo đã vào hồ sơ ${claimCase.reference}.` }).waitFor();
    // No case was opened for it: the flag joined the existing one.
    const { body: cases } = await vigil.request<{ cases: CaseView[] }>('GET', '/api/cases', { token: adminToken });
    expect(cases.cases.filter((summary) => summary.title === POST_TITLE)).toEqual([]);

    await page.getByTestId('live-opened-case-link').click();
    await page.waitForURL(`${vigil.baseUrl}/cases/${claimCase.id}`);
    const detail = page.getByTestId('case-detail');
    await detail.waitFor();
    const flagLink = detail.locator('[data-testid="case-link"][data-kind="flag"]');
    await flagLink.waitFor();
    expect(await flagLink.textContent()).toContain(POST_TITLE);
    const { body: stored } = await vigil.request<CaseView>('GET', `/api/cases/${claimCase.id}`, { token: adminToken });
    expect(stored.links).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'flag', id: flag.id })]));
  }, 90_000);

  it('says, in the officer’s language, why attaching was refused when the flag was decided meanwhile, and keeps the dialog open', async () => {
    const bridgeCase = await openCase('Tin đồn Đà Nẵng thu phí xe máy qua cầu Rồng là bịa đặt', 'Bài đăng nói xe máy qua cầu Rồng phải trả phí từ tháng sau.');
    expect((await vigil.request('POST', '/api/rules', { token: adminToken, body: { name: 'Tin đồn phí cầu Rồng', query: '"cầu rồng"', severity: 'medium' } })).status).toBe(201);
    const page = await signedInPage(pages, vigil.baseUrl, OFFICER);
    await page.getByTestId('nav-live').click();
    await page.locator('[data-testid="live-connection"][data-state="connected"]').waitFor();
    const title = 'Da Nang thu phi xe may qua cau Rong tu thang sau';
    const url = feeds.serve('/cau-rong.rss', {
      body: triageFeed(vigil.clock, { title: 'Hội nhóm Đà Nẵng', site: 'https://nhom.danang.example.vn', language: 'vi', entries: [{ title, slug: 'phi-cau-rong', published: '-1h', description: 'Nghe noi xe may qua cau Rong se phai tra phi.' }] }),
    });
    expect((await vigil.request<SourceView>('POST', '/api/sources', { token: adminToken, body: { name: 'Hội nhóm Đà Nẵng', url, kind: 'rss', pollIntervalSec: 900 } })).status).toBe(201);
    const row = page.getByTestId('flag-row').filter({ hasText: title });
    await row.waitFor({ timeout: 30_000 });
    const flag = await waitFor('the flag', async () => (await vigil.request<FlagPage>('GET', '/api/flags?status=open', { token: adminToken })).body.flags.find((candidate: FlagView) => candidate.item.title === title));

    await row.getByTestId('flag-size').click();
    await page.keyboard.press('e');
    const dialog = page.getByTestId('flag-reason-dialog');
    const suggestion = dialog.locator(`[data-testid="similar-case"][data-case-id="${bridgeCase.id}"]`);
    await suggestion.waitFor();
    // Another officer decides the flag while the dialog is open.
    expect((await vigil.request('POST', `/api/flags/${flag.id}/dismiss`, { token: adminToken, body: { reason: 'Trùng tin đã xử lý' } })).status).toBe(200);
    await suggestion.getByTestId('similar-case-action').click();
    expect(await dialog.getByTestId('flag-reason-error').textContent()).toBe('Cảnh báo này đã được xử lý xong.');
    expect(await suggestion.getByTestId('similar-case-action').isEnabled()).toBe(true);
    const { body: stored } = await vigil.request<CaseView>('GET', `/api/cases/${bridgeCase.id}`, { token: adminToken });
    expect(stored.links.filter((link) => link.kind === 'flag')).toEqual([]);
    await dialog.getByTestId('flag-reason-cancel').click();
    await dialog.waitFor({ state: 'detached' });
  }, 90_000);

  it('shows on the Live screen the term pairs an English flag joining a Vietnamese case teaches, and adds the kept ones to the glossary', async () => {
    const passCase = await openCase('Tin đồn sạt lở đèo Hải Vân làm 12 người mất tích là sai sự thật', 'Bài đăng nói đèo Hải Vân gần Lăng Cô bị sạt lở, 12 người mất tích.');
    expect((await vigil.request('POST', '/api/rules', { token: adminToken, body: { name: 'Sạt lở Hải Vân', query: '"hai van"', severity: 'high' } })).status).toBe(201);
    const page = await signedInPage(pages, vigil.baseUrl, OFFICER);
    await page.getByTestId('nav-live').click();
    await page.locator('[data-testid="live-connection"][data-state="connected"]').waitFor();
    const title = 'Hai Van pass landslide leaves 12 missing near Lang Co';
    const url = feeds.serve('/hai-van.rss', {
      body: triageFeed(vigil.clock, { title: 'Central Coast Watch', site: 'https://watch.example.com', language: 'en', entries: [{ title, slug: 'hai-van-landslide', published: '-1h', description: 'A landslide on the Hai Van pass near Lang Co left 12 people missing, posts claim.' }] }),
    });
    expect((await vigil.request<SourceView>('POST', '/api/sources', { token: adminToken, body: { name: 'Central Coast Watch', url, kind: 'rss', pollIntervalSec: 900 } })).status).toBe(201);
    const row = page.getByTestId('flag-row').filter({ hasText: title });
    await row.waitFor({ timeout: 30_000 });

    await row.getByTestId('flag-size').click();
    await page.keyboard.press('e');
    const dialog = page.getByTestId('flag-reason-dialog');
    const suggestion = dialog.locator(`[data-testid="similar-case"][data-case-id="${passCase.id}"]`);
    await suggestion.waitFor();
    const pass = suggestion.locator('[data-testid="candidate-pair"][data-vi="Hải Vân"][data-en="Hai Van"]');
    const town = suggestion.locator('[data-testid="candidate-pair"][data-vi="Lăng Cô"][data-en="Lang Co"]');
    expect(await suggestion.getByTestId('candidate-pairs').textContent()).toContain('Hải Vân ↔ Hai Van');
    expect([await pass.isChecked(), await town.isChecked()]).toEqual([true, true]);
    // The officer keeps the pass's name and leaves the town out, then joins the flag to the case.
    await town.uncheck();
    await suggestion.getByTestId('similar-case-action').click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('live-opened-case').filter({ hasText: `Cảnh báo đã vào hồ sơ ${passCase.reference}.` }).waitFor();

    const { body: glossary } = await vigil.request<GlossaryTermView[]>('GET', '/api/glossary', { token: adminToken });
    const learnt = glossary.filter((term) => term.origin === 'confirmed').map((term) => `${term.vi} ↔ ${term.en} (${term.kind})`);
    expect(learnt).toContain('Hải Vân ↔ Hai Van (name)');
    expect(learnt).not.toContain('Lăng Cô ↔ Lang Co (name)');
  }, 90_000);

  it('lists similar open cases on a case page, in English too, and confirms a match', async () => {
    const first = await openCase('Tin đồn đóng cửa chợ Bến Thành dịp Tết là sai', 'Bài đăng nói chợ Bến Thành đóng cửa suốt dịp Tết Nguyên đán.');
    const second = await openCase('Cho Ben Thanh dong cua dip Tet', 'Nhieu trang chia se tin cho Ben Thanh dong cua suot dip Tet Nguyen dan.');
    const page = await signedInPage(pages, vigil.baseUrl, OFFICER);
    await page.goto(`${vigil.baseUrl}/cases/${first.id}`);
    const panel = page.getByTestId('case-similar');
    const match = panel.locator(`[data-testid="similar-case"][data-case-id="${second.id}"]`);
    await match.waitFor();
    expect(await match.getByTestId('similar-case-title').textContent()).toBe(second.title);
    expect(await match.getByTestId('similar-case-action').textContent()).toBe('Xác nhận cùng nội dung');

    await page.getByTestId('lang-switch').click();
    await panel.getByRole('heading', { name: 'Similar cases' }).waitFor();
    expect(await match.getByTestId('similar-case-score').textContent()).toMatch(/^Score \d+\.\d$/);
    await match.getByTestId('similar-case-action').filter({ hasText: 'Confirm same claim' }).click();
    await panel.getByTestId('notice').filter({ hasText: `Confirmed ${second.reference} as the same claim.` }).waitFor();
  }, 60_000);

  it('shows the term pairs an English ↔ Vietnamese match teaches, adds the kept ones to the glossary, and a later suggestion uses them', async () => {
    const vietnamese = await openCase('Tin đồn vỡ đập thủy điện Sông Đà là sai sự thật', 'Bài đăng nói đập thủy điện Sông Đà ở Hòa Bình bị vỡ, 40 người mất tích.');
    const english = await openCase('Song Da hydropower dam burst rumour', 'Posts claim the Song Da hydropower dam in Hoa Binh burst and 40 people are missing.');
    const page = await signedInPage(pages, vigil.baseUrl, OFFICER);
    await page.goto(`${vigil.baseUrl}/cases/${english.id}`);
    const panel = page.getByTestId('case-similar');
    const match = panel.locator(`[data-testid="similar-case"][data-case-id="${vietnamese.id}"]`);
    await match.waitFor();
    const river = match.locator('[data-testid="candidate-pair"][data-vi="Sông Đà"][data-en="Song Da"]');
    const province = match.locator('[data-testid="candidate-pair"][data-vi="Hòa Bình"][data-en="Hoa Binh"]');
    expect(await match.getByTestId('candidate-pairs').textContent()).toContain('Cặp thuật ngữ sẽ thêm vào bảng thuật ngữ');
    expect(await match.getByTestId('candidate-pairs').textContent()).toContain('Sông Đà ↔ Song Da');
    expect([await river.isChecked(), await province.isChecked()]).toEqual([true, true]);
    // The officer keeps the river's name and leaves the province out.
    await province.uncheck();
    await match.getByTestId('similar-case-action').click();
    await panel.getByTestId('notice').filter({ hasText: `Đã xác nhận ${vietnamese.reference} cùng nội dung.` }).waitFor();

    const { body: glossary } = await vigil.request<GlossaryTermView[]>('GET', '/api/glossary', { token: adminToken });
    const learnt = glossary.filter((term) => term.origin === 'confirmed').map((term) => `${term.vi} ↔ ${term.en} (${term.kind})`);
    expect(learnt).toContain('Sông Đà ↔ Song Da (name)');
    expect(learnt).not.toContain('Hòa Bình ↔ Hoa Binh (name)');
    // A later English claim meets the Vietnamese case through the learnt pair, and it is no longer offered to learn.
    const later = await openCase('Song Da hydropower warning', 'Residents near the Song Da hydropower plant fear the worst');
    const { body: similar } = await vigil.request<SimilarCasesView>('GET', `/api/cases/${later.id}/similar`, { token: officerToken });
    const suggestion = similar.suggestions.find((candidate) => candidate.caseId === vietnamese.id);
    expect(suggestion?.shared.concepts).toContain('song da');
    expect(suggestion?.candidatePairs.map((pair) => pair.vi)).not.toContain('Sông Đà');
  }, 60_000);
});
