// Issue 7 (hardening): stored XSS. A hostile publisher plants script in every field of an RSS feed, an Atom feed, a
// JSON Feed and their article pages (titles, summaries, bodies, links, authors): script tags, event handlers,
// `javascript:` URLs, SVG, iframe srcdoc, style-based loads, entity-encoded variants. Vigil collects them; every console
// screen that shows them is opened in the system Chromium with the page's CSP bypassed, so it is the rendering itself
// that must keep them inert: a tripwire (`__xss`, `alert`, a request for /beacon/…) must never fire, and the DOM must
// carry no event-handler attribute, no `javascript:` address and no frame. The archived-page endpoint is checked too:
// its own CSP, and its sanitised HTML rendered without that CSP.
import type { CaseView, ItemDetail, SourceView, TeamView, UserView } from '@vigil/contracts';
import { TEST_ADMIN_PASSWORD, waitFor } from '@vigil/testing';
import type { Browser, Page } from 'playwright-core';
import { CollectionFixtureServer } from '../collection/support/collection-fixture-server';
import { CollectionHarness, PIPELINE_TIMEOUT_MS } from '../collection/support/collection-harness';
import { atom, rss2, STORIES } from '../fixtures/collection';
import { BrowserPages, consoleDist, ensureConsoleBuilt, launchChromium, requireChromium } from './support/console-browser';
import { encodedPayloads, hostileArticlePage, livePayloads, textPayload } from './support/xss-payloads';

const STORY = STORIES.bridgeClosure;
const OTHER = STORIES.ferryTimetable;
const LAST_PARAGRAPH = STORY.paragraphs[STORY.paragraphs.length - 1]!;

/** Runs in the page: every trace of live hostile markup in the DOM. */
function liveMarkupIn(): string[] {
  const found: string[] = [];
  // Browsers ignore control characters and spaces inside a scheme (`jav&#x09;ascript:`), so they are dropped first.
  const dangerousUrl = (value: string) => /^(javascript|vbscript|data):/i.test(Array.from(value).filter((character) => character.charCodeAt(0) > 0x20).join(''));
  for (const element of Array.from(document.querySelectorAll('*'))) {
    const tag = element.tagName.toLowerCase();
    for (const { name, value } of Array.from(element.attributes)) {
      if (/^on/i.test(name)) found.push(`<${tag} ${name}="${value.slice(0, 60)}">`);
      if (/^(href|src|action|formaction|data|xlink:href|background|poster|srcdoc)$/i.test(name) && (name === 'srcdoc' || dangerousUrl(value))) found.push(`<${tag} ${name}="${value.slice(0, 60)}">`);
    }
    if (['iframe', 'frame', 'object', 'embed', 'base'].includes(tag)) found.push(`<${tag}>`);
    if (tag === 'meta' && /refresh/i.test(element.getAttribute('http-equiv') ?? '')) found.push('<meta http-equiv=refresh>');
    if (tag === 'script' && !(element as HTMLScriptElement).src) found.push(`inline <script>${(element.textContent ?? '').slice(0, 60)}`);
    if (tag === 'script' && (element as HTMLScriptElement).src && new URL((element as HTMLScriptElement).src).origin !== location.origin) found.push(`<script src=${(element as HTMLScriptElement).src}>`);
    if (tag === 'a' && (element as HTMLAnchorElement).href && !/^https?:$/.test(new URL((element as HTMLAnchorElement).href).protocol)) found.push(`<a href="${(element as HTMLAnchorElement).href.slice(0, 60)}">`);
  }
  return found;
}

describe('Vigil console: stored XSS from collected content stays inert', () => {
  let site: CollectionFixtureServer;
  let vigil: CollectionHarness;
  let browser: Browser;
  let pages: BrowserPages;
  /** Every tripwire that fired, by payload label. */
  const fired: string[] = [];
  let items: ItemDetail[] = [];
  let rssItem: ItemDetail;
  let hostileSource: SourceView;
  let editedRssPage = false;

  beforeAll(async () => {
    requireChromium();
    ensureConsoleBuilt();
    site = new CollectionFixtureServer();
    await site.start();
    const beacon = site.origin;
    const feedHtml = [...livePayloads('feed', beacon), ...encodedPayloads('feed')].join(' ');
    const page = (label: string, title: string, story: typeof STORY, edited = false) =>
      hostileArticlePage({ label, title, byline: textPayload(`${label}-byline`), beacon, paragraphs: edited ? [...story.paragraphs.slice(0, -1), 'The council later corrected its statement.', story.paragraphs.at(-1)!] : story.paragraphs });
    // The RSS article changes once it is watched, so an item.changed event is on screen too.
    site.handle('/bai/rss.html', (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page('page', textPayload('page-title'), STORY, editedRssPage));
    });
    // A syndicated copy under another title: Vigil links the two into one story.
    site.page('/bai/atom.html', page('page', textPayload('atom-page-title'), STORY));
    site.page('/bai/json.html', page('jpage', textPayload('jpage-title'), OTHER));

    site.feed(
      '/rss.xml',
      rss2({ title: textPayload('rss-channel'), link: site.url('/') }, [
        { title: textPayload('rss-title'), link: site.url('/bai/rss.html'), guid: 'x-1', author: textPayload('rss-author'), summary: feedHtml, published: 'Thu, 19 Nov 2026 16:00:00 +0700' },
        { title: textPayload('rss-js-link'), link: "javascript:__xss('rss-link')", guid: 'x-2', summary: feedHtml, published: 'Thu, 19 Nov 2026 15:00:00 +0700' },
      ]),
    );
    site.feed(
      '/atom.xml',
      atom({ title: textPayload('atom-feed'), link: site.url('/'), id: 'urn:x:atom', updated: '2026-11-19T09:00:00Z' }, [
        { title: `<b onmouseover="__xss('atom-title')">${STORY.title}</b>`, link: site.url('/bai/atom.html'), guid: 'urn:x:atom:1', author: textPayload('atom-author'), summary: [...livePayloads('atom', site.origin), ...encodedPayloads('atom')].join(' '), published: '2026-11-19T09:30:00Z' },
      ]),
      'application/atom+xml; charset=utf-8',
    );
    site.feed(
      '/feed.json',
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: textPayload('json-feed'),
        home_page_url: site.url('/'),
        items: [
          {
            id: 'j-1',
            url: site.url('/bai/json.html'),
            external_url: "javascript:__xss('json-external')",
            title: textPayload('json-title'),
            content_html: [...livePayloads('json', site.origin), ...encodedPayloads('json')].join(' '),
            summary: textPayload('json-summary'),
            image: "javascript:__xss('json-image')",
            date_published: '2026-11-19T10:00:00Z',
            authors: [{ name: textPayload('json-author'), url: "javascript:__xss('json-author-url')" }],
          },
        ],
      }),
      'application/feed+json; charset=utf-8',
    );

    vigil = await CollectionHarness.start({ VIGIL_CONSOLE_DIR: consoleDist, VIGIL_WATCH_INTERVAL_SEC: '1' });
    // A rule in place before collection: the hostile items are flagged, so the Live screen and story pages show them too.
    const flagging = await vigil.vigil.request('POST', '/api/rules', { token: vigil.token, body: { name: textPayload('live-rule').slice(0, 200), query: 'tin OR council OR "giật gân"', severity: 'critical' } });
    expect(flagging.status).toBe(201);
    const add = (name: string, path: string, kind: 'rss' | 'atom' | 'jsonfeed', tags: string[] = []) => vigil.addSource({ name, url: site.url(path), kind, tags, pollIntervalSec: 86_400, maxPollIntervalSec: 86_400 });
    const rss = await add(textPayload('source-name'), '/rss.xml', 'rss', [`<svg onload=__xss('tag')>`, `"><img src=x onerror=__xss('tag2')>`]);
    const atomSource = await add(`Atom <iframe srcdoc="<script>parent.__xss('source-atom')</script>">`, '/atom.xml', 'atom');
    const json = await add(`JSON <a href="javascript:__xss('source-json')">nguồn</a>`, '/feed.json', 'jsonfeed');
    hostileSource = rss;

    // The articles are enriched from their pages (text and a snapshot), then the copy joins the RSS item's story.
    const enriched = async (sourceId: string, url: string) => {
      const item = await waitFor(`an item for ${url}`, async () => (await vigil.items(sourceId)).find((candidate) => candidate.url === url), PIPELINE_TIMEOUT_MS).catch(async (error: Error) => {
        const source = await vigil.source(sourceId);
        throw new Error(`${error.message}; the source has ${JSON.stringify((await vigil.items(sourceId)).map((candidate) => candidate.url))}, health ${JSON.stringify(source.health)}`);
      });
      return vigil.waitForArticle(item.id, { paragraphs: [url.endsWith('json.html') ? OTHER.paragraphs.at(-1)! : LAST_PARAGRAPH] });
    };
    rssItem = await enriched(rss.id, site.url('/bai/rss.html'));
    await enriched(atomSource.id, site.url('/bai/atom.html'));
    await enriched(json.id, site.url('/bai/json.html'));
    await waitFor('the copy to join the RSS item’s story', async () => ((await vigil.item(rssItem.id)).storyItems.length > 0 ? true : undefined), PIPELINE_TIMEOUT_MS);

    // Watched and then edited: the item page shows an event, the snapshots table a second snapshot.
    expect((await vigil.vigil.request('POST', `/api/items/${rssItem.id}/watch`, { token: vigil.token })).status).toBe(200);
    editedRssPage = true;
    rssItem = await waitFor('the edit to be recorded', async () => {
      const item = await vigil.item(rssItem.id);
      return item.events.length > 0 && item.snapshots.length > 1 ? item : undefined;
    }, PIPELINE_TIMEOUT_MS);
    const { body: users } = await vigil.vigil.request('POST', '/api/users', { token: vigil.token, body: { username: 'xss.user', password: 'mat-khau-thu-2026', displayName: textPayload('user-name'), roles: ['leader'] } });
    expect(users).toMatchObject({ username: 'xss.user' });

    const everything = await Promise.all([rss, atomSource, json].map((source) => vigil.items(source.id)));
    items = await Promise.all(everything.flat().map((item) => vigil.item(item.id)));
    browser = await launchChromium();
    pages = new BrowserPages(browser);
  }, 150_000);

  afterEach(async () => {
    expect(await pages.closeAll()).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await vigil?.close();
    await site?.stop();
  });

  /** A signed-in page whose CSP is bypassed (so only the rendering stands between the payloads and the page), with the tripwires set. */
  async function signedInPage(options: { bypassCSP: boolean } = { bypassCSP: true }): Promise<Page> {
    const page = await pages.open(options);
    await page.exposeFunction('__xss', (label: unknown) => {
      fired.push(`__xss(${String(label)}) on ${page.url()}`);
    });
    page.on('dialog', (dialog) => {
      fired.push(`${dialog.type()}(${dialog.message()}) on ${page.url()}`);
      void dialog.dismiss();
    });
    await page.goto(vigil.vigil.baseUrl);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(TEST_ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-user').waitFor();
    return page;
  }

  /** Lets late payloads (image errors, autofocus, toggles) have their chance, then reads the DOM. */
  async function expectInert(page: Page, screen: string): Promise<void> {
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(200);
    // Only Vigil's fetcher may ever ask the publisher for anything: a browser request there is a payload loading.
    const loaded = site.requests.filter((request) => !String(request.headers['user-agent']).includes('VigilBot')).map((request) => `browser loaded ${request.path}`);
    expect({ screen, live: await page.evaluate(liveMarkupIn), fired: [...fired, ...loaded] }).toEqual({ screen, live: [], fired: [] });
  }

  it('collected every hostile entry that has an http(s) address (the javascript: one is left out)', () => {
    expect(items.length).toBeGreaterThanOrEqual(3);
    for (const item of items) expect(item.url).toMatch(/^https?:\/\//);
    console.log(`Stored titles: ${items.map((item) => JSON.stringify(item.title)).join(' | ')}`);
  });

  it('shows the items list and search results with every payload inert', async () => {
    const page = await signedInPage();
    await page.getByTestId('result-item').nth(items.length - 1).waitFor();
    await expectInert(page, 'items list');
    for (const query of ['giật gân', 'Riverside council', `<img src=x onerror=__xss('query')>`]) {
      const answered = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/items' && new URL(response.url()).searchParams.get('q') === query);
      await page.goto(`${vigil.vigil.baseUrl}/?q=${encodeURIComponent(query)}`);
      await answered;
      await expectInert(page, `search ${query}`);
    }
    // The hostile title is on screen as the text it is.
    await page.goto(`${vigil.vigil.baseUrl}/?q=${encodeURIComponent('giật gân')}`);
    await page.getByText(rssItem.title.trim().slice(0, 30), { exact: false }).first().waitFor();
  });

  it('shows each item page (article text, byline, links, images, snapshots, story, events) with every payload inert', async () => {
    const page = await signedInPage();
    for (const item of items) {
      await page.goto(`${vigil.vigil.baseUrl}/items/${item.id}`);
      await page.getByTestId('item-detail').waitFor();
      await page.getByTestId('item-snapshots').waitFor();
      await expectInert(page, `item ${item.title.slice(0, 40)}`);
    }
    await page.goto(`${vigil.vigil.baseUrl}/items/${rssItem.id}`);
    await page.getByTestId('item-event').first().waitFor();
    await page.getByTestId('item-story-link').first().waitFor();
    expect(await page.getByTestId('item-snapshot').count()).toBe(rssItem.snapshots.length);
    // Markup-looking text (the page's byline repeated in its body, the feed's author) is shown as the text it is.
    expect(await page.getByTestId('item-text').textContent()).toContain(`<script>__xss('page-byline-script')</script>`);
    expect(await page.getByTestId('item-byline').textContent()).toContain(`onerror="__xss('rss-author')"`);
    await expectInert(page, 'item with events and story');
    // Following the story link keeps the page mounted and renders the copy.
    await page.getByTestId('item-story-link').first().click();
    await page.waitForURL((url) => url.pathname !== `/items/${rssItem.id}`);
    await page.getByTestId('item-detail').waitFor();
    await expectInert(page, 'story copy');
  });

  it('shows the sources list, a source’s edit dialog and the users list with every payload inert', async () => {
    const page = await signedInPage();
    await page.getByTestId('nav-sources').click();
    await page.getByTestId('source-row').nth(2).waitFor();
    await expectInert(page, 'sources list');
    const row = page.getByTestId('source-row').filter({ hasText: "__xss('source-name')" });
    await row.getByTestId('source-edit').click();
    await page.getByTestId('source-edit-dialog').waitFor();
    expect(await page.locator('[data-testid="source-edit-dialog"] input').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))).toContain(hostileSource.name);
    await expectInert(page, 'source edit dialog');
    await page.goto(`${vigil.vigil.baseUrl}/users`);
    await page.getByText("__xss('user-name')", { exact: false }).first().waitFor();
    await expectInert(page, 'users list');
  });

  it('shows the watch rules screen, a hostile rule in its editor and a preview of hostile matches with every payload inert', async () => {
    const created = await vigil.vigil.request<{ id: string }>('POST', '/api/rules', {
      token: vigil.token,
      body: { name: textPayload('rule-name'), query: '"giật gân" OR "<img src=x onerror=__xss(1)>"', severity: 'critical', ownerTeam: `<img src=x onerror=__xss('team')>`, description: textPayload('rule-description') },
    });
    expect(created.status).toBe(201);
    const page = await signedInPage();
    await page.goto(`${vigil.vigil.baseUrl}/rules`);
    await page.getByTestId('rule-row').first().waitFor();
    await expectInert(page, 'rules list');
    await page.getByTestId('rule-edit').first().click();
    const editor = page.getByTestId('rule-editor');
    await editor.getByTestId('rule-preview-run').click();
    await editor.getByTestId('rule-preview-total').waitFor();
    // The hostile titles are listed, their matched words marked, as text: the same matches the API previews.
    const preview = await vigil.vigil.request<{ total: number }>('POST', '/api/rules/preview', { token: vigil.token, body: { query: '"giật gân" OR "<img src=x onerror=__xss(1)>"' } });
    expect(preview.body.total).toBeGreaterThan(0);
    expect(Number(await editor.getByTestId('rule-preview-total').getAttribute('data-total'))).toBe(preview.body.total);
    await expectInert(page, 'rule editor and preview');
  });

  it('shows the Live screen and a flagged story page with every payload inert', async () => {
    const page = await signedInPage();
    await page.goto(`${vigil.vigil.baseUrl}/live`);
    await page.getByTestId('flag-row').first().waitFor();
    await expectInert(page, 'live flags');
    const story = page.getByTestId('flag-story-link').first();
    if ((await story.count()) > 0) {
      await story.click();
      await page.waitForURL(/\/stories\//);
      await expectInert(page, 'story page');
    }
  });

  it('shows the case board and a case page (title, claim, tags, team, assignee, links, comments, activity) with every payload inert', async () => {
    const token = vigil.token;
    const { body: everyone } = await vigil.vigil.request<UserView[]>('GET', '/api/users', { token });
    const hostileUser = everyone.find((user) => user.username === 'xss.user')!;
    const team = await vigil.vigil.request<TeamView>('POST', '/api/teams', { token, body: { name: textPayload('team').slice(0, 100), memberIds: [hostileUser.id] } });
    expect(team.status).toBe(201);
    const created = await vigil.vigil.request<CaseView>('POST', '/api/cases', {
      token,
      body: {
        title: textPayload('case-title'),
        claimSummary: [...livePayloads('case-claim', site.origin), ...encodedPayloads('case-claim')].join(' '),
        severity: 'critical',
        teamId: team.body.id,
        assigneeId: hostileUser.id,
        tags: [`<svg onload=__xss('case-tag')>`, `"><img src=x onerror=__xss('case-tag2')>`],
        links: [{ kind: 'item', id: rssItem.id }, ...(rssItem.storyId ? [{ kind: 'story' as const, id: rssItem.storyId }] : [])],
      },
    });
    expect(created.status).toBe(201);
    const caseId = created.body.id;
    const commented = await vigil.vigil.request('POST', `/api/cases/${caseId}/comments`, { token, body: { body: `@xss.user ${textPayload('case-comment')} <a href="javascript:__xss('comment-link')">xem</a>` } });
    expect(commented.status).toBe(201);
    const edited = await vigil.vigil.request('PATCH', `/api/cases/${caseId}`, { token, body: { title: textPayload('case-title-edited'), tags: [`<img src=x onerror=__xss('case-tag3')>`] } });
    expect(edited.status).toBe(200);

    const page = await signedInPage();
    await page.goto(`${vigil.vigil.baseUrl}/cases`);
    await page.locator(`[data-testid="case-card"][data-case-id="${caseId}"]`).waitFor();
    await expectInert(page, 'case board');
    await page.getByTestId('case-move-open').first().click();
    await page.getByTestId('case-move-to').first().waitFor();
    await expectInert(page, 'case board move menu');
    await page.goto(`${vigil.vigil.baseUrl}/cases/${caseId}`);
    await page.getByTestId('case-comment').first().waitFor();
    await page.locator('[data-testid="activity-entry"][data-action="updated"]').waitFor();
    // The hostile text is on screen as the text it is.
    expect(await page.getByTestId('case-detail-title').textContent()).toBe(textPayload('case-title-edited'));
    expect(await page.getByTestId('comment-mention').textContent()).toBe('@xss.user');
    await expectInert(page, 'case page');
  });

  it('shows a hostile case’s timeline and similar cases, the shift handover, the dashboard and the printable report with every payload inert', async () => {
    const token = vigil.token;
    const created = await vigil.vigil.request<CaseView>('POST', '/api/cases', {
      token,
      body: {
        title: textPayload('timeline-case'),
        claimSummary: [...livePayloads('report-claim', site.origin), ...encodedPayloads('report-claim')].join(' '),
        severity: 'critical',
        links: [{ kind: 'item', id: rssItem.id }, ...(rssItem.storyId ? [{ kind: 'story' as const, id: rssItem.storyId }] : [])],
      },
    });
    expect(created.status).toBe(201);
    const caseId = created.body.id;
    const moved = await vigil.vigil.request('POST', `/api/cases/${caseId}/transition`, { token, body: { to: 'acknowledged', reason: textPayload('transition-reason').slice(0, 500) } });
    expect(moved.status).toBe(200);
    // A second hostile case about the same text, so the case page's similar-cases panel shows hostile suggestions.
    const similar = await vigil.vigil.request<CaseView>('POST', '/api/cases', { token, body: { title: textPayload('similar-case'), claimSummary: textPayload('similar-claim'), severity: 'high' } });
    expect(similar.status).toBe(201);

    const page = await signedInPage();
    await page.goto(`${vigil.vigil.baseUrl}/cases/${caseId}`);
    await page.getByTestId('timeline-event').first().waitFor();
    expect(await page.getByTestId('timeline-events').textContent()).toContain(textPayload('transition-reason').slice(0, 500));
    const suggestion = page.locator(`[data-testid="similar-case"][data-case-id="${similar.body.id}"]`);
    await suggestion.waitFor();
    expect(await suggestion.getByTestId('similar-case-title').textContent()).toBe(textPayload('similar-case'));
    await expectInert(page, 'case timeline and similar cases');
    await page.getByTestId('nav-handover').click();
    await page.getByTestId('handover-case').first().waitFor();
    await expectInert(page, 'shift handover');
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('dashboard-breaches').waitFor();
    await expectInert(page, 'dashboard');
    // The report as served (its CSP allows one hashed style, nothing else) and with that CSP bypassed (escaping alone).
    for (const bypassCSP of [false, true]) {
      const report = await signedInPage({ bypassCSP });
      await report.goto(`${vigil.vigil.baseUrl}/api/cases/${caseId}/report`);
      await report.locator('h1').waitFor();
      expect(await report.locator('h1').textContent()).toBe(textPayload('timeline-case'));
      await expectInert(report, `case report${bypassCSP ? ' (CSP bypassed)' : ''}`);
    }
  });

  it('serves each archived page sanitised under its own CSP, inert even with that CSP bypassed', async () => {
    const snapshots = items.flatMap((item) => item.snapshots.map((snapshot) => ({ item, snapshot })));
    expect(snapshots.length).toBeGreaterThanOrEqual(items.length);
    for (const { item, snapshot } of snapshots) {
      const raw = await vigil.raw('GET', `/api/items/${item.id}/snapshot?snapshotId=${snapshot.id}`);
      expect(raw.status).toBe(200);
      const csp = raw.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toMatch(/script-src|unsafe-eval/);
      expect(raw.headers.get('x-content-type-options')).toBe('nosniff');
    }
    // Once as served (the CSP on, nothing may even load: no beacon), once with the CSP bypassed (the sanitiser alone).
    for (const bypassCSP of [false, true]) {
      const page = await signedInPage({ bypassCSP });
      for (const { item, snapshot } of snapshots) {
        await page.goto(`${vigil.vigil.baseUrl}/api/items/${item.id}/snapshot?snapshotId=${snapshot.id}`);
        await page.locator('.vigil-banner').waitFor();
        expect(await page.locator('body').textContent()).toContain('Đoạn kèm mã:');
        await expectInert(page, `snapshot ${snapshot.id}${bypassCSP ? ' (CSP bypassed)' : ''}`);
      }
    }
  });
});
