import { createHash } from 'node:crypto';
import type { ItemDetail } from '@vigil/contracts';
import { waitFor } from '@vigil/testing';
import { DataSource } from 'typeorm';
import { type ArticleContent, articlePage, rss2, STORIES } from '../fixtures/collection';
import { CollectionHarness, PIPELINE_TIMEOUT_MS } from './support/collection-harness';
import { CollectionFixtureServer } from './support/collection-fixture-server';

const sha256 = (bytes: string) => createHash('sha256').update(bytes).digest('hex');

/**
 * Evidence integrity: a watched item is re-fetched every second here (VIGIL_WATCH_INTERVAL_SEC=1). A quiet
 * edit of the article is archived beside the first snapshot and raised as item.changed; a takedown as
 * item.removed. Page furniture that changes on every request (timestamps, ad slots) is not an edit.
 */
describe('Collection: watched items, edits and takedowns', () => {
  let site: CollectionFixtureServer;
  let vigil: CollectionHarness;

  beforeAll(async () => {
    site = new CollectionFixtureServer();
    await site.start();
    vigil = await CollectionHarness.start({ VIGIL_WATCH_INTERVAL_SEC: '1' });
  });

  afterAll(async () => {
    await vigil?.close();
    await site?.stop();
  });

  /** Publishes one article in its own feed, waits until Vigil archived it, and starts watching it. */
  async function watchedArticle(slug: string, article: ArticleContent): Promise<{ item: ItemDetail; path: string; firstPage: string }> {
    const path = `/${slug}.html`;
    const firstPage = articlePage(article, { volatile: 'lần 1' });
    // Every request renders a fresh timestamp into the page furniture, as real sites do.
    let renders = 0;
    site.handle(path, (_request, response) => {
      renders += 1;
      const body = renders === 1 ? firstPage : articlePage(article, { volatile: `lần ${renders}` });
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    });
    site.feed(`/${slug}.rss`, rss2({ title: slug, link: site.url('/') }, [{ title: article.title, link: site.url(path), guid: slug, summary: article.paragraphs[0] }]));
    const source = await vigil.addSource({ name: `Theo dõi ${slug}`, url: site.url(`/${slug}.rss`), kind: 'rss' });
    const [archived] = await vigil.waitForArticles(source.id, [{ url: site.url(path), article }]);
    const watched = await vigil.vigil.request<ItemDetail>('POST', `/api/items/${archived!.id}/watch`, { token: vigil.token });
    expect(watched.status).toBe(200);
    expect(watched.body.watched).toBe(true);
    return { item: watched.body, path, firstPage };
  }

  function waitForEvents(itemId: string, count: number): Promise<ItemDetail> {
    return waitFor(
      `${count} event(s) on item ${itemId}`,
      async () => {
        const item = await vigil.item(itemId);
        return item.events.length >= count ? item : undefined;
      },
      PIPELINE_TIMEOUT_MS,
    );
  }

  it('re-checks a watched page without recording anything while only its furniture changes', async () => {
    const { item, path, firstPage } = await watchedArticle('khong-doi', STORIES.stormRumour);
    expect(item.snapshots).toEqual([expect.objectContaining({ httpStatus: 200, contentHash: sha256(firstPage) })]);
    await waitFor('three re-checks of the watched page', async () => (site.requestsTo(path).length >= 4 ? true : undefined), PIPELINE_TIMEOUT_MS);
    const after = await vigil.item(item.id);
    expect(after.snapshots).toEqual(item.snapshots);
    expect(after.events).toEqual([]);
  });

  it('archives a quiet edit as a second snapshot and raises item.changed, then item.removed when the page is taken down', async () => {
    const article = STORIES.bankRumour;
    const { item, path, firstPage } = await watchedArticle('bi-sua', article);
    const edited: ArticleContent = {
      ...article,
      paragraphs: article.paragraphs.map((paragraph, index) =>
        index === 2 ? 'Lãnh đạo ngân hàng từ chối bình luận về tình hình thanh khoản và cho biết sẽ có thông cáo trong tuần sau.' : paragraph,
      ),
    };
    const editedPage = articlePage(edited, { volatile: 'sau khi sửa' });
    site.page(path, editedPage);

    const changed = await waitForEvents(item.id, 1);
    expect(changed.snapshots).toHaveLength(2);
    const [first, second] = changed.snapshots;
    expect(first).toEqual(item.snapshots[0]);
    expect(second).toMatchObject({ httpStatus: 200, finalUrl: site.url(path), contentHash: sha256(editedPage) });
    expect(Date.parse(second!.fetchedAt)).toBeGreaterThan(Date.parse(first!.fetchedAt));
    expect(changed.events).toEqual([
      { kind: 'item.changed', reason: 'text_edited', params: {}, at: expect.any(String), detail: expect.any(String), snapshotId: second!.id },
    ]);
    expect(sha256(firstPage)).toBe(first!.contentHash);

    // Both versions stay citable: the first snapshot as published, the second as edited.
    const original = await vigil.raw('GET', `/api/items/${item.id}/snapshot?snapshotId=${first!.id}`);
    const current = await vigil.raw('GET', `/api/items/${item.id}/snapshot?snapshotId=${second!.id}`);
    expect(original.text).toContain(article.paragraphs[2]);
    expect(original.text).not.toContain(edited.paragraphs[2]);
    expect(current.text).toContain(edited.paragraphs[2]);
    // The banner above the archived page speaks the reader's language: Vietnamese unless asked otherwise.
    expect(original.text).toContain('Bản lưu của Vigil');
    expect((await vigil.raw('GET', `/api/items/${item.id}/snapshot?snapshotId=${first!.id}&lang=en`)).text).toContain('Archived by Vigil');

    site.gone(path, 404);
    const removed = await waitForEvents(item.id, 2);
    expect(removed.events).toEqual([
      changed.events[0],
      { kind: 'item.removed', reason: 'page_gone', params: { httpStatus: 404 }, at: expect.any(String), detail: expect.stringContaining('404'), snapshotId: null },
    ]);
    expect(removed.snapshots).toHaveLength(2);
    // The archive outlives the page.
    expect((await vigil.raw('GET', `/api/items/${item.id}/snapshot`)).text).toContain(article.paragraphs[2]);
  });

  it('re-checks, at the interval now set, an item watched when the interval was longer', async () => {
    const { item, path } = await watchedArticle('theo-doi-tu-truoc', STORIES.potteryVillage);
    // As stored by a Vigil that ran with VIGIL_WATCH_INTERVAL_SEC=86400 when the item was watched.
    const dataSource = vigil.vigil.app.get(DataSource);
    await dataSource.query(`UPDATE items SET next_check_at = $2 WHERE id = $1`, [item.id, new Date(vigil.vigil.clock.now().getTime() + 86_400_000)]);
    const fetched = site.requestsTo(path).length;
    await waitFor(`a re-check of ${path}`, async () => site.requestsTo(path).length > fetched || undefined, PIPELINE_TIMEOUT_MS);
    const [row] = (await dataSource.query(`SELECT next_check_at FROM items WHERE id = $1`, [item.id])) as { next_check_at: Date }[];
    expect(row!.next_check_at.getTime()).toBeLessThanOrEqual(vigil.vigil.clock.now().getTime() + 1_000);
  });

  it('raises item.removed for a page that answers 410 Gone', async () => {
    const { item, path } = await watchedArticle('da-go', STORIES.marketFire);
    site.gone(path, 410);
    const removed = await waitForEvents(item.id, 1);
    expect(removed.events).toEqual([
      { kind: 'item.removed', reason: 'page_gone', params: { httpStatus: 410 }, at: expect.any(String), detail: expect.stringContaining('410'), snapshotId: null },
    ]);
    expect(removed.snapshots).toHaveLength(1);
  });

  it('stops re-checking an item once it is no longer watched', async () => {
    const { item, path } = await watchedArticle('bo-theo-doi', STORIES.schoolHoliday);
    await waitFor('a re-check of the watched page', async () => (site.requestsTo(path).length >= 2 ? true : undefined), PIPELINE_TIMEOUT_MS);
    const unwatched = await vigil.vigil.request<ItemDetail>('DELETE', `/api/items/${item.id}/watch`, { token: vigil.token });
    expect(unwatched.status).toBe(200);
    expect(unwatched.body.watched).toBe(false);
    const seen = site.requestsTo(path).length;
    // Another watched page's re-checks show the watch scheduler kept ticking meanwhile.
    const other = await watchedArticle('van-theo-doi', STORIES.fluMedicine);
    await waitFor('re-checks of the other watched page', async () => (site.requestsTo(other.path).length >= 3 ? true : undefined), PIPELINE_TIMEOUT_MS);
    expect(site.requestsTo(path).length).toBeLessThanOrEqual(seen + 1);
  });
});
