// The case board and a case's page (issue 10) in the system Chromium against a whole Vigil on the test clock: a duty
// officer, a writer and a leader created through the admin API, cases opened from the board's dialog, through the
// API and by escalating a flag the real pipeline raised from a loopback feed; every change made elsewhere reaches the
// open pages over the live socket. The test clock is days behind the browser's own, so a countdown that is right
// proves it counts on the server's clock.
import type { CaseStatus, CaseSummary, CaseView, FlagPage, FlagView, SourceView, TeamView, UserView } from '@vigil/contracts';
import { FixtureServer, waitFor } from '@vigil/testing';
import type { Browser, Page } from 'playwright-core';
import { triageFeed } from '../fixtures/triage/triage-feeds';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';
import { acknowledgeDeadline, card, cardIn, column, secondsLeft, STATUS_VI } from './support/case-board';
import { BrowserPages, consoleDist, ensureConsoleBuilt, launchChromium, requireChromium } from './support/console-browser';
import { signedInPage, type ConsoleUser } from './support/console-session';

const OFFICER = { username: 'truc.ban.hs', password: 'Truc-ban-ho-so-2026!', displayName: 'Trực ban Hằng' };
const WRITER = { username: 'bien.tap.lan', password: 'Bien-tap-vien-2026!', displayName: 'Biên tập Lan' };
const LEADER = { username: 'lanh.dao.minh', password: 'Lanh-dao-Minh-2026!', displayName: 'Lãnh đạo Minh' };

describe('Case board and case page in a browser', () => {
  let feeds: FixtureServer;
  let vigil: VigilTestApp;
  let browser: Browser;
  let pages: BrowserPages;
  let adminToken: string;
  const tokens: Record<string, string> = {};
  const users: Record<string, UserView> = {};
  let team: TeamView;

  beforeAll(async () => {
    requireChromium();
    ensureConsoleBuilt();
    feeds = new FixtureServer();
    await feeds.start();
    vigil = await startVigil({ VIGIL_CONSOLE_DIR: consoleDist });
    adminToken = await vigil.adminToken();
    for (const [person, role] of [
      [OFFICER, 'duty_officer'],
      [WRITER, 'writer'],
      [LEADER, 'leader'],
    ] as const) {
      const created = await vigil.request<UserView>('POST', '/api/users', { token: adminToken, body: { ...person, roles: [role] } });
      expect(created.status).toBe(201);
      users[person.username] = created.body;
      tokens[person.username] = await vigil.loginAs(person.username, person.password);
    }
    const teamAnswer = await vigil.request<TeamView>('POST', '/api/teams', {
      token: adminToken,
      body: { name: 'Tổ phản hồi nhanh', memberIds: [OFFICER, WRITER, LEADER].map((person) => users[person.username]!.id) },
    });
    expect(teamAnswer.status).toBe(201);
    team = teamAnswer.body;
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

  async function openBoard(user: ConsoleUser): Promise<Page> {
    const page = await signedInPage(pages, vigil.baseUrl, user);
    await page.getByTestId('nav-cases').click();
    await page.getByTestId('case-board').waitFor();
    await page.locator('[data-testid="live-connection"][data-state="connected"]').waitFor();
    return page;
  }

  async function openCase(by: ConsoleUser, body: { title: string; severity: CaseSummary['severity']; claimSummary?: string }): Promise<CaseView> {
    const created = await vigil.request<CaseView>('POST', '/api/cases', {
      token: tokens[by.username],
      body: { ...body, teamId: team.id, assigneeId: users[WRITER.username]!.id },
    });
    expect(created.status).toBe(201);
    return created.body;
  }

  async function move(by: ConsoleUser, caseId: string, to: CaseStatus): Promise<void> {
    const moved = await vigil.request('POST', `/api/cases/${caseId}/transition`, { token: tokens[by.username], body: { to } });
    expect(moved.status).toBe(200);
  }

  it('opens a case from the board’s dialog; its card counts the acknowledge deadline down on the server’s clock, every second', async () => {
    const page = await openBoard(OFFICER);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Hồ sơ xử lý');
    expect(await column(page, 'new').getByRole('heading').textContent()).toMatch(/^Mới/);

    await page.getByTestId('case-create-open').click();
    const dialog = page.getByTestId('case-create-dialog');
    // A case needs its title: the dialog says so and sends nothing.
    await dialog.getByTestId('case-create-submit').click();
    expect(await dialog.getByTestId('case-create-error').textContent()).toBe('Hãy nhập tiêu đề hồ sơ.');
    await dialog.getByTestId('case-create-name').fill('Tin đồn tăng giá điện 30% từ tháng sau');
    await dialog.getByTestId('case-create-claim').fill('Bài đăng cho rằng giá điện sinh hoạt tăng 30% từ ngày 1/12.');
    await dialog.getByTestId('case-create-severity').selectOption('critical');
    await dialog.getByTestId('case-create-team').selectOption(team.id);
    await dialog.getByTestId('case-create-assignee').selectOption(users[WRITER.username]!.id);
    await dialog.getByTestId('case-create-tags').fill('điện, giá cả');
    await dialog.getByTestId('case-create-submit').click();
    await dialog.waitFor({ state: 'detached' });

    const notice = page.getByTestId('notice');
    await notice.filter({ hasText: 'Đã mở hồ sơ VG-' }).waitFor();
    const { body: listed } = await vigil.request<{ cases: CaseSummary[] }>('GET', '/api/cases', { token: tokens[OFFICER.username] });
    const opened = listed.cases.find((summary) => summary.title === 'Tin đồn tăng giá điện 30% từ tháng sau');
    expect(opened).toMatchObject({ severity: 'critical', status: 'new', assignee: { displayName: WRITER.displayName }, team: { id: team.id }, tags: ['điện', 'giá cả'] });
    const created = await cardIn(page, opened!.id, 'new');
    expect(await created.getByTestId('case-reference').textContent()).toBe(opened!.reference);
    expect(await created.getByTestId('rule-severity').textContent()).toBe('Nghiêm trọng');
    expect(await created.getByTestId('case-assignee').textContent()).toBe(WRITER.displayName);

    // Critical: 15 minutes to acknowledge, counted from the server's clock (days behind this browser's).
    const countdown = created.getByTestId('deadline-countdown');
    expect(await countdown.getAttribute('data-stage')).toBe('acknowledge');
    expect(await countdown.getAttribute('data-urgency')).toBe('on_track');
    const first = (await countdown.textContent()) ?? '';
    expect(first).toMatch(/^Tiếp nhận còn 1[45]:\d\d$/);
    const expected = (Date.parse(acknowledgeDeadline(opened!).dueAt) - vigil.clock.now().getTime()) / 1000;
    expect(Math.abs(secondsLeft(first) - expected)).toBeLessThan(5);
    // It ticks without a reload.
    await page.waitForFunction((before) => document.querySelector('[data-testid="deadline-countdown"]')?.textContent !== before, first, { timeout: 5_000 });
    expect(secondsLeft((await countdown.textContent()) ?? '')).toBeLessThan(secondsLeft(first));
  }, 60_000);

  it('moves a case across the board: acknowledged from the menu, drafting by drag and drop; moves the workflow or the role does not allow are refused in words', async () => {
    const opened = await openCase(OFFICER, { title: 'Tin giả về lệnh phong toả khu chế xuất Tân Thuận', severity: 'critical' });
    const page = await openBoard(OFFICER);
    let moving = await cardIn(page, opened.id, 'new');

    // The menu offers only the steps a duty officer may take from "new".
    await moving.getByTestId('case-move-open').click();
    const choices = moving.getByTestId('case-move-to');
    await choices.first().waitFor();
    expect(await choices.evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-status')))).toEqual(['acknowledged', 'closed']);
    expect(await choices.allTextContents()).toEqual(['Đã tiếp nhận', 'Đã đóng']);
    await moving.locator('[data-testid="case-move-to"][data-status="acknowledged"]').click();
    moving = await cardIn(page, opened.id, 'acknowledged');
    await page.getByTestId('notice').filter({ hasText: `Đã chuyển ${opened.reference} sang “Đã tiếp nhận”.` }).waitFor();

    await moving.dragTo(column(page, 'drafting'));
    moving = await cardIn(page, opened.id, 'drafting');
    expect((await vigil.request<CaseView>('GET', `/api/cases/${opened.id}`, { token: adminToken })).body.status).toBe('drafting');

    // Dropped where the workflow does not go: 409, the reason and the way forward in Vietnamese; the card stays.
    const refused = await vigil.request<{ code: string; details: { reason: string; allowed: CaseStatus[] } }>('POST', `/api/cases/${opened.id}/transition`, {
      token: tokens[OFFICER.username],
      body: { to: 'approved' },
    });
    expect(refused).toMatchObject({ status: 409, body: { code: 'case_transition_illegal', details: { reason: 'not_in_workflow' } } });
    await moving.dragTo(column(page, 'approved'));
    const allowedNames = refused.body.details.allowed.map((status) => STATUS_VI[status]).join(', ');
    await page.getByTestId('notice').filter({ hasText: `Quy trình không có bước chuyển này. Có thể chuyển sang: ${allowedNames}.` }).waitFor();
    expect(await page.getByTestId('notice').getAttribute('data-kind')).toBe('error');
    await cardIn(page, opened.id, 'drafting');

    // A writer submits it for review, and may not sign a critical case off: 403, said in words.
    await move(WRITER, opened.id, 'in_review');
    const writerPage = await openBoard(WRITER);
    const writerCard = await cardIn(writerPage, opened.id, 'in_review');
    await writerCard.getByTestId('case-move-open').click();
    await writerCard.getByTestId('case-move-to').first().waitFor();
    expect(await writerCard.getByTestId('case-move-to').evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-status')))).toEqual(['waiting']);
    await writerCard.dragTo(column(writerPage, 'approved'));
    await writerPage.getByTestId('notice').filter({ hasText: 'Chỉ lãnh đạo mới được phê duyệt hồ sơ nghiêm trọng. Có thể chuyển sang: Chờ thông tin.' }).waitFor();
    await cardIn(writerPage, opened.id, 'in_review');

    // The leader signs it off by dropping it on "approved"; the writer's board follows live.
    const leaderPage = await openBoard(LEADER);
    await (await cardIn(leaderPage, opened.id, 'in_review')).dragTo(column(leaderPage, 'approved'));
    await cardIn(leaderPage, opened.id, 'approved');
    await cardIn(writerPage, opened.id, 'approved');
    await cardIn(page, opened.id, 'approved');
  }, 90_000);

  it('follows cases opened and moved elsewhere live, and filters the board by severity, assignee and team', async () => {
    const page = await openBoard(LEADER);
    const opened = await openCase(OFFICER, { title: 'Tin đồn dừng cấp nước sạch quận Hoàng Mai', severity: 'high' });
    // Pushed over the socket: the page is never reloaded.
    const pushed = await cardIn(page, opened.id, 'new');
    expect(await pushed.getByTestId('case-title').textContent()).toBe('Tin đồn dừng cấp nước sạch quận Hoàng Mai');
    await move(OFFICER, opened.id, 'acknowledged');
    await cardIn(page, opened.id, 'acknowledged');
    await move(WRITER, opened.id, 'drafting');
    await cardIn(page, opened.id, 'drafting');

    const low = await openCase(OFFICER, { title: 'Phản ánh sai về lịch thu phí gửi xe', severity: 'low' });
    await cardIn(page, low.id, 'new');
    await page.getByTestId('board-filter-severity').selectOption('low');
    await card(page, opened.id).waitFor({ state: 'detached' });
    await cardIn(page, low.id, 'new');
    // A case that stops matching while filtered leaves the board; one that starts matching arrives.
    const raised = await vigil.request<CaseView>('PATCH', `/api/cases/${low.id}`, { token: tokens[OFFICER.username], body: { severity: 'medium' } });
    expect(raised.status).toBe(200);
    await card(page, low.id).waitFor({ state: 'detached' });
    await page.getByTestId('board-filter-severity').selectOption('');
    await page.getByTestId('board-filter-assignee').selectOption(users[WRITER.username]!.id);
    await cardIn(page, low.id, 'new');
    const unassigned = await vigil.request<CaseView>('PATCH', `/api/cases/${low.id}`, { token: tokens[OFFICER.username], body: { assigneeId: null } });
    expect(unassigned.status).toBe(200);
    await card(page, low.id).waitFor({ state: 'detached' });
    await cardIn(page, opened.id, 'drafting');
    await page.getByTestId('board-filter-assignee').selectOption('');
    await page.getByTestId('board-filter-team').selectOption(team.id);
    await cardIn(page, opened.id, 'drafting');
    await cardIn(page, low.id, 'new');
    expect(await card(page, low.id).getByTestId('case-assignee').textContent()).toBe('Chưa giao');
  }, 60_000);

  it('turns a countdown amber at the warning and red at the breach, live, as the deadline ticker announces them', async () => {
    // Warnings go to those working the case (duty officers, writers, admins), not yet to leaders.
    const page = await openBoard(OFFICER);
    const opened = await openCase(OFFICER, { title: 'Tin đồn sai về đợt cắt điện diện rộng ở Thủ Đức', severity: 'critical' });
    const countdown = (await cardIn(page, opened.id, 'new')).getByTestId('deadline-countdown');
    expect(await countdown.getAttribute('data-urgency')).toBe('on_track');

    // 12 of the 15 minutes gone: past the 75% warning share.
    vigil.clock.advance(12 * 60_000);
    await page.locator(`[data-case-id="${opened.id}"] [data-testid="deadline-countdown"][data-urgency="warning"]`).waitFor({ timeout: 20_000 });
    // The countdown jumps with the server's clock (read off the event), within its next tick.
    const warned = await waitFor('the countdown to follow the server clock', async () => {
      const left = secondsLeft((await countdown.textContent()) ?? '');
      return left <= 3 * 60 ? left : undefined;
    });
    expect(warned).toBeGreaterThan(0);

    vigil.clock.advance(4 * 60_000);
    await page.locator(`[data-case-id="${opened.id}"] [data-testid="deadline-countdown"][data-urgency="breached"]`).waitFor({ timeout: 20_000 });
    await waitFor('the breach to be stored', async () => {
      const { body } = await vigil.request<CaseView>('GET', `/api/cases/${opened.id}`, { token: adminToken });
      return acknowledgeDeadline(body).state === 'breached' ? true : undefined;
    });
    await countdown.filter({ hasText: /^Tiếp nhận quá hạn 0[01]:\d\d$/ }).waitFor();
    // Acknowledged at last: the card counts the next stage (the first draft) down.
    await move(OFFICER, opened.id, 'acknowledged');
    await page.locator(`[data-case-id="${opened.id}"] [data-testid="deadline-countdown"][data-stage="draft"]`).waitFor();
    // The case page says the first stage was met, late, and counts the others down.
    await card(page, opened.id).getByTestId('case-title').click();
    await page.locator('[data-testid="deadline-done"][data-stage="acknowledge"]').filter({ hasText: 'Tiếp nhận đạt muộn' }).waitFor();
    expect(await page.getByTestId('case-deadlines').getByTestId('deadline-countdown').evaluateAll((countdowns) => countdowns.map((countdown) => countdown.getAttribute('data-stage')))).toEqual(['draft', 'approve', 'publish']);
  }, 90_000);

  it('shows a case’s page: claim, the steps the role may take, fields by role, a comment with an @mention, activity and an intact audit chain, live', async () => {
    const opened = await openCase(OFFICER, {
      title: 'Thông tin sai về việc tạm dừng tuyến buýt 32',
      severity: 'high',
      claimSummary: 'Một trang mạng đăng tuyến buýt 32 ngừng chạy từ thứ Hai; Sở Giao thông chưa có thông báo nào như vậy.',
    });
    const writerPage = await signedInPage(pages, vigil.baseUrl, WRITER);
    await writerPage.goto(`${vigil.baseUrl}/cases/${opened.id}`);
    const detail = writerPage.getByTestId('case-detail');
    await detail.waitFor();
    expect(await detail.getByTestId('case-detail-title').textContent()).toBe('Thông tin sai về việc tạm dừng tuyến buýt 32');
    expect(await detail.getByTestId('case-claim').textContent()).toContain('Sở Giao thông chưa có thông báo');
    expect(await detail.getByTestId('case-status').textContent()).toBe('Mới');
    await detail.getByTestId('case-timeline-slot').waitFor();
    // A writer takes no step on a new case, and may reword and tag but not reassign.
    await detail.getByTestId('case-transitions-none').waitFor();
    expect(await detail.getByTestId('case-field-severity').isDisabled()).toBe(true);
    expect(await detail.getByTestId('case-field-assignee').isDisabled()).toBe(true);
    expect(await detail.getByTestId('case-field-team').isDisabled()).toBe(true);
    await detail.getByTestId('case-field-tags').fill('giao thông, xe buýt');
    await detail.getByTestId('case-fields-save').click();
    await detail.getByTestId('case-tag').filter({ hasText: 'xe buýt' }).waitFor();
    expect(await detail.getByTestId('case-tag').allTextContents()).toEqual(['giao thông', 'xe buýt']);

    const page = await signedInPage(pages, vigil.baseUrl, OFFICER);
    await page.goto(`${vigil.baseUrl}/cases/${opened.id}`);
    const officerDetail = page.getByTestId('case-detail');
    await officerDetail.waitFor();
    const steps = officerDetail.getByTestId('case-transition');
    expect(await steps.evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-status')))).toEqual(['acknowledged', 'closed']);
    await officerDetail.locator('[data-testid="case-transition"][data-status="acknowledged"]').click();
    await page.locator('[data-testid="case-status"][data-status="acknowledged"]').waitFor();
    expect(await steps.evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-status')))).toEqual(['drafting', 'closed']);
    // The writer's open page follows, and now offers the writer's next step.
    await writerPage.locator('[data-testid="case-status"][data-status="acknowledged"]').waitFor();
    await writerPage.locator('[data-testid="case-transition"][data-status="drafting"]').waitFor();

    const comment = `@${WRITER.username} nhờ chị soạn bản trả lời trước 10 giờ. <img src=x onerror="alert(1)"> @khong.co.ai`;
    await officerDetail.getByTestId('case-comment-body').fill(comment);
    await officerDetail.getByTestId('case-comment-submit').click();
    const shown = officerDetail.getByTestId('case-comment').last();
    await shown.waitFor();
    expect(await shown.locator('.comment-body').textContent()).toBe(comment);
    // Only a real user's name is marked as a mention; the markup stays text.
    expect(await shown.getByTestId('comment-mention').evaluateAll((marks) => marks.map((mark) => mark.getAttribute('data-username')))).toEqual([WRITER.username]);
    expect(await shown.getByTestId('comment-mention').getAttribute('title')).toBe(WRITER.displayName);
    expect(await shown.locator('img').count()).toBe(0);
    await writerPage.getByTestId('case-comment').filter({ hasText: 'nhờ chị soạn bản trả lời' }).waitFor();

    // The activity lists what happened, newest first, and the chain checks out.
    const actions = page.getByTestId('activity-entry');
    await page.locator('[data-testid="activity-entry"][data-action="commented"]').waitFor();
    expect(await actions.evaluateAll((entries) => entries.map((entry) => entry.getAttribute('data-action')))).toEqual(['commented', 'transitioned', 'updated', 'created']);
    expect(await page.locator('[data-testid="activity-entry"][data-action="transitioned"]').textContent()).toContain('Mới → Đã tiếp nhận');
    expect(await page.locator('[data-testid="activity-entry"][data-action="updated"]').textContent()).toContain(WRITER.displayName);
    expect(await page.locator('[data-testid="activity-entry"][data-action="updated"] [data-field="tags"]').textContent()).toBe('Thẻ: — → giao thông, xe buýt');
    // A comment's entry points to the discussion rather than repeating it.
    expect(await page.locator('[data-testid="activity-entry"][data-action="commented"] [data-field]').count()).toBe(0);
    const verified = await vigil.request<{ intact: boolean; entries: number }>('GET', `/api/cases/${opened.id}/audit/verify`, { token: adminToken });
    expect(verified.body).toMatchObject({ intact: true, entries: 4 });
    await page.locator('[data-testid="audit-verify"][data-state="intact"]').filter({ hasText: 'Nhật ký nguyên vẹn (4 mục)' }).waitFor();
  }, 60_000);

  it('escalating a flag on the Live screen opens a case, linked from the screen, with the flag, its item and its story', async () => {
    const title = 'Tin đồn sập cầu Long Biên sau mưa lớn là bịa đặt';
    expect((await vigil.request('POST', '/api/rules', { token: adminToken, body: { name: 'Tin đồn sập cầu', query: '"sập cầu" AND "long biên"', severity: 'critical' } })).status).toBe(201);
    const page = await signedInPage(pages, vigil.baseUrl, OFFICER);
    await page.getByTestId('nav-live').click();
    await page.locator('[data-testid="live-connection"][data-state="connected"]').waitFor();
    const url = feeds.serve('/sap-cau.rss', {
      body: triageFeed(vigil.clock, {
        title: 'Tin Thủ Đô',
        site: 'https://tin.hoso.example.vn',
        language: 'vi',
        entries: [{ title, slug: 'sap-cau-long-bien', published: '-1h', description: 'Sở Giao thông Vận tải khẳng định cầu vẫn lưu thông bình thường.' }],
      }),
    });
    expect((await vigil.request<SourceView>('POST', '/api/sources', { token: adminToken, body: { name: 'Tin Thủ Đô hồ sơ', url, kind: 'rss', pollIntervalSec: 900 } })).status).toBe(201);
    const row = page.getByTestId('flag-row').filter({ hasText: title });
    await row.waitFor({ timeout: 30_000 });
    const flag = await waitFor('the flag', async () => (await vigil.request<FlagPage>('GET', '/api/flags?status=open', { token: adminToken })).body.flags.find((candidate: FlagView) => candidate.item.title === title));

    await row.getByTestId('flag-size').click();
    await page.keyboard.press('e');
    const dialog = page.getByTestId('flag-reason-dialog');
    await dialog.getByTestId('flag-reason').fill('Cần Sở Giao thông xác nhận và đăng cải chính');
    await dialog.getByTestId('flag-reason-submit').click();
    const opened = page.getByTestId('live-opened-case');
    await opened.waitFor();
    const { body: listed } = await vigil.request<{ cases: CaseSummary[] }>('GET', '/api/cases', { token: adminToken });
    const escalated = listed.cases.find((summary) => summary.title === title);
    expect(escalated).toMatchObject({ severity: 'critical', status: 'new' });
    expect(await opened.textContent()).toContain(`Cảnh báo đã vào hồ sơ ${escalated!.reference}.`);

    await page.getByTestId('live-opened-case-link').click();
    await page.waitForURL(`${vigil.baseUrl}/cases/${escalated!.id}`);
    const detail = page.getByTestId('case-detail');
    await detail.waitFor();
    expect(await detail.getByTestId('case-detail-title').textContent()).toBe(title);
    const links = detail.getByTestId('case-link');
    await links.first().waitFor();
    const kinds = await links.evaluateAll((entries) => entries.map((entry) => entry.getAttribute('data-kind')));
    expect(kinds).toEqual(expect.arrayContaining(['flag', 'item']));
    expect(await detail.locator('[data-testid="case-link"][data-kind="flag"]').textContent()).toContain(title);
    // The linked item opens its own page.
    await detail.locator('[data-testid="case-link"][data-kind="item"]').getByTestId('case-link-target').click();
    await page.waitForURL(`${vigil.baseUrl}/items/${flag.item.id}`);
    await page.getByTestId('item-detail').waitFor();
  }, 90_000);

  it('switches the board, its refusals and a case’s page to English and back', async () => {
    const opened = await openCase(OFFICER, { title: 'Fake notice of a school closure in Cầu Giấy', severity: 'medium' });
    const page = await openBoard(OFFICER);
    const moving = await cardIn(page, opened.id, 'new');
    await page.getByTestId('lang-switch').click();
    await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
    expect(await column(page, 'in_review').getByRole('heading').textContent()).toMatch(/^In review/);
    expect(await moving.getByTestId('rule-severity').textContent()).toBe('Medium');
    expect(await moving.getByTestId('case-assignee').textContent()).toBe(WRITER.displayName);
    await moving.dragTo(column(page, 'published'));
    await page.getByTestId('notice').filter({ hasText: 'The workflow has no such step. It may move to: Acknowledged, Closed.' }).waitFor();

    await moving.getByTestId('case-title').click();
    const detail = page.getByTestId('case-detail');
    await detail.waitFor();
    expect(await detail.getByTestId('case-status').textContent()).toBe('New');
    expect(await detail.locator('[data-testid="case-transition"][data-status="acknowledged"]').textContent()).toBe('Move to “Acknowledged”');
    await page.getByTestId('lang-switch').click();
    await detail.locator('[data-testid="case-transition"][data-status="acknowledged"]').filter({ hasText: 'Chuyển sang “Đã tiếp nhận”' }).waitFor();
    expect(await detail.getByTestId('case-status').textContent()).toBe('Mới');
  }, 60_000);
});
