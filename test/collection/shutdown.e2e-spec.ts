import { waitFor } from '@vigil/testing';
import { articlePage, healthyBriefs, rss2 } from '../fixtures/collection';
import { CollectionHarness } from './support/collection-harness';
import { CollectionFixtureServer } from './support/collection-fixture-server';

/** A Vigil stopped in the middle of collecting lets its active jobs finish and stops; it never hangs. */
describe('Collection: shutting down while collecting', () => {
  let site: CollectionFixtureServer;

  beforeAll(async () => {
    site = new CollectionFixtureServer();
    await site.start();
  });

  afterAll(() => site?.stop());

  it('shuts down within the fetch deadline while sources are being collected and pages archived', async () => {
    // Each fetch is bounded by 5 s, so active jobs can always finish well inside the 15 s allowed.
    const vigil = await CollectionHarness.start({ VIGIL_FETCH_TIMEOUT_SEC: '5' });
    for (const n of [1, 2, 3]) {
      const briefs = healthyBriefs(`đang thu thập ${n}`, 2);
      const entries = briefs.map((brief, index) => ({
        title: brief.title,
        link: site.page(`/dang-chay-${n}/bai-${index + 1}.html`, articlePage(brief)),
        summary: brief.paragraphs[0],
      }));
      site.feed(`/dang-chay-${n}/rss.xml`, rss2({ title: `Đang chạy ${n}`, link: site.url('/') }, entries));
      await vigil.addSource({ name: `Đang chạy ${n}`, url: site.url(`/dang-chay-${n}/rss.xml`), kind: 'rss' });
    }
    await waitFor('collection to be under way', async () => (site.requests.some((request) => request.path.endsWith('.xml')) ? true : undefined));
    await vigil.close(15_000);
  });
});
