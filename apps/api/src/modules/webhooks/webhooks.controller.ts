import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CreatedWebhook, RotatedWebhookSecret, WebhookDeliveryView, WebhookTestAnswer, WebhookView } from '@vigil/contracts';
import { Answers } from '../../common/api-answers';
import { Refuses } from '../../common/api-refusals';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { Roles } from '../auth/access.decorators';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { CreateWebhookDto, DeliveriesQueryDto, UpdateWebhookDto } from './webhook.dto';
import { WebhooksService } from './webhooks.service';

/** Outbound webhooks (README "Webhooks"): admins only, since a webhook sends flagged content out of Vigil. */
@ApiTags('webhooks')
@Controller('api/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  /** The answer carries the signing secret: the only time it is shown. */
  @Roles('admin')
  @Post()
  @Answers('CreatedWebhook')
  create(@Body() body: CreateWebhookDto, @CurrentUser() user: AuthUser): Promise<CreatedWebhook> {
    return this.webhooks.create(body, user);
  }

  @Roles('admin')
  @Get()
  @Answers('WebhookView[]')
  list(): Promise<WebhookView[]> {
    return this.webhooks.list();
  }

  /** Edits any of the create's fields; disabling cancels the deliveries still waiting. */
  @Roles('admin')
  @Patch(':id')
  @Refuses('webhook_not_found')
  @Answers('WebhookView')
  update(@Param('id', UuidParamPipe) id: string, @Body() body: UpdateWebhookDto): Promise<WebhookView> {
    return this.webhooks.update(id, body);
  }

  /** The answer carries the new signing secret, shown this once; the old one signs beside it for the grace period. */
  @Roles('admin')
  @Post(':id/rotate-secret')
  @HttpCode(200)
  @Refuses('webhook_not_found')
  @Answers('RotatedWebhookSecret')
  rotateSecret(@Param('id', UuidParamPipe) id: string): Promise<RotatedWebhookSecret> {
    return this.webhooks.rotateSecret(id);
  }

  /** Sends a signed `webhook.test` event to this webhook alone, through the same outbox; its delivery is listed below. */
  @Roles('admin')
  @Post(':id/test')
  @HttpCode(202)
  @Refuses('webhook_not_found', 'webhook_disabled')
  @Answers('WebhookTestAnswer')
  test(@Param('id', UuidParamPipe) id: string, @CurrentUser() user: AuthUser): Promise<WebhookTestAnswer> {
    return this.webhooks.test(id, user);
  }

  /** Stops sending; deliveries still waiting are cancelled. */
  @Roles('admin')
  @Delete(':id')
  @HttpCode(204)
  @Refuses('webhook_not_found')
  async remove(@Param('id', UuidParamPipe) id: string): Promise<void> {
    await this.webhooks.remove(id);
  }

  /** The most recent deliveries, newest first, with their status, attempts and last answer. */
  @Roles('admin')
  @Get(':id/deliveries')
  @Refuses('webhook_not_found')
  @Answers('WebhookDeliveryView[]')
  deliveries(@Param('id', UuidParamPipe) id: string, @Query() query: DeliveriesQueryDto): Promise<WebhookDeliveryView[]> {
    return this.webhooks.deliveries(id, query.limit ?? 50);
  }
}
