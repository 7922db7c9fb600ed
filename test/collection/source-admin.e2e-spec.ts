import type { ItemSummary, OpmlImportResult, SourceRemoval, SourceView } from '@vigil/contracts';
import { waitFor } from '@vigil/testing';
import { DataSource } from 'typeorm';
import { articlePage, atom, healthyBriefs, opml, rss2 } from '../fixtures/collection';
import { CollectionHarness } from './support/collection-harness';
import { CollectionFixtureServer } from './support/collection-fixture-server';

/** Managing sources: pausing, editing, removing, refusing duplicates, OPML import and export. */
describe('Collection: managing sources', () => {
  let site: CollectionFixtureServer;
  let vigil: CollectionHarness;

  beforeAll(async () => {
    site = new CollectionFixtureServer();
    await site.start();
    // A scheduler tick every second, so a spec that moves the clock past a due time sees the poll (or its absence) soon.
    vigil = await CollectionHarness.start({ VIGIL_SCHEDULER_TICK_SEC: '1' });
  });

  afterAll(async () => {
    await vigil?.close();
    await site?.stop();
  });

  /** A feed of fresh briefs at `prefix`/rss.xml; returns its URL and the expected articles by link. */
  function publishFeed(prefix: string, label: string, count = 1) {
    const briefs = healthyBriefs(label, count);
    const entries = briefs.map((brief, index) => {
      const link = site.page(`${prefix}/bai-${index + 1}.html`, articlePage(brief));
      return { title: brief.title, link, guid: `${prefix}-${index + 1}`, summary: brief.paragraphs[0] };
    });
    const url = site.feed(`${prefix}/rss.xml`, rss2({ title: label, link: site.url(`${prefix}/`) }, entries));
    return { url, expected: entries.map((entry, index) => ({ url: entry.link, article: briefs[index]! })) };
  }

  function patch(id: string, body: Record<string, unknown>) {
    return vigil.vigil.request<SourceView & { message?: string }>('PATCH', `/api/sources/${id}`, { token: vigil.token, body });
  }

  it('never fetches a paused source, refusing fetch-now with 409, and collects it once resumed', async () => {
    const paused = publishFeed('/tam-dung', 'nguồn tạm dừng');
    const active = publishFeed('/dang-chay', 'nguồn đang chạy');
    const source = await vigil.addSource({ name: 'Nguồn tạm dừng', url: paused.url, kind: 'rss', paused: true });
    expect(source).toMatchObject({ paused: true, nextFetchAt: null, lastFetchedAt: null });
    expect(source.health.status).toBe('paused');
    const refused = await vigil.vigil.request<{ message: string }>('POST', `/api/sources/${source.id}/fetch`, { token: vigil.token });
    expect(refused).toMatchObject({ status: 409, body: { code: 'source_paused', message: 'Nguồn tạm dừng is paused: resume it to fetch it' } });

    // A source added after it is collected and archived: the worker and the scheduler have had their turns.
    const running = await vigil.addSource({ name: 'Nguồn đang chạy', url: active.url, kind: 'rss' });
    await vigil.waitForArticles(running.id, active.expected);
    expect(site.requests.filter((request) => request.path.startsWith('/tam-dung/'))).toEqual([]);
    expect(await vigil.items(source.id)).toEqual([]);
    expect((await vigil.source(source.id)).health).toMatchObject({ status: 'paused', lastSuccessAt: null, lastError: null, consecutiveFailures: 0 });

    const resumed = await patch(source.id, { paused: false });
    expect(resumed.status).toBe(200);
    expect(resumed.body.paused).toBe(false);
    expect(resumed.body.nextFetchAt).not.toBeNull();
    await vigil.waitForArticles(source.id, paused.expected);
    expect((await vigil.source(source.id)).health.status).toBe('ok');
  });

  it('stops polling a source paused with PATCH', async () => {
    const feed = publishFeed('/dung-giua-chung', 'dừng giữa chừng');
    const source = await vigil.addSource({ name: 'Dừng giữa chừng', url: feed.url, kind: 'rss' });
    await vigil.waitForArticles(source.id, feed.expected);
    const pausedView = await patch(source.id, { paused: true });
    expect(pausedView.body).toMatchObject({ paused: true, nextFetchAt: null, health: expect.objectContaining({ status: 'paused' }) });
    const polls = site.requestsTo('/dung-giua-chung/rss.xml').length;
    const refused = await vigil.vigil.request<{ message: string }>('POST', `/api/sources/${source.id}/fetch`, { token: vigil.token });
    expect(refused).toMatchObject({ status: 409, body: { code: 'source_paused', message: 'Dừng giữa chừng is paused: resume it to fetch it' } });
    const other = publishFeed('/rao-chan', 'rào chắn');
    const barrier = await vigil.addSource({ name: 'Rào chắn', url: other.url, kind: 'rss' });
    await vigil.waitForArticles(barrier.id, other.expected);
    expect(site.requestsTo('/dung-giua-chung/rss.xml')).toHaveLength(polls);
  });

  it('edits a source with PATCH and refuses poll bounds that exclude the interval', async () => {
    const feed = publishFeed('/sua-doi', 'sửa đổi');
    const source = await vigil.addSource({ name: 'Trước khi sửa', url: feed.url, kind: 'rss', pollIntervalSec: 900, tags: ['cũ'] });
    const edited = await patch(source.id, {
      name: '  Sau khi sửa  ',
      pollIntervalSec: 1200,
      minPollIntervalSec: 600,
      maxPollIntervalSec: 7200,
      languageHint: 'vi',
      weight: 85,
      tags: ['báo-tỉnh', 'ưu-tiên'],
      listing: { linkSelector: 'article h3 a' },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      id: source.id,
      name: 'Sau khi sửa',
      url: feed.url,
      kind: 'rss',
      pollIntervalSec: 1200,
      minPollIntervalSec: 600,
      maxPollIntervalSec: 7200,
      languageHint: 'vi',
      weight: 85,
      tags: ['báo-tỉnh', 'ưu-tiên'],
      listing: { linkSelector: 'article h3 a' },
    });
    expect(await vigil.source(source.id)).toMatchObject({ name: 'Sau khi sửa', weight: 85, tags: ['báo-tỉnh', 'ưu-tiên'] });

    const badBounds = await patch(source.id, { minPollIntervalSec: 3600 });
    expect(badBounds).toMatchObject({ status: 400, body: { code: 'poll_bounds_invalid', field: 'pollIntervalSec' } });
    expect(badBounds.body.message).toMatch(/pollIntervalSec/);
    const badWeight = await patch(source.id, { weight: 101 });
    expect(badWeight).toMatchObject({ status: 400, body: { code: 'validation_failed', field: 'weight' } });
    const badKind = await patch(source.id, { kind: 'auto' });
    expect(badKind).toMatchObject({ status: 400, body: { code: 'validation_failed', field: 'kind' } });
    expect(await vigil.source(source.id)).toMatchObject({ minPollIntervalSec: 600, weight: 85, kind: 'rss' });
  });

  it('refuses, at create and at edit, a link pattern RE2 cannot run (lookaround, backreferences) with a 400', async () => {
    const page = site.page('/mau-lien-ket/chuyen-muc', '<html><body><a href="/mau-lien-ket/bai-12345.html">Bài</a></body></html>');
    const before = (await vigil.vigil.request<SourceView[]>('GET', '/api/sources', { token: vigil.token })).body.length;
    const created = await vigil.vigil.request<unknown>('POST', '/api/sources', {
      token: vigil.token,
      body: { name: 'Mẫu nhìn trước', url: page, kind: 'web', listing: { linkPattern: '/mau-lien-ket/(?=bai-)' } },
    });
    expect(created).toMatchObject({ status: 400, body: { code: 'validation_failed', field: 'listing.linkPattern' } });
    expect(JSON.stringify(created.body)).toMatch(/linkPattern must be a regular expression in RE2 syntax/);
    expect((await vigil.vigil.request<SourceView[]>('GET', '/api/sources', { token: vigil.token })).body).toHaveLength(before);

    const source = await vigil.addSource({ name: 'Mẫu hợp lệ', url: page, kind: 'web', paused: true, listing: { linkPattern: '(a+)+$|/bai-\\d+\\.html$' } });
    expect(source.listing).toEqual({ linkPattern: '(a+)+$|/bai-\\d+\\.html$' });
    const edited = await patch(source.id, { listing: { linkPattern: '/(bai)-\\d+/\\1' } });
    expect(edited).toMatchObject({ status: 400, body: { code: 'validation_failed', field: 'listing.linkPattern' } });
    expect((await vigil.source(source.id)).listing).toEqual({ linkPattern: '(a+)+$|/bai-\\d+\\.html$' });
  });

  it('refuses a source whose address is already a source, however it is spelt, with 409 and the existing id', async () => {
    const feed = publishFeed('/trung-lap', 'nguồn trùng lặp');
    const first = await vigil.addSource({ name: 'Nguồn gốc', url: feed.url, kind: 'rss' });
    for (const spelling of [feed.url, `${feed.url}/`, `${feed.url}?utm_source=zalo&utm_medium=chia-se`, `${feed.url}#moi-nhat`, feed.url.replace('http://', 'HTTP://')]) {
      const { status, body } = await vigil.vigil.request<{ code: string; field: string; details: { existingId: string } }>('POST', '/api/sources', {
        token: vigil.token,
        body: { name: 'Nguồn trùng', url: spelling, kind: 'auto' },
      });
      expect({ spelling, status, code: body.code, field: body.field, existingId: body.details?.existingId }).toEqual({ spelling, status: 409, code: 'source_exists', field: 'url', existingId: first.id });
    }
    const sources = (await vigil.vigil.request<SourceView[]>('GET', '/api/sources', { token: vigil.token })).body;
    expect(sources.filter((source) => source.url.startsWith(feed.url))).toHaveLength(1);
  });

  it('keeps one source per address when two officers add it at the same moment, and refuses an edit to another source’s address', async () => {
    const feed = publishFeed('/cung-luc', 'nguồn thêm cùng lúc');
    const add = (url: string) => vigil.vigil.request<SourceView & { code?: string; details?: { existingId: string } }>('POST', '/api/sources', { token: vigil.token, body: { name: 'Nguồn thêm cùng lúc', url, kind: 'rss' } });
    // Spellings the fixture server answers alike (a fragment is never sent), so each passes detection.
    const answers = await Promise.all([add(feed.url), add(feed.url), add(`${feed.url}#moi-nhat`)]);
    const stored = answers.filter((answer) => answer.status === 201);
    expect(stored).toHaveLength(1);
    const refusals = answers.filter((answer) => answer.status !== 201).map((answer) => ({ status: answer.status, code: answer.body.code, existingId: answer.body.details?.existingId }));
    expect(refusals).toEqual([
      { status: 409, code: 'source_exists', existingId: stored[0]!.body.id },
      { status: 409, code: 'source_exists', existingId: stored[0]!.body.id },
    ]);

    const other = await vigil.addSource({ name: 'Nguồn khác', url: publishFeed('/cung-luc-khac', 'nguồn khác').url, kind: 'rss' });
    const edited = await patch(other.id, { url: `${feed.url}#moi` });
    expect(edited).toMatchObject({ status: 409, body: { code: 'source_exists', field: 'url', details: { existingId: stored[0]!.body.id } } });
    expect((await vigil.source(other.id)).url).toBe(other.url);
    // Its own address, spelt another way, is no conflict.
    expect(await patch(other.id, { url: `${other.url}#tin-moi` })).toMatchObject({ status: 200, body: { url: `${other.url}#tin-moi` } });
  });

  describe('removing a source', () => {
    function remove(id: string, query = '') {
      return vigil.vigil.request<SourceRemoval & { code?: string }>('DELETE', `/api/sources/${id}${query}`, { token: vigil.token });
    }

    it('keeps its items as evidence marked "source removed", stops polling it and frees its address', async () => {
      const removedFeed = publishFeed('/go-bo', 'nguồn gỡ bỏ', 2);
      const keptFeed = publishFeed('/giu-lai', 'nguồn giữ lại');
      const removed = await vigil.addSource({ name: 'Nguồn sẽ gỡ', url: removedFeed.url, kind: 'rss', pollIntervalSec: 60, minPollIntervalSec: 60, maxPollIntervalSec: 60 });
      const kept = await vigil.addSource({ name: 'Nguồn giữ lại', url: keptFeed.url, kind: 'rss', pollIntervalSec: 60, minPollIntervalSec: 60, maxPollIntervalSec: 60 });
      const items = await vigil.waitForArticles(removed.id, removedFeed.expected);
      await vigil.waitForArticles(kept.id, keptFeed.expected);

      expect(await remove(removed.id)).toMatchObject({ status: 200, body: { id: removed.id, deletedItems: 0 } });
      expect(await remove(removed.id)).toMatchObject({ status: 404, body: { code: 'source_not_found' } });
      expect((await vigil.vigil.request('GET', `/api/sources/${removed.id}`, { token: vigil.token })).status).toBe(404);
      const listed = (await vigil.vigil.request<SourceView[]>('GET', '/api/sources', { token: vigil.token })).body;
      expect(listed.map((source) => source.id)).not.toContain(removed.id);
      for (const item of items) {
        expect(await vigil.item(item!.id)).toMatchObject({ id: item!.id, sourceId: removed.id, sourceName: 'Nguồn sẽ gỡ', sourceRemoved: true, text: item!.text });
      }
      expect(await vigil.item((await vigil.items(kept.id))[0]!.id)).toMatchObject({ sourceName: 'Nguồn giữ lại', sourceRemoved: false });

      // Two poll intervals later the kept source has been polled again, the removed one not.
      const polls = () => site.requestsTo('/go-bo/rss.xml').length;
      const before = polls();
      const keptPolled = (await vigil.source(kept.id)).lastFetchedAt;
      vigil.vigil.clock.advance(120_000);
      await vigil.waitForSource(kept.id, 'to be polled again', (view) => view.lastFetchedAt !== keptPolled);
      expect(polls()).toBe(before);

      // The address is free again: adding it makes a new source.
      const again = await vigil.addSource({ name: 'Nguồn thêm lại', url: removedFeed.url, kind: 'rss' });
      expect(again.id).not.toBe(removed.id);
      expect((await remove(again.id)).status).toBe(200);
    });

    it('deletes its items too when asked (withItems=true)', async () => {
      const feed = publishFeed('/xoa-het', 'nguồn xoá hết', 2);
      const source = await vigil.addSource({ name: 'Nguồn xoá hết', url: feed.url, kind: 'rss' });
      const items = await vigil.waitForArticles(source.id, feed.expected);
      expect(await remove(source.id, '?withItems=yes')).toMatchObject({ status: 400, body: { code: 'validation_failed' } });

      expect(await remove(source.id, '?withItems=true')).toMatchObject({ status: 200, body: { id: source.id, deletedItems: 2 } });
      for (const item of items) expect((await vigil.vigil.request('GET', `/api/items/${item!.id}`, { token: vigil.token })).status).toBe(404);
      const page = await vigil.vigil.request<{ items: ItemSummary[] }>('GET', `/api/items?sourceId=${source.id}`, { token: vigil.token });
      expect(page.body.items).toEqual([]);
      const found = await waitFor('the search to settle', async () => (await vigil.search(feed.expected[0]!.article.title)).items, 5_000);
      expect(found.map((item) => item.sourceId)).not.toContain(source.id);
      // The sweep queued by the removal deleted the search documents (PostgreSQL: none left) and cleared the mark.
      const db = vigil.vigil.app.get(DataSource);
      const pending = async () => ((await db.query(`SELECT search_purge_pending FROM sources WHERE id = $1`, [source.id])) as { search_purge_pending: boolean }[])[0];
      await waitFor('the removed items to leave the search engine', async () => ((await pending())?.search_purge_pending === false ? true : undefined), 10_000);
    });
  });

  describe('OPML', () => {
    it('imports feeds (folders and categories as tags), skips known and non-http ones, and exports a list that re-imports as is', async () => {
      const first = publishFeed('/opml-mot', 'opml một');
      site.feed('/opml-hai/atom.xml', atom({ title: 'Riverside Gazette', link: site.url('/opml-hai/'), id: 'tag:gazette', updated: '2026-11-20T00:00:00Z' }, []), 'application/atom+xml');
      const known = publishFeed('/opml-da-co', 'opml đã có');
      const knownSource = await vigil.addSource({ name: 'Đã có từ trước', url: known.url, kind: 'rss' });

      const document = opml(
        'Danh sách nguồn của Sở',
        [
          { text: 'Báo OPML Một', xmlUrl: first.url, category: 'thời-sự,địa-phương' },
          { text: 'Riverside Gazette', xmlUrl: site.url('/opml-hai/atom.xml'), kind: 'atom' },
          { text: 'Đã có', xmlUrl: known.url },
          { text: 'Đã có, viết khác', xmlUrl: `${known.url}/?utm_source=opml` },
          { text: 'Máy chủ FTP', xmlUrl: 'ftp://127.0.0.1/tin.xml' },
          { text: 'Mục không có địa chỉ', xmlUrl: '' },
        ],
        'Báo tỉnh',
      );
      const imported = await vigil.raw('POST', '/api/sources/import', { body: document, contentType: 'text/x-opml' });
      expect(imported.status).toBe(200);
      expect(JSON.parse(imported.text) as OpmlImportResult).toEqual({
        created: 2,
        skipped: [
          { url: '', title: 'Mục không có địa chỉ', code: 'opml_outline_without_url', reason: 'an outline with neither an xmlUrl nor outlines inside' },
          { url: known.url, code: 'source_exists', reason: 'already a source', existingId: knownSource.id },
          { url: `${known.url}/?utm_source=opml`, code: 'source_exists', reason: 'already a source', existingId: knownSource.id },
          { url: 'ftp://127.0.0.1/tin.xml', code: 'url_not_http', reason: 'not an http(s) address' },
        ],
      });

      const sources = (await vigil.vigil.request<SourceView[]>('GET', '/api/sources', { token: vigil.token })).body;
      const one = sources.find((source) => source.url === first.url)!;
      const gazette = sources.find((source) => source.url === site.url('/opml-hai/atom.xml'))!;
      expect(one).toMatchObject({ name: 'Báo OPML Một', kind: 'rss', tags: ['Báo tỉnh', 'thời-sự', 'địa-phương'] });
      expect(gazette).toMatchObject({ name: 'Riverside Gazette', kind: 'atom', tags: ['Báo tỉnh'] });
      // Imported sources are collected like any other.
      await vigil.waitForArticles(one.id, first.expected);

      const exported = await vigil.raw('GET', '/api/sources/export');
      expect(exported.status).toBe(200);
      expect(exported.headers.get('content-type')).toMatch(/^text\/x-opml/);
      for (const source of sources) expect(exported.text).toContain(`xmlUrl="${source.url}"`);

      // Re-importing the export creates nothing: every source is already there.
      const again = await vigil.raw('POST', '/api/sources/import', { body: exported.text, contentType: 'text/x-opml' });
      const result = JSON.parse(again.text) as OpmlImportResult;
      expect(result.created).toBe(0);
      expect(result.skipped.map((skip) => skip.url).sort()).toEqual(sources.map((source) => source.url).sort());
      expect(new Set(result.skipped.map((skip) => skip.code))).toEqual(new Set(['source_exists']));
    });

    it('restores the same sources (names, URLs, kinds, tags) into another Vigil from the export', async () => {
      const exported = await vigil.raw('GET', '/api/sources/export');
      const sources = (await vigil.vigil.request<SourceView[]>('GET', '/api/sources', { token: vigil.token })).body;
      const other = await CollectionHarness.start();
      try {
        const imported = await other.raw('POST', '/api/sources/import', { body: exported.text, contentType: 'text/x-opml' });
        expect(JSON.parse(imported.text)).toEqual({ created: sources.length, skipped: [] });
        const restored = (await other.vigil.request<SourceView[]>('GET', '/api/sources', { token: other.token })).body;
        const shape = (list: SourceView[]) => list.map(({ name, url, kind, tags }) => ({ name, url, kind, tags })).sort((a, b) => a.url.localeCompare(b.url));
        expect(shape(restored)).toEqual(shape(sources));
        // The restored sources are collected there as here: the same items, each archived from its page. OPML has no
        // paused state, so a source paused here is collected there and is left out of the comparison.
        for (const source of sources.filter((candidate) => !candidate.paused)) {
          const here = await vigil.items(source.id);
          const there = restored.find((candidate) => candidate.url === source.url)!;
          const items = await other.waitForItems(there.id, here.length);
          expect(items.map((item) => item.url).sort()).toEqual(here.map((item) => item.url).sort());
          await Promise.all(items.map((item) => other.waitForSnapshots(item.id)));
        }
      } finally {
        await other.close();
      }
    });

    it('refuses an OPML file with a DOCTYPE, and a body that is not OPML, with 400', async () => {
      const withDoctype = `<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x "y">]><opml version="2.0"><body><outline text="&x;" xmlUrl="${site.url('/x.xml')}"/></body></opml>`;
      const refused = await vigil.raw('POST', '/api/sources/import', { body: withDoctype, contentType: 'text/x-opml' });
      expect(refused.status).toBe(400);
      expect(JSON.parse(refused.text)).toMatchObject({ code: 'opml_doctype_refused', message: expect.stringMatching(/DOCTYPE/) });
      const notOpml = await vigil.raw('POST', '/api/sources/import', { body: '<rss version="2.0"></rss>', contentType: 'text/xml' });
      expect(notOpml.status).toBe(400);
      expect(JSON.parse(notOpml.text)).toMatchObject({ code: 'opml_not_opml' });
      const empty = await vigil.raw('POST', '/api/sources/import', { body: '   ', contentType: 'text/x-opml' });
      expect(empty.status).toBe(400);
      expect(JSON.parse(empty.text)).toMatchObject({ code: 'opml_missing' });
      expect(site.requestsTo('/x.xml')).toHaveLength(0);
    });
  });
});
