import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { type CreatedWebhook, VigilError, type WebhookDeliveryView, type WebhookView } from '@vigil/contracts';
import { WebhookSecrets } from '@vigil/detection';
import { CLOCK, type Clock } from '@vigil/domain';
import { type DeliveryRow, type WebhookRow, WebhooksRepository } from '@vigil/persistence';
import type { AuthUser } from '../auth/auth-user';
import type { CreateWebhookDto } from './webhook.dto';

@Injectable()
export class WebhooksService {
  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly secrets: WebhookSecrets,
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
