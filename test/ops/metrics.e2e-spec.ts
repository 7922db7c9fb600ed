import { MetricsScrape, serveMetrics } from '@vigil/metrics';
import { waitFor } from '@vigil/testing';
import type { AddressInfo } from 'node:net';
import { articlePage, healthyBriefs, rss2 } from '../fixtures/collection';
import { CollectionHarness } from '../collection/support/collection-harness';
import { CollectionFixtureServer } from '../collection/support/collection-fixture-server';

const METRICS_TOKEN = 'ops-test-metrics-token-0123456789';
const MINUTE = 60_000;

/** The value of one sample in Prometheus' text format, by name and labels (every label given must match); 0 if absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, key, value]) => [key, value]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return 0;
}

/**
 * Prometheus metrics (issue 12, observability): what collection stored per source, job runs and the queue's depth,
 * the index lag, live-event latency, deadline firings and HTTP latency by declared route, behind a bearer token; the
 * ingestor's own endpoint serves the same registry.
 */
describe('Metrics', () => {
  let site: CollectionFixtureServer;
  let harness: CollectionHarness;

  beforeAll(async () => {
    site = new CollectionFixtureServer();
    await site.start();
    harness = await CollectionHarness.start({ VIGIL_METRICS_TOKEN: METRICS_TOKEN });
  }, 120_000);

  afterAll(async () => {
    await harness?.close();
    await site?.stop();
  });

  async function scrape(): Promise<string> {
    const response = await fetch(`${harness.vigil.baseUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    return response.text();
  }

  it('asks for the configured token', async () => {
    const anonymous = await fetch(`${harness.vigil.baseUrl}/metrics`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: 'unauthenticated' });
    const wrong = await fetch(`${harness.vigil.baseUrl}/metrics`, { headers: { authorization: 'Bearer not-the-token-at-all-000' } });
    expect(wrong.status).toBe(401);
  });

  it('counts the items collected per source and the jobs that stored them', async () => {
    const channel = { title: 'Tin tỉnh', link: site.url('/tin-tinh/') };
    const entries = healthyBriefs('chỉ số', 3).map((brief, index) => ({
      title: brief.title,
      link: site.page(`/tin-tinh/bai-${index + 1}.html`, articlePage(brief)),
      guid: `tin-tinh-${index + 1}`,
      published: new Date(harness.vigil.clock.now().getTime() - (index + 1) * 3_600_000).toUTCString(),
      summary: brief.paragraphs[0],
    }));
    site.feed('/tin-tinh/rss.xml', rss2(channel, entries));
    const source = await harness.addSource({ name: 'Tin tỉnh', url: site.url('/tin-tinh/rss.xml'), kind: 'rss' });
    await harness.waitForItems(source.id, 3);

    const text = await waitFor('the enrichment jobs to be counted', async () => {
      const scraped = await scrape();
      return sample(scraped, 'vigil_job_run_seconds_count', { job: 'enrich-item', outcome: 'completed' }) >= 3 ? scraped : undefined;
    });
    expect(sample(text, 'vigil_items_collected_total', { source_id: source.id, kind: 'new' })).toBe(3);
    expect(sample(text, 'vigil_job_run_seconds_count', { job: 'collect-source', outcome: 'completed' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'vigil_job_wait_seconds_count', { job: 'collect-source' })).toBeGreaterThanOrEqual(1);
    for (const state of ['waiting', 'delayed', 'active']) expect(text).toMatch(new RegExp(`^vigil_queue_jobs\\{state="${state}"\\} \\d+$`, 'm'));
    // This suite searches with PostgreSQL, which reads its own tables: nothing is ever behind.
    expect(sample(text, 'vigil_index_backlog_items')).toBe(0);
    expect(sample(text, 'vigil_index_lag_seconds')).toBe(0);
    expect(sample(text, 'vigil_process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('times requests by the route as declared, and a request no route took as unmatched', async () => {
    const token = harness.token;
    await harness.vigil.request('GET', '/api/items?limit=5', { token });
    await harness.vigil.request('GET', '/api/items/00000000-0000-4000-8000-000000000000', { token });
    // POST: a GET outside the API would be the console's single-page fallback when the console is built.
    await harness.vigil.request('POST', '/api/no-such-route', { token, body: {} });
    const text = await scrape();
    expect(sample(text, 'vigil_http_request_duration_seconds_count', { method: 'GET', route: '/api/items', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'vigil_http_request_duration_seconds_count', { method: 'GET', route: '/api/items/:id', status: '404' })).toBe(1);
    expect(sample(text, 'vigil_http_request_duration_seconds_count', { method: 'POST', route: 'unmatched', status: '404' })).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain('00000000-0000-4000-8000-000000000000');
  });

  it('reports the index lag in /health', async () => {
    const health = await harness.vigil.request<{ details: { search: { engine: string; backlog: number; lagSeconds: number } } }>('GET', '/health');
    expect(health.body.details.search).toMatchObject({ engine: 'postgres', backlog: 0, lagSeconds: 0 });
  });

  it('counts deadline breaches and times live events from their storing to their broadcast', async () => {
    const token = harness.token;
    const opened = await harness.vigil.request<{ id: string }>('POST', '/api/cases', { token, body: { title: 'Tin giả về giá điện tăng gấp đôi', severity: 'critical' } });
    expect(opened.status).toBe(201);
    harness.vigil.clock.advance(16 * MINUTE);
    // The breach is counted when its tick commits, and timed when the live feed broadcasts it, a moment later.
    const text = await waitFor('the acknowledgement breach to be counted and broadcast', async () => {
      const scraped = await scrape();
      const counted = sample(scraped, 'vigil_deadline_firings_total', { kind: 'breach' }) >= 1;
      return counted && sample(scraped, 'vigil_live_event_latency_seconds_count', { type: 'deadline.breached' }) >= 1 ? scraped : undefined;
    });
    expect(sample(text, 'vigil_deadline_firings_total', { kind: 'breach' })).toBe(1);
    expect(sample(text, 'vigil_live_event_latency_seconds_count', { type: 'case.created' })).toBe(1);
    expect(sample(text, 'vigil_live_event_latency_seconds_count', { type: 'deadline.breached' })).toBe(1);
  });

  it("serves the same registry on the ingestor's own port", async () => {
    const server = await serveMetrics(harness.vigil.app.get(MetricsScrape), { port: 0, host: '127.0.0.1', token: METRICS_TOKEN });
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      expect((await fetch(`${base}/metrics`)).status).toBe(401);
      expect((await fetch(`${base}/other`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).status).toBe(404);
      const response = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(response.status).toBe(200);
      expect(sample(await response.text(), 'vigil_items_collected_total', { kind: 'new' })).toBe(3);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
