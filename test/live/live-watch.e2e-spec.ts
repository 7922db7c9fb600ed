import { waitFor } from '@vigil/testing';
import type { ItemDetail } from '@vigil/contracts';
import { articlePage, rss2, STORIES, type ArticleContent } from '../fixtures/collection';
import { CollectionHarness, PIPELINE_TIMEOUT_MS } from '../collection/support/collection-harness';
import { CollectionFixtureServer } from '../collection/support/collection-fixture-server';
import { connectLive, type LiveClient } from './support/live-client';

/** A watched item's edit and takedown, noticed by the collection worker, reach the live feed as they are recorded. */
describe('live feed: watched items', () => {
  let site: CollectionFixtureServer;
  let vigil: CollectionHarness;
  let client: LiveClient | null = null;

  beforeAll(async () => {
    site = new CollectionFixtureServer();
    await site.start();
    vigil = await CollectionHarness.start({ VIGIL_WATCH_INTERVAL_SEC: '1' });
  });

  afterAll(async () => {
    client?.close();
    await vigil?.close();
    await site?.stop();
  });

  it('sends item.changed when a watched article is edited, then item.removed when it is taken down', async () => {
    const article: ArticleContent = STORIES.bankRumour;
    const path = '/tin-bi-sua.html';
    site.page(path, articlePage(article, { volatile: 'lần đầu' }));
    site.feed('/tin-bi-sua.rss', rss2({ title: 'Theo dõi', link: site.url('/') }, [{ title: article.title, link: site.url(path), guid: 'tin-bi-sua', summary: article.paragraphs[0] }]));
    const source = await vigil.addSource({ name: 'Theo dõi trực tiếp', url: site.url('/tin-bi-sua.rss'), kind: 'rss' });
    const [archived] = await vigil.waitForArticles(source.id, [{ url: site.url(path), article }]);
    client = connectLive(vigil.vigil.baseUrl, { auth: { token: vigil.token } });
    await client.waitForReady();
    const watched = await vigil.vigil.request<ItemDetail>('POST', `/api/items/${archived!.id}/watch`, { token: vigil.token });
    expect(watched.status).toBe(200);

    const edited = { ...article, paragraphs: article.paragraphs.map((paragraph, index) => (index === 1 ? 'Ngân hàng cho biết sẽ ra thông cáo chính thức vào tuần sau.' : paragraph)) };
    site.page(path, articlePage(edited, { volatile: 'sau khi sửa' }));
    const [changed] = await client.waitForEvents(1);
    const item = await waitFor('the edit in the evidence trail', async () => {
      const detail = await vigil.item(archived!.id);
      return detail.events.length ? detail : undefined;
    }, PIPELINE_TIMEOUT_MS);
    expect(changed).toMatchObject({
      type: 'item.changed',
      data: { itemId: archived!.id, sourceId: source.id, title: article.title, reason: 'text_edited', params: {}, snapshotId: item.snapshots[1]!.id },
    });

    site.gone(path, 410);
    const [, removed] = await client.waitForEvents(2);
    expect(removed).toMatchObject({ type: 'item.removed', data: { itemId: archived!.id, reason: 'page_gone', params: { httpStatus: 410 }, snapshotId: null } });
    expect(BigInt(removed.id)).toBeGreaterThan(BigInt(changed.id));
  });
});
