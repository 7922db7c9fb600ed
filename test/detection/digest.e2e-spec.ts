import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CreatedWebhook, DigestView, LiveEventPage, RotatedWebhookSecret, WebhookView } from '@vigil/contracts';
import { DigestComposer, ItemFlagger } from '@vigil/detection';
import { waitFor } from '@vigil/testing';
import { DataSource } from 'typeorm';
import { startVigil, type VigilTestApp } from '../support/vigil-test-app';

const HOUR_MS = 3_600_000;

/** A loopback receiver that answers 200 and keeps what it was sent. */
class Receiver {
  readonly received: { headers: IncomingHttpHeaders; body: string }[] = [];
  private readonly server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      this.received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(200).end('ok');
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/truc-ban`;
  }

  ofType(type: string) {
    return this.received.filter((request) => request.headers['x-vigil-event'] === type);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const sign = (secret: string, timestamp: string, body: string) => `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

/**
 * Tiered delivery (issue 9): critical flags go out at once; high, medium and low ones are summed up in one digest per
 * period, composed from PostgreSQL on the test clock, sent once (live feed and the webhooks that take digests), and
 * listed by the API. Webhooks can be edited, and their secret rotated: during the grace period both secrets sign.
 */
describe('Detection: the periodic digest of lower-tier flags, webhook edits and secret rotation', () => {
  let vigil: VigilTestApp;
  let token: string;
  let db: DataSource;
  let receiver: Receiver;
  let sourceId: string;
  let webhook: CreatedWebhook;
  let rotated: RotatedWebhookSecret;

  beforeAll(async () => {
    receiver = new Receiver();
    const url = await receiver.start();
    vigil = await startVigil({ VIGIL_DIGEST_INTERVAL_MINUTES: '60', VIGIL_WEBHOOK_SECRET_GRACE_HOURS: '24' });
    token = await vigil.adminToken();
    db = vigil.app.get(DataSource);
    const source = await vigil.request<{ id: string }>('POST', '/api/sources', { token, body: { name: 'Báo Cao Nguyên', url: 'http://127.0.0.1:9/rss.xml', kind: 'rss', paused: true } });
    sourceId = source.body.id;
    for (const [name, query, severity] of [
      ['Mất điện diện rộng', '"mất điện"', 'high'],
      ['Vỡ đê', '"vỡ đê"', 'critical'],
    ]) {
      expect((await vigil.request('POST', '/api/rules', { token, body: { name, query, severity } })).status).toBe(201);
    }
    const created = await vigil.request<CreatedWebhook>('POST', '/api/webhooks', { token, body: { name: 'Nhóm trực ban', url, minSeverity: 'critical', includeDigest: true } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ includeDigest: true, includeSpikes: true });
    webhook = created.body;
  }, 60_000);

  afterAll(async () => {
    await vigil?.close();
    await receiver?.stop();
  });

  async function collect(title: string): Promise<void> {
    const [row]: { id: string }[] = await db.query(
      `INSERT INTO items (source_id, dedupe_key, guid, url, canonical_url, title, content, text, snippet, language, fetched_at, search_title, search_text, content_hash)
       VALUES ($1, $2, $2, $3, $3, $4, $4, $4, $4, 'vi', $5, $4, $4, $6) RETURNING id`,
      [sourceId, randomUUID(), `https://caonguyen.example.vn/${randomUUID()}.html`, title, vigil.clock.now(), randomUUID()],
    );
    await vigil.app.get(ItemFlagger).flagItems([row!.id]);
  }

  it('edits a webhook, refusing unknown ids and bad values with their codes', async () => {
    const edited = await vigil.request<WebhookView>('PATCH', `/api/webhooks/${webhook.id}`, { token, body: { name: 'Nhóm trực ban Tây Nguyên' } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ name: 'Nhóm trực ban Tây Nguyên', minSeverity: 'critical', includeDigest: true, enabled: true });
    expect(edited.body).not.toHaveProperty('secret');
    const unknown = await vigil.request<{ code: string }>('PATCH', `/api/webhooks/${randomUUID()}`, { token, body: { enabled: false } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('webhook_not_found');
    const bad = await vigil.request<{ code: string; field: string }>('PATCH', `/api/webhooks/${webhook.id}`, { token, body: { minSeverity: 'urgent' } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
  });

  it('rotates the secret, showing the new one once and keeping the old one valid for the grace period', async () => {
    const answer = await vigil.request<RotatedWebhookSecret>('POST', `/api/webhooks/${webhook.id}/rotate-secret`, { token });
    expect(answer.status).toBe(200);
    rotated = answer.body;
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(webhook.secret);
    expect(new Date(rotated.previousSecretValidUntil).getTime() - vigil.clock.now().getTime()).toBeGreaterThan(23.9 * HOUR_MS);
    const listed = (await vigil.request<WebhookView[]>('GET', '/api/webhooks', { token })).body;
    expect(listed[0]).not.toHaveProperty('secret');
  });

  it('sends critical flags at once and sums up the lower tier in one digest when the period ends, once', async () => {
    await collect('Mất điện diện rộng ở Buôn Ma Thuột từ sáng nay');
    await collect('Mất điện kéo dài, bệnh viện tỉnh chạy máy phát');
    await collect('Tin đồn mất điện cả tuần là không đúng');
    await collect('Nguy cơ vỡ đê ở hạ lưu sông Sêrêpốk');
    const critical = await waitFor('the critical flag at the webhook', async () => receiver.ofType('flag.created')[0]);
    expect(JSON.parse(critical.body)).toMatchObject({ data: { flag: { rule: { severity: 'critical' } } } });
    const [newSignature, oldSignature] = (critical.headers['x-vigil-signature'] as string).split(',');
    const timestamp = critical.headers['x-vigil-timestamp'] as string;
    expect(newSignature).toBe(sign(rotated.secret, timestamp, critical.body));
    expect(oldSignature).toBe(sign(webhook.secret, timestamp, critical.body));

    // The hour ends on the test clock: the scheduler tick composes its digest.
    vigil.clock.advance(HOUR_MS);
    const [digest] = await waitFor('the digest', async () => {
      const digests = (await vigil.request<DigestView[]>('GET', '/api/digests', { token: await vigil.adminToken() })).body;
      return digests.length ? digests : undefined;
    });
    expect(digest).toMatchObject({ flagCount: 3, bySeverity: { high: 3, medium: 0, low: 0 } });
    expect(digest!.flags.map((flag) => flag.ruleName)).toEqual(['Mất điện diện rộng', 'Mất điện diện rộng', 'Mất điện diện rộng']);
    expect(new Date(digest!.periodEnd).getTime() - new Date(digest!.periodStart).getTime()).toBe(HOUR_MS);

    const sent = await waitFor('the digest at the webhook', async () => receiver.ofType('digest.ready')[0]);
    expect(JSON.parse(sent.body)).toMatchObject({ type: 'digest.ready', data: { id: digest!.id, flagCount: 3 } });
    expect(receiver.ofType('flag.created')).toHaveLength(1);

    // Another worker's tick (or a restarted one) finds the period composed already.
    expect(await vigil.app.get(DigestComposer).composeDue()).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const adminToken = await vigil.adminToken();
    expect((await vigil.request<DigestView[]>('GET', '/api/digests', { token: adminToken })).body).toHaveLength(1);
    const events = (await vigil.request<LiveEventPage>('GET', '/api/events?after=0&limit=500', { token: adminToken })).body.events;
    expect(events.filter((event) => event.type === 'digest.ready')).toHaveLength(1);
    expect(receiver.ofType('digest.ready')).toHaveLength(1);
  }, 60_000);

  it('sends a signed test to one webhook through the outbox, and refuses a test to a disabled one', async () => {
    const disabled = await vigil.request<WebhookView>('PATCH', `/api/webhooks/${webhook.id}`, { token: await vigil.adminToken(), body: { enabled: false } });
    expect(disabled.body.enabled).toBe(false);
    const refused = await vigil.request<{ code: string }>('POST', `/api/webhooks/${webhook.id}/test`, { token: await vigil.adminToken() });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('webhook_disabled');

    await vigil.request('PATCH', `/api/webhooks/${webhook.id}`, { token: await vigil.adminToken(), body: { enabled: true } });
    const tested = await vigil.request<{ eventId: string }>('POST', `/api/webhooks/${webhook.id}/test`, { token: await vigil.adminToken() });
    expect(tested.status).toBe(202);
    const sent = await waitFor('the test at the webhook', async () => receiver.ofType('webhook.test')[0]);
    expect(JSON.parse(sent.body)).toMatchObject({ id: tested.body.eventId, type: 'webhook.test', data: { webhookId: webhook.id } });
    const timestamp = sent.headers['x-vigil-timestamp'] as string;
    expect((sent.headers['x-vigil-signature'] as string).split(',')[0]).toBe(sign(rotated.secret, timestamp, sent.body));
  });
});
