import type { FlagPage, FlagView, RulePreview, RuleView } from '@vigil/contracts';
import { waitFor } from '@vigil/testing';
import { articlePage, type ArticleContent, rss2 } from '../fixtures/collection';
import { CollectionHarness } from '../collection/support/collection-harness';
import { CollectionFixtureServer } from '../collection/support/collection-fixture-server';
import { connectLive, type LiveClient } from '../live/support/live-client';

/** A fictional water-cut rumour and an unrelated story, as two Vietnamese outlets publish them. */
const RUMOUR: ArticleContent = {
  title: 'Tin đồn Hà Đông sắp cắt nước ba ngày là sai sự thật',
  byline: 'Phóng viên Thời sự',
  publishedAt: '2026-11-27T08:10:00+07:00',
  lang: 'vi',
  paragraphs: [
    'Trên mạng xã hội lan truyền thông tin quận Hà Đông sẽ cắt nước sạch liên tục ba ngày từ cuối tuần này.',
    'Công ty nước sạch cho biết không có kế hoạch cắt nước nào, lịch bảo dưỡng đường ống đã hoàn tất từ tháng trước.',
    'Người dân được khuyến cáo chỉ theo dõi thông báo trên kênh chính thức của thành phố.',
  ],
};
const FAIR: ArticleContent = {
  title: 'Hội chợ nông sản Hoà Sơn mở cửa ba ngày',
  byline: 'Phóng viên Kinh tế',
  publishedAt: '2026-11-27T07:30:00+07:00',
  lang: 'vi',
  paragraphs: ['Hội chợ nông sản thường niên của tỉnh Hoà Sơn khai mạc sáng nay với hơn hai trăm gian hàng.', 'Ban tổ chức dự kiến đón khoảng mười nghìn lượt khách.'],
};

/**
 * Watch rules in the pipeline (issue 9): an item the feed brings in is matched against every enabled rule as it is
 * stored and lands in its story's flag, ranked, highlighted and watched; officers claim and decide flags, one claim
 * wins a race, and every step is recorded with who and when.
 */
describe('Detection: watch rules flag collected items for triage', () => {
  let site: CollectionFixtureServer;
  let vigil: CollectionHarness;
  let rule: RuleView;
  let flag: FlagView;
  let live: LiveClient;
  const officers: { id: string; token: string; displayName: string }[] = [];

  const api = <T>(method: string, path: string, body?: unknown, token = vigil.token) => vigil.vigil.request<T>(method, path, { token, body });

  beforeAll(async () => {
    site = new CollectionFixtureServer();
    await site.start();
    vigil = await CollectionHarness.start();
    for (const [username, displayName] of [
      ['truc-ban-1', 'Trực ban Một'],
      ['truc-ban-2', 'Trực ban Hai'],
    ]) {
      const password = `mat-khau-rieng-${username}`;
      const created = await api<{ id: string }>('POST', '/api/users', { username, displayName, password, roles: ['duty_officer'] });
      expect(created.status).toBe(201);
      officers.push({ id: created.body.id, token: await vigil.vigil.loginAs(username, password), displayName });
    }
  }, 60_000);

  afterAll(async () => {
    live?.close();
    await vigil?.close();
    await site?.stop();
  });

  async function addRule(body: { name: string; query: string; severity: string }): Promise<RuleView> {
    const created = await api<RuleView>('POST', '/api/rules', body);
    expect(created.status).toBe(201);
    return created.body;
  }

  /** One outlet's report of `topic`: its page, and a feed carrying it added as a source. */
  function publishReport(topic: string, index: number, outlet: string, title: string, paragraphs: string[]) {
    const path = `/${topic}/nguon-${index}.html`;
    site.page(path, articlePage({ title, byline: 'Phóng viên', publishedAt: '2026-11-27T09:00:00+07:00', lang: 'vi', paragraphs }));
    site.feed(`/${topic}/rss-${index}.xml`, rss2({ title: outlet, link: site.url('/') }, [{ title, link: site.url(path), guid: `${topic}-${index}`, summary: paragraphs[0] }]));
    return vigil.addSource({ name: outlet, url: site.url(`/${topic}/rss-${index}.xml`), kind: 'rss' });
  }

  it('refuses a rule whose query does not parse, saying where', async () => {
    const refused = await api<{ code: string; field: string; details: { position: number } }>('POST', '/api/rules', { name: 'Hỏng', query: '"cắt nước AND', severity: 'high' });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'rule_syntax_invalid', field: 'query' });
    expect(refused.body.details.position).toBe(0);
    const empty = await api<{ code: string }>('POST', '/api/rules', { name: 'Trống', query: '   ', severity: 'high' });
    expect(empty.status).toBe(400);
  });

  it('flags a matching item from a feed within seconds of collection, with highlights, priority factors and a watch', async () => {
    const created = await api<RuleView>('POST', '/api/rules', { name: 'Tin đồn cắt nước', query: '"cat nuoc" AND (ha dong OR "hà nội") NOT "đã khôi phục"', severity: 'critical' });
    expect(created.status).toBe(201);
    rule = created.body;
    // A duty officer's live screen, connected before the item is published: the flag is pushed to it.
    live = connectLive(vigil.vigil.baseUrl, { auth: { token: officers[0]!.token } });
    await live.waitForReady();
    const entries = [RUMOUR, FAIR].map((article, index) => {
      const path = `/thoi-su/bai-${index + 1}.html`;
      site.page(path, articlePage(article));
      return { title: article.title, link: site.url(path), guid: `tin-${index + 1}`, summary: article.paragraphs[0] };
    });
    site.feed('/rss.xml', rss2({ title: 'Báo Hòa Sơn', link: site.url('/') }, entries));
    const source = await vigil.addSource({ name: 'Báo Hòa Sơn', url: site.url('/rss.xml'), kind: 'rss', weight: 80 });

    const page = await waitFor('the rumour to be flagged', async () => {
      const flags = await api<FlagPage>('GET', '/api/flags?status=open&sort=priority');
      return flags.body.flags.length > 0 ? flags.body : undefined;
    });
    expect(page.total).toBe(1);
    flag = page.flags[0]!;
    expect(flag).toMatchObject({ status: 'open', rule: { id: rule.id, name: 'Tin đồn cắt nước', severity: 'critical' }, itemCount: 1, sourceCount: 1, claimedBy: null });
    expect(flag.item).toMatchObject({ title: RUMOUR.title, url: site.url('/thoi-su/bai-1.html'), sourceId: source.id });
    // The highlights point at the published words that matched, accents as printed.
    const marked = flag.item.highlights.map(({ field, start, end }) => (field === 'title' ? flag.item.title : '').slice(start, end)).filter(Boolean);
    expect(marked).toEqual(expect.arrayContaining(['Hà', 'Đông', 'cắt nước']));
    expect(flag.priorityFactors.map((factor) => factor.name)).toEqual(['severity', 'velocity', 'source_weight', 'novelty']);
    expect(flag.priorityFactors.find((factor) => factor.name === 'severity')!.value).toBe(1);
    expect(flag.priorityFactors.find((factor) => factor.name === 'source_weight')!.value).toBe(0.8);
    expect(flag.priority).toBeGreaterThan(0.5);
    // Flagged items are watched for edits and takedowns without anyone asking.
    const item = await vigil.item(flag.item.id);
    expect(item.watched).toBe(true);
    const [pushed] = await live.waitForEvents(1);
    expect(pushed).toMatchObject({ type: 'flag.created', data: { flag: { id: flag.id, rule: { id: rule.id }, item: { title: RUMOUR.title } }, byUserId: null } });

    // Enrichment matches the whole article again: the same flag, not a second one.
    await waitFor('the rumour page to be archived', async () => ((await vigil.item(flag.item.id)).snapshots.length > 0 ? true : undefined));
    const after = await api<FlagPage>('GET', '/api/flags?status=open');
    expect(after.body.total).toBe(1);
    expect(after.body.flags[0]!.itemCount).toBe(1);
  });

  it('previews what a query would have matched over the last days, with counts per local day, saving nothing', async () => {
    const preview = await api<RulePreview>('POST', '/api/rules/preview', { query: 'hoi cho OR "cắt nước"', days: 7 });
    expect(preview.status).toBe(200);
    expect(preview.body.total).toBe(2);
    expect(preview.body.matches.map((match) => match.title).sort()).toEqual([FAIR.title, RUMOUR.title].sort());
    expect(preview.body.perDay).toHaveLength(8);
    expect(preview.body.perDay.reduce((sum, day) => sum + day.count, 0)).toBe(2);
    expect(preview.body.perDay.every((day) => /^\d{4}-\d{2}-\d{2}$/.test(day.day))).toBe(true);
    expect((await api<RuleView[]>('GET', '/api/rules')).body).toHaveLength(1);
    const broken = await api<{ code: string }>('POST', '/api/rules/preview', { query: 'cắt (nước' });
    expect(broken.body.code).toBe('rule_syntax_invalid');
  });

  it('lets exactly one of two officers claiming at once win; the other is told who holds it', async () => {
    const [first, second] = officers;
    const answers = await Promise.all(officers.map((officer) => api<FlagView & { code?: string; details?: { holder: { displayName: string } } }>('POST', `/api/flags/${flag.id}/claim`, undefined, officer.token)));
    const won = answers.filter((answer) => answer.status === 200);
    const lost = answers.filter((answer) => answer.status === 409);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const holder = won[0]!.body.claimedBy!;
    expect([first!.displayName, second!.displayName]).toContain(holder.displayName);
    expect(lost[0]!.body).toMatchObject({ code: 'flag_claimed_by_other', details: { holder: { displayName: holder.displayName } } });

    const loser = officers.find((officer) => officer.displayName !== holder.displayName)!;
    const winner = officers.find((officer) => officer.displayName === holder.displayName)!;
    expect((await api<{ code: string }>('POST', `/api/flags/${flag.id}/release`, undefined, loser.token)).body.code).toBe('flag_not_claimed_by_you');
    expect((await api<{ code: string }>('POST', `/api/flags/${flag.id}/dismiss`, { reason: 'Không liên quan' }, loser.token)).body.code).toBe('flag_claimed_by_other');
    // Claiming one's own flag again changes nothing.
    expect((await api('POST', `/api/flags/${flag.id}/claim`, undefined, winner.token)).status).toBe(200);
    const released = await api<FlagView>('POST', `/api/flags/${flag.id}/release`, undefined, winner.token);
    expect(released.body.claimedBy).toBeNull();
    expect((await api<FlagView>('POST', `/api/flags/${flag.id}/claim`, undefined, loser.token)).body.claimedBy!.displayName).toBe(loser.displayName);
    // Other officers see each claim and release live, with who did it.
    await waitFor('the claims to be pushed', async () => (live.events.filter((event) => event.type === 'flag.claimed' || event.type === 'flag.released').length >= 4 ? true : undefined));
    const pushedSteps = live.events.filter((event) => event.type === 'flag.claimed' || event.type === 'flag.released');
    expect(pushedSteps.map((event) => event.type)).toEqual(['flag.claimed', 'flag.claimed', 'flag.released', 'flag.claimed']);
    expect(pushedSteps.at(-1)).toMatchObject({ data: { flag: { claimedBy: { displayName: loser.displayName } }, byUserId: loser.id } });
  });

  it('records every decision with who and when: a dismissal needs its reason, and a decided flag stays decided', async () => {
    const holder = officers[1]!.displayName === (await api<FlagView>('GET', `/api/flags/${flag.id}`)).body.claimedBy?.displayName ? officers[1]! : officers[0]!;
    const noReason = await api<{ code: string; field?: string }>('POST', `/api/flags/${flag.id}/dismiss`, {}, holder.token);
    expect(noReason.status).toBe(400);
    expect(noReason.body.code).toBe('validation_failed');
    const dismissed = await api<FlagView>('POST', `/api/flags/${flag.id}/dismiss`, { reason: 'Đã được cải chính trên kênh chính thức' }, holder.token);
    expect(dismissed.status).toBe(200);
    expect(dismissed.body).toMatchObject({ status: 'dismissed', claimedBy: null, decision: { by: { displayName: holder.displayName }, reason: 'Đã được cải chính trên kênh chính thức' } });
    expect((await api<{ code: string }>('POST', `/api/flags/${flag.id}/escalate`, {}, holder.token)).body.code).toBe('flag_closed');
    expect((await api<{ code: string }>('POST', `/api/flags/${flag.id}/claim`, undefined, holder.token)).body.code).toBe('flag_closed');

    const detail = await api<FlagView & { actions: { action: string; actor: { displayName: string } | null; reason: string | null }[] }>('GET', `/api/flags/${flag.id}`);
    expect(detail.body.actions.map((action) => action.action)).toEqual(['created', 'claimed', 'claimed', 'released', 'claimed', 'dismissed']);
    expect(detail.body.actions[0]!.actor).toBeNull();
    expect(detail.body.actions.at(-1)).toMatchObject({ actor: { displayName: holder.displayName }, reason: 'Đã được cải chính trên kênh chính thức' });
    expect((await api<FlagPage>('GET', '/api/flags?status=open')).body.total).toBe(0);
    expect((await api<FlagPage>('GET', '/api/flags?status=dismissed')).body.total).toBe(1);
  });

  it('keeps one flag per story and rule when two outlets’ reports, flagged apart, turn out to be one story', async () => {
    const landslide = await addRule({ name: 'Sạt lở', query: 'sạt lở', severity: 'high' });
    const paragraphs = [
      'Mưa lớn kéo dài gây sạt lở đất tại tuyến đường liên xã ở huyện Hòa Sơn, hai ô tô bị kẹt lại giữa đường.',
      'Lực lượng chức năng đã phong tỏa đoạn đường, hướng dẫn người dân đi đường vòng qua xã bên cạnh.',
      'Chính quyền huyện cho biết không có thương vong, việc thông đường dự kiến hoàn tất trong ngày mai.',
    ];
    await publishReport('sat-lo', 1, 'Báo Hòa Sơn — Miền núi', 'Sạt lở đất chia cắt đường liên xã ở Hòa Sơn', paragraphs);
    await publishReport('sat-lo', 2, 'Đài Phát thanh Hòa Sơn', 'Hòa Sơn: sạt lở làm tắc đường liên xã', paragraphs);
    const joined = await waitFor('both reports to land in one flag', async () => {
      const open = (await api<FlagPage>('GET', '/api/flags?status=open')).body.flags.filter((candidate) => candidate.rule.id === landslide.id);
      return open.length === 1 && open[0]!.itemCount === 2 ? open : undefined;
    });
    expect(joined[0]).toMatchObject({ itemCount: 2, sourceCount: 2 });
    expect(joined[0]!.storyId).not.toBeNull();
  });

  it('moves a flag into its story live when another outlet’s report that matches no rule forms the story around it', async () => {
    const correction = await addRule({ name: 'Cải chính lũ quét', query: '"cải chính"', severity: 'medium' });
    const paragraphs = [
      'Lũ quét sau trận mưa đêm qua cuốn trôi cây cầu tạm nối hai thôn ở xã Tân Lạc, nhiều hộ dân bị cô lập.',
      'Chính quyền xã đã dựng phà tạm và cử lực lượng hỗ trợ người dân qua suối an toàn.',
      'Huyện cho biết cầu mới sẽ được khởi công ngay khi nước rút, dự kiến trong tuần tới.',
    ];
    const flagged = await publishReport('lu-quet', 1, 'Báo Tân Lạc', 'Cải chính: lũ quét cuốn trôi cầu tạm ở Tân Lạc', paragraphs);
    // Enriched alone first: its item is a story of one, and its flag has no story yet.
    const [report] = await vigil.waitForArticles(flagged.id, [{ url: site.url('/lu-quet/nguon-1.html'), article: { paragraphs } }]);
    const open = await waitFor('the report’s flag', async () => (await api<FlagPage>('GET', '/api/flags?status=open')).body.flags.find((candidate) => candidate.rule.id === correction.id));
    expect(open.storyId).toBeNull();
    const heard = live.events.length;
    // The other outlet's report of the same flood never says "cải chính": it joins the story, not the flag.
    // (In words of its own, or it would be a copy of the first, which lists leave out.)
    const other = await publishReport('lu-quet', 2, 'Đài Tân Lạc', 'Tân Lạc: lũ quét cuốn trôi cầu tạm, nhiều hộ bị cô lập', [...paragraphs, 'Trường học trong xã cho học sinh nghỉ hai ngày.']);
    const story = await waitFor('the other report to form a story with the first', async () => {
      const [item] = await vigil.items(other.id);
      return item ? ((await vigil.item(item.id)).storyId ?? undefined) : undefined;
    });
    const pushed = await waitFor('the flag’s move into the story to be pushed', async () =>
      live.events.slice(heard).find((event) => event.type === 'flag.updated' && (event.data as { flag: FlagView }).flag.id === open.id),
    );
    expect((pushed.data as { flag: FlagView }).flag).toMatchObject({ id: open.id, storyId: story, itemCount: 1 });
    expect((await api<FlagView>('GET', `/api/flags/${open.id}`)).body).toMatchObject({ storyId: story, itemCount: 1 });
    expect((await vigil.item(report!.id)).storyId).toBe(story);
  });

  it('applies an edited rule to the next items at once, and a disabled one flags nothing', async () => {
    const edited = await api<RuleView>('PATCH', `/api/rules/${rule.id}`, { query: 'hội chợ', severity: 'low' });
    expect(edited.status).toBe(200);
    const paused = await api<RuleView>('POST', '/api/rules', { name: 'Tạm tắt', query: 'gian hàng', severity: 'high', enabled: false });
    expect(paused.status).toBe(201);
    const path = '/kinh-te/bai-3.html';
    const article: ArticleContent = { ...FAIR, title: 'Hội chợ nông sản kéo dài thêm một ngày', paragraphs: ['Ban tổ chức hội chợ quyết định kéo dài thêm một ngày vì lượng khách đông.'] };
    site.page(path, articlePage(article));
    site.feed('/kinh-te/rss.xml', rss2({ title: 'Kinh tế', link: site.url('/kinh-te/') }, [{ title: article.title, link: site.url(path), guid: 'tin-3', summary: article.paragraphs[0] }]));
    await vigil.addSource({ name: 'Báo Hòa Sơn — Kinh tế', url: site.url('/kinh-te/rss.xml'), kind: 'rss' });
    const flagged = await waitFor('the fair item to be flagged by the edited rule', async () => {
      const open = await api<FlagPage>('GET', '/api/flags?status=open');
      return open.body.flags.find((candidate) => candidate.item.title === article.title);
    });
    expect(flagged.rule).toMatchObject({ id: rule.id, severity: 'low' });
    expect((await api<FlagPage>('GET', '/api/flags?status=open')).body.flags.every((candidate) => candidate.rule.id !== paused.body.id)).toBe(true);
    // Re-ranked by past decisions: so far officers only dismissed, which teaches nothing yet (an even chance).
    const learned = await api<FlagPage>('GET', '/api/flags?status=open&sort=learned');
    expect(learned.status).toBe(200);
    expect(learned.body.flags.length).toBeGreaterThan(0);
    for (const candidate of learned.body.flags) {
      expect(candidate.priorityFactors.find((factor) => factor.name === 'decisions')).toMatchObject({ value: 0.5, weight: 0.4 });
      const sum = candidate.priorityFactors.reduce((total, factor) => total + factor.contribution, 0);
      expect(Math.abs(sum - candidate.priority)).toBeLessThan(0.01);
    }
    expect((await api('DELETE', `/api/rules/${paused.body.id}`)).status).toBe(204);
    expect((await api<{ code: string }>('GET', `/api/rules/${paused.body.id}`)).body.code).toBe('rule_not_found');
  });
});
