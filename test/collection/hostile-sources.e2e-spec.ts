import type { SourceView } from '@vigil/contracts';
import { waitFor } from '@vigil/testing';
import { articlePage, billionLaughsFeed, healthyBriefs, malformedFeed, rss2 } from '../fixtures/collection';
import { CollectionHarness, heapUsedMiB } from './support/collection-harness';
import { CollectionFixtureServer } from './support/collection-fixture-server';

const MiB = 1024 * 1024;
/** Growth of the test process's JS heap allowed while one hostile source is read. */
const HEAP_BUDGET_MIB = 100;

/**
 * Sources that break, stall or attack. Each one must end as exactly that source failing with a reason a
 * source manager understands (a failure code the console words, and the English developer text), while a healthy source added at the same moment keeps collecting, and memory
 * stays bounded. Limits are small here: 1 s per fetch, 1 MiB per body.
 */
describe('Collection: hostile and broken sources fail alone, with a clear reason', () => {
  let site: CollectionFixtureServer;
  let vigil: CollectionHarness;

  beforeAll(async () => {
    site = new CollectionFixtureServer();
    await site.start();
    vigil = await CollectionHarness.start({ VIGIL_FETCH_TIMEOUT_SEC: '1', VIGIL_FETCH_MAX_MIB: '1' });
  });

  afterAll(async () => {
    await vigil?.close();
    await site?.stop();
  });

  /**
   * Adds the hostile source and a healthy one together; returns the hostile source once it is failing, after
   * checking that the healthy one collected and archived all its items and that nothing was stored for the
   * hostile one.
   */
  async function failsAlone(label: string, hostile: { url: string; kind?: 'rss' | 'auto' }): Promise<SourceView> {
    const briefs = healthyBriefs(label, 2);
    const prefix = `/lanh-manh/${encodeURIComponent(label.replace(/\s+/g, '-'))}`;
    const entries = briefs.map((brief, index) => {
      const link = site.page(`${prefix}/bai-${index + 1}.html`, articlePage(brief));
      return { title: brief.title, link, guid: `${prefix}-${index + 1}`, summary: brief.paragraphs[0] };
    });
    const healthyUrl = site.feed(`${prefix}/rss.xml`, rss2({ title: `Lành mạnh ${label}`, link: site.url(`${prefix}/`) }, entries));

    const heapBefore = heapUsedMiB();
    const [bad, good] = await Promise.all([
      vigil.addSource({ name: `Nguồn hỏng: ${label}`, url: hostile.url, kind: hostile.kind ?? 'rss' }),
      vigil.addSource({ name: `Nguồn lành: ${label}`, url: healthyUrl, kind: 'rss' }),
    ]);
    const failing = await vigil.waitForFailing(bad.id);
    const items = await vigil.waitForArticles(good.id, entries.map((entry, index) => ({ url: entry.link, article: briefs[index]! })));
    expect(items.map((item) => item.title)).toEqual(briefs.map((brief) => brief.title));
    expect((await vigil.source(good.id)).health).toMatchObject({ status: 'ok', consecutiveFailures: 0, lastError: null, lastErrorCode: null, lastErrorParams: null });

    expect(failing.health).toMatchObject({ status: 'failing', consecutiveFailures: 1, lastSuccessAt: null });
    expect(failing.nextFetchAt).not.toBeNull();
    expect(Date.parse(failing.nextFetchAt!)).toBeGreaterThan(Date.parse(failing.lastFetchedAt!));
    expect(await vigil.items(bad.id)).toEqual([]);
    expect(heapUsedMiB() - heapBefore).toBeLessThan(HEAP_BUDGET_MIB);
    return failing;
  }

  it('a redirect loop', async () => {
    const url = site.redirectLoop('/vong-lap/a.rss', '/vong-lap/b.rss');
    const failing = await failsAlone('vòng lặp chuyển hướng', { url });
    expect(failing.health).toMatchObject({ lastErrorCode: 'redirect_loop', lastErrorParams: {} });
    expect(failing.health.lastError).toMatch(/redirect loop/i);
    expect(failing.health.lastError).toContain(site.url('/vong-lap/b.rss'));
    expect(site.requestsTo('/vong-lap/a.rss')).toHaveLength(1);
    expect(site.requestsTo('/vong-lap/b.rss')).toHaveLength(1);
  });

  it('a redirect chain longer than five hops', async () => {
    for (let hop = 1; hop <= 7; hop++) site.redirect(`/chuyen/${hop}.rss`, `/chuyen/${hop + 1}.rss`, 302);
    const failing = await failsAlone('chuyển hướng quá dài', { url: site.url('/chuyen/1.rss') });
    expect(failing.health).toMatchObject({ lastErrorCode: 'too_many_redirects', lastErrorParams: { maxRedirects: 5 } });
    expect(failing.health.lastError).toMatch(/more than 5 redirects/i);
    expect([1, 2, 3, 4, 5, 6, 7].map((hop) => site.requestsTo(`/chuyen/${hop}.rss`).length)).toEqual([1, 1, 1, 1, 1, 1, 0]);
  });

  it('a feed address that serves an image', async () => {
    const url = site.serve('/anh-thay-vi-feed.rss', { contentType: 'image/png', body: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') });
    const failing = await failsAlone('ảnh thay vì feed', { url });
    expect(failing.health).toMatchObject({ lastErrorCode: 'content_type_unsupported', lastErrorParams: { contentType: 'image/png' } });
    expect(failing.health.lastError).toContain('image/png');
    expect(failing.health.lastError).toContain(url);
  });

  it('a server that trickles one byte at a time is cut off at the overall deadline', async () => {
    const url = site.trickle('/nho-giot/rss.xml');
    const failing = await failsAlone('nhỏ giọt', { url });
    expect(failing.health).toMatchObject({ lastErrorCode: 'timeout', lastErrorParams: {} });
    expect(failing.health.lastError).toMatch(/within 1 s/);
    expect(failing.health.lastError).toContain(url);
    // Vigil hung up: the trickling response is closed, not left dribbling into a forgotten socket.
    await waitFor('the trickling connection to be closed', async () => (site.openResponses('/nho-giot/rss.xml') === 0 ? true : undefined), 5_000);
    expect(site.requestsTo('/nho-giot/rss.xml')).toHaveLength(1);
  });

  it('an oversized body without Content-Length is cut at the size cap', async () => {
    const url = site.oversized('/khong-lo/rss.xml', 64 * MiB);
    const failing = await failsAlone('quá cỡ', { url });
    expect(failing.health).toMatchObject({ lastErrorCode: 'too_large', lastErrorParams: { limitMiB: 1 } });
    expect(failing.health.lastError).toMatch(/more than 1 MiB/);
    expect(failing.health.lastError).toContain(url);
    // Vigil stopped reading: the server got nowhere near sending all 64 MiB.
    await waitFor('the oversized response to be closed', async () => (site.openResponses('/khong-lo/rss.xml') === 0 ? true : undefined), 5_000);
    expect(site.bytesSent('/khong-lo/rss.xml')).toBeLessThan(16 * MiB);
  });

  it('an oversized body announced by Content-Length is refused before it is read', async () => {
    const url = site.oversized('/khong-lo/khai-bao.xml', 64 * MiB, { declareLength: true });
    const failing = await failsAlone('khai báo quá cỡ', { url });
    expect(failing.health).toMatchObject({ lastErrorCode: 'too_large', lastErrorParams: { limitMiB: 1 } });
    expect(failing.health.lastError).toMatch(/1 MiB/);
    expect(failing.health.lastError).toContain(url);
    await waitFor('the declared-oversized response to be closed', async () => (site.openResponses('/khong-lo/khai-bao.xml') === 0 ? true : undefined), 5_000);
    expect(site.bytesSent('/khong-lo/khai-bao.xml')).toBeLessThan(16 * MiB);
  });

  it('a gzip bomb is stopped when its decompressed size passes the cap', async () => {
    const url = site.gzipBomb('/bom/rss.xml', 256);
    expect(site.bytesSent('/bom/rss.xml')).toBe(0);
    const failing = await failsAlone('bom nén', { url });
    expect(site.bytesSent('/bom/rss.xml')).toBeLessThan(1 * MiB);
    expect(failing.health).toMatchObject({ lastErrorCode: 'too_large', lastErrorParams: { limitMiB: 1 } });
    expect(failing.health.lastError).toMatch(/more than 1 MiB once decompressed/);
    expect(failing.health.lastError).toContain(url);
  });

  it('malformed XML that no recovery can read', async () => {
    const url = site.feed('/hong/rss.xml', malformedFeed());
    const failing = await failsAlone('xml hỏng', { url });
    expect(failing.health).toMatchObject({ lastErrorCode: 'feed_malformed', lastErrorParams: {} });
    expect(failing.health.lastError).toMatch(/^Unreadable feed: /);
  });

  it('a feed address that is gone (404)', async () => {
    const url = site.gone('/da-xoa/rss.xml');
    const failing = await failsAlone('trang đã mất', { url });
    expect(failing.health).toMatchObject({ lastErrorCode: 'not_found', lastErrorParams: { httpStatus: 404 } });
    expect(failing.health.lastError).toBe(`HTTP 404 from ${url}`);
  });

  it('a feed server that fails (502)', async () => {
    const url = site.serve('/loi-may-chu/rss.xml', { status: 502, contentType: 'text/html; charset=utf-8', body: '<h1>Bad Gateway</h1>' });
    const failing = await failsAlone('lỗi máy chủ', { url });
    expect(failing.health).toMatchObject({ lastErrorCode: 'server_error', lastErrorParams: { httpStatus: 502 } });
    expect(failing.health.lastError).toBe(`HTTP 502 from ${url}`);
  });

  it('a feed address that serves a web page under an XML media type', async () => {
    const url = site.feed('/trang-web/rss.xml', '<!doctype html><html><head><title>Trang chủ</title></head><body><p>Không phải feed</p></body></html>', 'text/xml; charset=utf-8');
    const failing = await failsAlone('trang web thay vì feed', { url });
    expect(failing.health).toMatchObject({ lastErrorCode: 'not_a_feed', lastErrorParams: {} });
    expect(failing.health.lastError).toBe('Unreadable feed: got an HTML page, not a feed');
  });

  it('a feed address on the cloud metadata address is refused before anything is sent', async () => {
    const failing = await failsAlone('địa chỉ siêu dữ liệu', { url: 'http://169.254.169.254/latest/meta-data/rss.xml' });
    expect(failing.health).toMatchObject({ lastErrorCode: 'address_blocked', lastErrorParams: {} });
    expect(failing.health.lastError).toMatch(/^Blocked: 169\.254\.169\.254 is /);
  });

  it('a feed with HTML entities, an undeclared prefix and a truncated end is salvaged, not failed', async () => {
    const briefs = healthyBriefs('cứu vãn', 2);
    const items = briefs.map((brief, index) => {
      const link = site.page(`/cuu-van/bai-${index + 1}.html`, articlePage(brief));
      return `<item><title>${brief.title}&nbsp;&ndash;&nbsp;bản tin</title><link>${link}</link><guid>cuu-van-${index + 1}</guid><media:thumbnail url="${site.url('/anh.jpg')}"/><description>${brief.paragraphs[0]}</description></item>`;
    });
    const broken = `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Cứu vãn &amp; phục hồi</title><link>${site.url('/cuu-van/')}</link>\n${items.join('\n')}\n<item><title>Bài thứ ba bị cắt ngang gi`;
    const source = await vigil.addSource({ name: 'Feed cần cứu vãn', url: site.feed('/cuu-van/rss.xml', broken), kind: 'rss' });
    const stored = await vigil.waitForArticles(source.id, briefs.map((brief, index) => ({ url: site.url(`/cuu-van/bai-${index + 1}.html`), article: brief })));
    expect(stored.map((item) => item.title)).toEqual(briefs.map((brief) => `${brief.title} – bản tin`));
    expect((await vigil.source(source.id)).health).toMatchObject({ status: 'ok', consecutiveFailures: 0, lastError: null });
  });

  it('a billion-laughs document is refused without expanding a single entity', async () => {
    const url = site.feed('/cuoi/rss.xml', billionLaughsFeed());
    const started = Date.now();
    const failing = await failsAlone('tỷ tiếng cười', { url });
    expect(failing.health.lastErrorCode).toMatch(/^(feed_malformed|document_too_complex)$/);
    expect(failing.health.lastError).toMatch(/^Unreadable feed: /);
    expect(failing.health.lastError).not.toContain('lollol');
    expect(Date.parse(failing.lastFetchedAt!) - started).toBeLessThan(10_000);
  });
});
