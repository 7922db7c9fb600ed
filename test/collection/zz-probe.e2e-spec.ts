import { CollectionHarness } from './support/collection-harness';
import { CollectionFixtureServer } from './support/collection-fixture-server';
import { articlePage, atom, healthyBriefs, opml, rss2 } from '../fixtures/collection';

it('close during collection', async () => {
  const site = new CollectionFixtureServer(); await site.start();
  const feeds: string[] = [];
  for (const n of [1, 2]) {
    const [brief] = healthyBriefs(`đóng ${n}`, 1);
    const link = site.page(`/b${n}.html`, articlePage(brief!));
    feeds.push(site.feed(`/a${n}.xml`, rss2({ title: 'a', link: site.url('/') }, [{ title: brief!.title, link, summary: brief!.paragraphs[0] }])));
  }
  feeds.push(site.feed('/atom.xml', atom({ title: 'G', link: site.url('/'), id: 'tag:g', updated: '2026-11-20T00:00:00Z' }, []), 'application/atom+xml'));
  const b = await CollectionHarness.start();
  const t = Date.now();
  const doc = opml('x', feeds.map((u, i) => ({ text: `F${i}`, xmlUrl: u, kind: u.endsWith('atom.xml') ? 'atom' : undefined })));
  console.log((await b.raw('POST', '/api/sources/import', { body: doc, contentType: 'text/x-opml' })).text);
  await new Promise((r) => setTimeout(r, Number(process.env.DELAY ?? 0)));
  for (let i = 0; i < 12; i++) { await new Promise((r) => setTimeout(r, 2000)); console.log(Date.now() - t, site.requests.map((r) => r.path).join(' '), JSON.stringify((await b.vigil.request('GET', '/api/sources', { token: b.token })).body.map((s: any) => [s.kind, s.health.status, s.health.lastError, s.lastFetchedAt]))); }
  const closing = b.close();
  const res = await Promise.race([closing.then(() => 'closed'), new Promise((r) => setTimeout(() => r('HUNG'), 15000))]);
  console.log(res, Date.now() - t, site.requests.map((r) => r.path));
  await site.stop();
}, 120000);
