import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type CreatedWebhook, type RotatedWebhookSecret, VigilError, type WebhookTestAnswer, type WebhookDeliveryView, type WebhookView } from '@vigil/contracts';
import { AnnouncedWrites, WebhookSecrets } from '@vigil/detection';
import { VIGIL_CONFIG, type VigilConfig } from '@vigil/config';
import { CLOCK, type Clock } from '@vigil/domain';
import { type DeliveryRow, type WebhookRow, WebhooksRepository } from '@vigil/persistence';
import type { AuthUser } from '../auth/auth-user';
import type { CreateWebhookDto, UpdateWebhookDto } from './webhook.dto';

@Injectable()
export class WebhooksService {
  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly secrets: WebhookSecrets,
    private readonly announced: AnnouncedWrites,
    @Inject(VIGIL_CONFIG) private readonly config: VigilConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(body: CreateWebhookDto, user: AuthUser): Promise<CreatedWebhook> {
    const id = randomUUID();
    const secret = this.secrets.generate();
    const row = await this.webhooks.create(
      {
        id,
        name: body.name,
        url: body.url,
        minSeverity: body.minSeverity ?? 'critical',
        includeSpikes: body.includeSpikes ?? true,
        includeDigest: body.includeDigest ?? false,
        enabled: body.enabled ?? true,
        secretSealed: await this.secrets.seal(secret, id),
        createdBy: user.id,
      },
      this.clock.now(),
    );
    return { ...toWebhookView(row), secret };
  }

  async list(): Promise<WebhookView[]> {
    return (await this.webhooks.list()).map(toWebhookView);
  }

  async update(id: string, body: UpdateWebhookDto): Promise<WebhookView> {
    const row = await this.webhooks.update(id, body, this.clock.now());
    if (!row) throw notFound(id);
    return toWebhookView(row);
  }

  /** A new secret, shown once; the old one keeps signing beside it for the grace period, so receivers switch without a gap. */
  async rotateSecret(id: string): Promise<RotatedWebhookSecret> {
    const secret = this.secrets.generate();
    const now = this.clock.now();
    const previousValidUntil = new Date(now.getTime() + this.config.webhooks.secretGraceMs);
    const row = await this.webhooks.rotateSecret(id, await this.secrets.seal(secret, id), previousValidUntil, now);
    if (!row) throw notFound(id);
    return { ...toWebhookView(row), secret, previousSecretValidUntil: previousValidUntil.toISOString() };
  }

  /** A signed test event to this webhook alone, through the outbox like any delivery (so its outcome is listed). */
  async test(id: string, user: AuthUser): Promise<WebhookTestAnswer> {
    const webhook = await this.webhooks.findById(id);
    if (!webhook) throw notFound(id);
    if (!webhook.enabled) throw new VigilError('webhook_disabled', `Webhook ${id} is disabled: enable it to send a test`);
    const { stored } = await this.announced.run(async () => ({
      value: null,
      events: [{ type: 'webhook.test' as const, data: { webhookId: id, byUserId: user.id }, audience: { roles: ['admin' as const] } }],
    }));
    return { eventId: stored[0]!.id };
  }

  async remove(id: string): Promise<void> {
    if (!(await this.webhooks.softDelete(id, this.clock.now()))) throw notFound(id);
  }

  async deliveries(id: string, limit: number): Promise<WebhookDeliveryView[]> {
    if (!(await this.webhooks.findById(id))) throw notFound(id);
    return (await this.webhooks.listDeliveries(id, limit)).map(toDeliveryView);
  }
}

function notFound(id: string): VigilError {
  return new VigilError('webhook_not_found', `No webhook ${id}`);
}

/** Never the secret: it is shown once, in the answer to the create. */
function toWebhookView(row: WebhookRow): WebhookView {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    minSeverity: row.minSeverity,
    includeSpikes: row.includeSpikes,
    includeDigest: row.includeDigest,
    enabled: row.enabled,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

function toDeliveryView(row: DeliveryRow): WebhookDeliveryView {
  const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);
  return {
    id: row.id,
    webhookId: row.webhookId,
    eventId: row.liveEventId,
    eventType: row.eventType,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: iso(row.nextAttemptAt),
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    createdAt: new Date(row.createdAt).toISOString(),
    deliveredAt: iso(row.deliveredAt),
  };
}
