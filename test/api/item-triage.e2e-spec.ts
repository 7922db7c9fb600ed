// GET /api/items as a triage tool (issue 8): relevance that prefers the accents typed, date-range and language
// filters validated with codes, and edited / removed / same-story flags on every listed item.
import type { ApiErrorBody, ItemListEntry, ItemPage, SourceView } from '@vigil/contracts';
import { FixtureServer, waitFor } from '@vigil/testing';
import { DataSource } from 'typeorm';
import {
  BURST_DIKE,
  ENGLISH_CLAIM,
  ENGLISH_CONVOY,
  ENGLISH_ENTRIES,
  INFERTILITY_RUMOUR,
  OLD_RUMOUR,
  RECONCILED_CLASSIC,
  RECONCILED_MODERN,
  triageFeed,
  VIETNAMESE_ENTRIES,
} from '../fixtures/triage/triage-feeds';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';

describe('Items list for triage', () => {
  let vigil: VigilTestApp;
  let feeds: FixtureServer;
  let admin: string;
  const total = VIETNAMESE_ENTRIES.length + ENGLISH_ENTRIES.length;

  beforeAll(async () => {
    feeds = new FixtureServer();
    await feeds.start();
    vigil = await startVigil();
    admin = await vigil.adminToken();
    const sources: [string, 'vi' | 'en', typeof VIETNAMESE_ENTRIES][] = [
      ['Tin Miền Núi', 'vi', VIETNAMESE_ENTRIES],
      ['Riverside Herald', 'en', ENGLISH_ENTRIES],
    ];
    for (const [name, language, entries] of sources) {
      const url = feeds.serve(`/${language}.rss`, {
        body: triageFeed(vigil.clock, { title: name, site: `https://${language}.triage.example.vn`, language, entries }),
      });
      const created = await vigil.request<SourceView>('POST', '/api/sources', { token: admin, body: { name, url, kind: 'rss', pollIntervalSec: 600 } });
      expect(created.status).toBe(201);
    }
    await waitFor('both feeds to be collected', async () => ((await list('limit=100')).total === total ? true : undefined), 30_000);
    await vigil.searchable();
  }, 90_000);

  afterAll(async () => {
    await vigil?.close();
    await feeds?.stop();
  });

  async function list(query: string): Promise<ItemPage> {
    const { status, body } = await vigil.request<ItemPage>('GET', `/api/items?${query}`, { token: admin });
    expect(status).toBe(200);
    return body;
  }

  async function titles(query: string): Promise<string[]> {
    return (await list(query)).items.map((item) => item.title);
  }

  it('ranks items spelt with the accents typed above those matching only once folded', async () => {
    expect((await titles(`q=${encodeURIComponent('vỡ')}`)).slice(0, 2)).toEqual([BURST_DIKE, INFERTILITY_RUMOUR]);
    expect((await titles(`q=${encodeURIComponent('vô sinh')}`))[0]).toBe(INFERTILITY_RUMOUR);
    // Newest first ignores spelling: the rumour is the newer item.
    expect((await titles(`q=${encodeURIComponent('vỡ')}&sort=newest`)).slice(0, 2)).toEqual([INFERTILITY_RUMOUR, BURST_DIKE]);
    // Typed without marks, both spellings stay equal and the folded match decides.
    expect(new Set((await titles('q=vo')).slice(0, 2))).toEqual(new Set([BURST_DIKE, INFERTILITY_RUMOUR]));
  });

  it('treats both tone-mark placements as the exact spelling', async () => {
    const found = await titles(`q=${encodeURIComponent('hòa giải')}`);
    expect(found.slice(0, 2).sort()).toEqual([RECONCILED_CLASSIC, RECONCILED_MODERN].sort());
  });

  it('filters by language, with and without a query', async () => {
    expect((await titles('language=en')).sort()).toEqual([ENGLISH_CLAIM, ENGLISH_CONVOY].sort());
    expect(await titles('language=en&q=claims')).toEqual([ENGLISH_CLAIM]);
    const vietnamese = await list('language=vi&limit=100');
    expect(vietnamese.total).toBe(VIETNAMESE_ENTRIES.length);
    expect(vietnamese.items.every((item) => item.language === 'vi')).toBe(true);
  });

  it('filters by a published date range, from inclusive and to exclusive', async () => {
    const from = vigil.clock.at('-3h30m').toISOString();
    const to = vigil.clock.at('-1h').toISOString();
    expect(await titles(`from=${from}&to=${to}`)).toEqual([BURST_DIKE, RECONCILED_CLASSIC]);
    expect(await titles(`from=${vigil.clock.at('-1h').toISOString()}`)).toEqual([INFERTILITY_RUMOUR]);
    expect(await titles(`q=${encodeURIComponent('tin đồn')}&to=${vigil.clock.at('-48h').toISOString()}`)).toEqual([OLD_RUMOUR]);
  });

  it.each([
    ['from=yesterday', 'validation_failed', 'from'],
    ['to=2026-13-40T00:00:00Z', 'validation_failed', 'to'],
    ['language=fr', 'validation_failed', 'language'],
    ['from=2026-11-20T00:00:00Z&to=2026-11-10T00:00:00Z', 'date_range_invalid', 'from'],
  ])('refuses %s with 400 %s naming the parameter', async (query, code, field) => {
    const { status, body } = await vigil.request<ApiErrorBody>('GET', `/api/items?${query}`, { token: admin });
    expect(status).toBe(400);
    expect(body).toMatchObject({ code, field });
  });

  it('marks where each hit matched as ranges into its verbatim title and snippet, the accents as written', async () => {
    const page = await list(`q=${encodeURIComponent('hoa giai')}`);
    const classic = page.items.find((item) => item.title === RECONCILED_CLASSIC)!;
    const marked = (text: string, ranges: [number, number][]) => ranges.map(([start, end]) => text.slice(start, end));
    expect(marked(classic.title, classic.highlights!.title)).toEqual(['hòa', 'giải']);
    expect(marked(classic.snippet, classic.highlights!.snippet)).toEqual(['hòa', 'giải']);
    expect((await list('limit=5')).items[0]).not.toHaveProperty('highlights');
  });

  it('counts facets by source, language and Vietnam day when asked, for the query and filters', async () => {
    const all = await list('facets=true&limit=1');
    expect(all.facets!.languages).toEqual([
      { value: 'vi', count: VIETNAMESE_ENTRIES.length },
      { value: 'en', count: ENGLISH_ENTRIES.length },
    ]);
    expect(all.facets!.sources.map((facet) => facet.count).sort()).toEqual([ENGLISH_ENTRIES.length, VIETNAMESE_ENTRIES.length].sort());
    expect(all.facets!.days.reduce((sum, day) => sum + day.count, 0)).toBe(total);
    expect(all.facets!.days.every((day) => /^\d{4}-\d{2}-\d{2}$/.test(day.value))).toBe(true);
    const searched = await list(`q=${encodeURIComponent('hoà giải')}&facets=true`);
    expect(searched.facets).toMatchObject({ languages: [{ value: 'vi', count: searched.total }], partial: false });
    expect(await list('limit=1')).not.toHaveProperty('facets');
  });

  it.each(['', `q=${encodeURIComponent('"bản tin" OR tin')}&`, `q=${encodeURIComponent('"bản tin" OR tin')}&sort=newest&`])(
    'pages %sby cursor to the last page, as offset paging lists them',
    async (query) => {
      const whole = (await list(`${query}limit=100`)).items.map((item) => item.id);
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const page: ItemPage = await list(`${query}limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        paged.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(paged).toEqual(whole);
    },
  );

  it('refuses a cursor it did not write, or one for another order, with 400 search_cursor_invalid', async () => {
    const first = await list(`q=${encodeURIComponent('bản tin')}&limit=2`);
    for (const query of ['cursor=nonsense', `cursor=${first.nextCursor}`, `q=tin&sort=newest&cursor=${first.nextCursor}`, `q=tin&cursor=${Buffer.from('["postgres","relevance",2,["x"]]').toString('base64url')}`]) {
      const { status, body } = await vigil.request<ApiErrorBody>('GET', `/api/items?${query}`, { token: admin });
      expect({ query, status, code: body.code }).toEqual({ query, status: 400, code: 'search_cursor_invalid' });
    }
  });

  it('pages by offset as deep as both engines answer alike, and says to follow the cursor beyond', async () => {
    expect((await list(`q=${encodeURIComponent('bản tin')}&limit=100&offset=9900`)).items).toEqual([]);
    const { status, body } = await vigil.request<ApiErrorBody>('GET', `/api/items?q=${encodeURIComponent('bản tin')}&limit=100&offset=9901`, { token: admin });
    expect({ status, code: body.code, field: body.field }).toEqual({ status: 400, code: 'validation_failed', field: 'offset' });
  });

  it('flags edited, removed and same-story items in the list and in search results', async () => {
    const all = await list('limit=100');
    const byTitle = (title: string): ItemListEntry => all.items.find((item) => item.title === title)!;
    expect(byTitle(BURST_DIKE)).toMatchObject({ edited: false, removed: false, storyId: null, storySize: 1 });

    const db = vigil.app.get(DataSource);
    const [edited, removed, gone, story1, story2] = [BURST_DIKE, RECONCILED_CLASSIC, RECONCILED_MODERN, ENGLISH_CLAIM, ENGLISH_CONVOY].map((title) => byTitle(title).id);
    await db.query(`INSERT INTO item_events (item_id, kind, reason, at, detail) VALUES ($1, 'item.changed', 'text_edited', now(), 'edited')`, [edited]);
    await db.query(`UPDATE items SET removed_at = now() WHERE id = $1`, [removed]);
    await db.query(`INSERT INTO item_events (item_id, kind, reason, params, at, detail) VALUES ($1, 'item.removed', 'page_gone', '{"httpStatus":404}', now(), 'gone')`, [gone]);
    const [{ id: storyId }]: { id: string }[] = await db.query(
      `INSERT INTO stories (title, first_source_id, first_seen_at) SELECT title, source_id, fetched_at FROM items WHERE id = $1 RETURNING id`,
      [story1],
    );
    await db.query(`UPDATE items SET story_id = $1 WHERE id = ANY($2)`, [storyId, [story1, story2]]);

    const after = await list('limit=100');
    const flags = (id: string) => {
      const item = after.items.find((entry) => entry.id === id)!;
      return { edited: item.edited, removed: item.removed, storySize: item.storySize };
    };
    expect(flags(edited)).toEqual({ edited: true, removed: false, storySize: 1 });
    expect(flags(removed)).toEqual({ edited: false, removed: true, storySize: 1 });
    expect(flags(gone)).toEqual({ edited: false, removed: true, storySize: 1 });
    expect(flags(story1)).toEqual({ edited: false, removed: false, storySize: 2 });
    expect(after.items.find((entry) => entry.id === story2)?.storyId).toBe(storyId);

    const searched = await list(`q=${encodeURIComponent('vỡ')}`);
    expect(searched.items.find((item) => item.id === edited)).toMatchObject({ edited: true });
  });
});
