import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DeliverWebhookProcessor } from '@vigil/collection';
import type { CreatedWebhook, FlagLiveData, Severity, SpikeView, WebhookDeliveryView, WebhookView } from '@vigil/contracts';
import { ItemFlagger } from '@vigil/detection';
import { waitFor } from '@vigil/testing';
import { DataSource } from 'typeorm';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';

/** Backoff unit for the spec: retries wait 50 ms, then 300 ms (6×), instead of 10 s and 1 min. */
const BACKOFF_SEC = 0.05;

interface Received {
  at: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real HTTP receiver on loopback: each path answers the statuses it is told, in order (the last one repeats). */
class Receiver {
  private readonly server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      const got = this.received.get(path) ?? [];
      got.push({ at: performance.now(), headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      this.received.set(path, got);
      const script = this.scripts.get(path) ?? [200];
      response.writeHead(script[Math.min(got.length, script.length) - 1]!, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  private readonly scripts = new Map<string, number[]>();
  private readonly received = new Map<string, Received[]>();

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  /** A fresh path answering these statuses. */
  path(statuses: number[] = [200]): string {
    const path = `/hooks/${randomUUID()}`;
    this.scripts.set(path, statuses);
    return path;
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  requests(path: string): Received[] {
    return this.received.get(path) ?? [];
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function expectSigned(request: Received, secret: string): void {
  const timestamp = request.headers['x-vigil-timestamp'] as string;
  expect(timestamp).toMatch(/^\d+$/);
  const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${request.body}`).digest('hex')}`;
  expect(request.headers['x-vigil-signature']).toBe(expected);
}

/**
 * Webhooks (issue 9, tiered delivery against alert fatigue): a flag at or above a webhook's severity and a spike are
 * POSTed at once, signed, to a receiver; failures retry with backoff, a 4xx is final, lower severities stay on the
 * live feed. Items are stored straight into PostgreSQL and matched by the pipeline's own flagging step.
 */
describe('Detection: outbound webhooks', () => {
  let vigil: VigilTestApp;
  let receiver: Receiver;
  let token: string;
  let flagger: ItemFlagger;
  let db: DataSource;
  let sourceId: string;
  let counter = 0;
  const rules = new Map<Severity, { id: string; word: string }>();

  beforeAll(async () => {
    receiver = new Receiver();
    await receiver.start();
    // Six matches in one ten-minute bucket, with none before, make a spike; the critical rule gets fewer.
    vigil = await startVigil({ VIGIL_WEBHOOK_BACKOFF_SEC: String(BACKOFF_SEC), VIGIL_SPIKE_MIN_COUNT: '6' });
    token = await vigil.adminToken();
    flagger = vigil.app.get(ItemFlagger);
    db = vigil.app.get(DataSource);
    const source = await vigil.request<{ id: string }>('POST', '/api/sources', { token, body: { name: 'Báo Hòa Sơn', url: 'http://127.0.0.1:9/rss.xml', kind: 'rss', paused: true } });
    expect(source.status).toBe(201);
    sourceId = source.body.id;
    for (const [severity, name, word] of [
      ['critical', 'Tin đồn cắt nước', 'cắt nước'],
      ['low', 'Lũ quét', 'lũ quét'],
    ] as const) {
      const rule = await vigil.request<{ id: string }>('POST', '/api/rules', { token, body: { name, query: `"${word}"`, severity } });
      expect(rule.status).toBe(201);
      rules.set(severity, { id: rule.body.id, word });
    }
  }, 60_000);

  afterAll(async () => {
    await vigil?.close();
    await receiver?.stop();
  });

  const api = <T>(method: string, path: string, body?: unknown) => vigil.request<T>(method, path, { token, body });

  async function createWebhook(path: string, extra: Record<string, unknown> = {}): Promise<CreatedWebhook> {
    const created = await api<CreatedWebhook>('POST', '/api/webhooks', { name: `Trực ban ${path.slice(-4)}`, url: receiver.url(path), ...extra });
    expect(created.status).toBe(201);
    return created.body;
  }

  /** Stores `count` items matching the rule of this severity at the clock's now and flags them, as a poll would. */
  async function collect(severity: Severity, count = 1): Promise<void> {
    const ids: string[] = [];
    for (let n = 0; n < count; n += 1) {
      counter += 1;
      const title = `Tin ${counter}: người dân lo ${rules.get(severity)!.word} ở phường ${counter}`;
      const [row]: { id: string }[] = await db.query(
        `INSERT INTO items (source_id, dedupe_key, guid, url, canonical_url, title, content, text, snippet, language, fetched_at, search_title, search_text, content_hash)
         VALUES ($1, $2, $2, $3, $3, $4, $4, $4, $4, 'vi', $5, $4, $4, $6) RETURNING id`,
        [sourceId, `tin-${counter}`, `https://hoason.example.vn/tin-${counter}.html`, title, vigil.clock.now(), randomUUID()],
      );
      ids.push(row!.id);
    }
    await flagger.flagItems(ids);
  }

  const deliveries = async (webhookId: string) => (await api<WebhookDeliveryView[]>('GET', `/api/webhooks/${webhookId}/deliveries`)).body;

  it('refuses a URL with credentials or a scheme other than http and https', async () => {
    const withCredentials = await api<{ code: string; field: string }>('POST', '/api/webhooks', { name: 'Lộ mật khẩu', url: 'https://user:secret@hooks.example.vn/vigil' });
    expect(withCredentials.status).toBe(400);
    expect(withCredentials.body).toMatchObject({ code: 'url_has_credentials', field: 'url' });
    for (const url of ['ftp://hooks.example.vn/vigil', 'javascript:alert(1)', 'file:///etc/passwd']) {
      const refused = await api<{ code: string; field: string }>('POST', '/api/webhooks', { name: 'Sai giao thức', url });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ field: 'url' });
    }
    const badSeverity = await api<{ field: string }>('POST', '/api/webhooks', { name: 'Sai mức', url: 'https://hooks.example.vn/vigil', minSeverity: 'urgent' });
    expect(badSeverity.status).toBe(400);
    expect(badSeverity.body.field).toBe('minSeverity');
  });

  it('shows the signing secret once, at creation, and never again', async () => {
    const webhook = await createWebhook(receiver.path(), { enabled: false });
    expect(webhook.secret).toEqual(expect.any(String));
    expect(webhook.secret.length).toBeGreaterThanOrEqual(32);
    expect(webhook).toMatchObject({ minSeverity: 'critical', includeSpikes: true, enabled: false });
    const listed = await api<WebhookView[]>('GET', '/api/webhooks');
    expect(listed.status).toBe(200);
    const mine = listed.body.find((candidate) => candidate.id === webhook.id);
    expect(mine).toBeDefined();
    expect(mine).not.toHaveProperty('secret');
    expect(JSON.stringify(listed.body)).not.toContain(webhook.secret);
    // Not in the database in the clear either.
    const [row]: { sealed: string }[] = await db.query(`SELECT secret_sealed AS sealed FROM webhooks WHERE id = $1`, [webhook.id]);
    expect(row!.sealed).not.toContain(webhook.secret);
    expect((await api('DELETE', `/api/webhooks/${webhook.id}`)).status).toBe(204);
    expect((await api<{ code: string }>('DELETE', `/api/webhooks/${webhook.id}`)).body).toMatchObject({ code: 'webhook_not_found' });
  });

  it('POSTs a critical flag at once as the signed live envelope, with its event, delivery and timestamp headers', async () => {
    const path = receiver.path();
    const webhook = await createWebhook(path);
    await collect('critical');
    const [request] = await waitFor('the flag to reach the receiver', async () => (receiver.requests(path).length ? receiver.requests(path) : undefined));
    expect(request!.headers['content-type']).toContain('application/json');
    expect(request!.headers['x-vigil-event']).toBe('flag.created');
    expectSigned(request!, webhook.secret);
    const envelope = JSON.parse(request!.body) as { id: string; type: string; at: string; data: FlagLiveData };
    expect(envelope).toMatchObject({ id: expect.stringMatching(/^\d+$/), type: 'flag.created', at: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/), data: { byUserId: null, flag: { status: 'open', rule: { id: rules.get('critical')!.id, severity: 'critical' } } } });
    expect(envelope.data.flag.item.title).toContain('cắt nước');
    // Exactly the envelope the live feed stored and serves.
    const events = await api<{ events: unknown[] }>('GET', `/api/events?after=${BigInt(envelope.id) - 1n}&limit=1`);
    expect(events.body.events[0]).toEqual(envelope);

    const [delivery] = await waitFor('the delivery to be recorded', async () => {
      const list = await deliveries(webhook.id);
      return list[0]?.status === 'delivered' ? list : undefined;
    });
    expect(delivery).toMatchObject({ id: request!.headers['x-vigil-delivery'], eventId: envelope.id, eventType: 'flag.created', attempts: 1, lastStatusCode: 200, nextAttemptAt: null });
    expect((await api('DELETE', `/api/webhooks/${webhook.id}`)).status).toBe(204);
  });

  it('retries a receiver answering 500 with growing backoff and delivers on the third attempt', async () => {
    const path = receiver.path([500, 500, 200]);
    const webhook = await createWebhook(path);
    await collect('critical');
    const [delivery] = await waitFor('the third attempt to succeed', async () => {
      const list = await deliveries(webhook.id);
      return list[0]?.status === 'delivered' ? list : undefined;
    });
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 200, lastError: null });
    const requests = receiver.requests(path);
    expect(requests).toHaveLength(3);
    // One delivery id on every attempt, so a receiver can dedupe; each attempt signed.
    expect(new Set(requests.map((request) => request.headers['x-vigil-delivery']))).toEqual(new Set([delivery!.id]));
    requests.forEach((request) => expectSigned(request, webhook.secret));
    expect(requests[1]!.at - requests[0]!.at).toBeGreaterThanOrEqual(BACKOFF_SEC * 1000 - 5);
    expect(requests[2]!.at - requests[1]!.at).toBeGreaterThanOrEqual(6 * BACKOFF_SEC * 1000 - 5);
    expect((await api('DELETE', `/api/webhooks/${webhook.id}`)).status).toBe(204);
  });

  it('gives up at once on a 404: one attempt, failed for good', async () => {
    const path = receiver.path([404]);
    const webhook = await createWebhook(path);
    await collect('critical');
    const [delivery] = await waitFor('the delivery to fail', async () => {
      const list = await deliveries(webhook.id);
      return list[0]?.status === 'failed' ? list : undefined;
    });
    expect(delivery).toMatchObject({ status: 'failed', attempts: 1, lastStatusCode: 404, lastError: 'HTTP 404', nextAttemptAt: null });
    // Longer than both retry waits: nothing more arrives.
    await new Promise((resolve) => setTimeout(resolve, 10 * BACKOFF_SEC * 1000));
    expect(receiver.requests(path)).toHaveLength(1);
    expect((await api('DELETE', `/api/webhooks/${webhook.id}`)).status).toBe(204);
  });

  it('keeps lower-severity flags off a critical-only webhook but sends the spike they make', async () => {
    const criticalOnly = receiver.path();
    const noSpikes = receiver.path();
    const quiet = await createWebhook(criticalOnly);
    const withoutSpikes = await createWebhook(noSpikes, { includeSpikes: false });
    const everything = receiver.path();
    const low = await createWebhook(everything, { minSeverity: 'low', includeSpikes: false });
    await collect('low', 6);

    const spike = await waitFor('the spike to reach the critical-only webhook', async () => receiver.requests(criticalOnly)[0]);
    expect(spike.headers['x-vigil-event']).toBe('spike.detected');
    expectSigned(spike, quiet.secret);
    const envelope = JSON.parse(spike.body) as { type: string; data: SpikeView };
    expect(envelope).toMatchObject({ type: 'spike.detected', data: { subject: { kind: 'rule', id: rules.get('low')!.id, name: 'Lũ quét' } } });
    expect(envelope.data.count).toBeGreaterThanOrEqual(6);
    // A webhook that takes low flags gets each of the six as it is raised.
    await waitFor('six low flags', async () => (receiver.requests(everything).length >= 6 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.requests(everything).map((request) => request.headers['x-vigil-event'])).toEqual(Array(6).fill('flag.created'));
    expect(receiver.requests(criticalOnly)).toHaveLength(1);
    expect(receiver.requests(noSpikes)).toHaveLength(0);
    expect((await deliveries(withoutSpikes.id)).length).toBe(0);
    for (const webhook of [quiet, withoutSpikes, low]) expect((await api('DELETE', `/api/webhooks/${webhook.id}`)).status).toBe(204);
  });

  it('recovers a pending delivery from PostgreSQL when its job was lost, once it is due', async () => {
    const path = receiver.path();
    const webhook = await createWebhook(path, { enabled: false });
    // A delivery stored but never queued (the process died between the two), due a minute from now.
    const [event]: { id: string }[] = await db.query(`SELECT max(id)::text AS id FROM live_events WHERE type = 'flag.created'`);
    await db.query(`UPDATE webhooks SET enabled = true WHERE id = $1`, [webhook.id]);
    await db.query(`INSERT INTO webhook_deliveries (webhook_id, live_event_id, event_type, next_attempt_at, created_at) VALUES ($1, $2, 'flag.created', $3, $4)`, [
      webhook.id,
      event!.id,
      new Date(vigil.clock.now().getTime() + 60_000),
      vigil.clock.now(),
    ]);
    const processor = vigil.app.get(DeliverWebhookProcessor);
    await processor.recoverDue();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(receiver.requests(path)).toHaveLength(0);
    vigil.clock.advance(61_000);
    await processor.recoverDue();
    const [request] = await waitFor('the recovered delivery', async () => (receiver.requests(path).length ? receiver.requests(path) : undefined));
    expect(JSON.parse(request!.body)).toMatchObject({ id: event!.id, type: 'flag.created' });
    expectSigned(request!, webhook.secret);
  });
});
