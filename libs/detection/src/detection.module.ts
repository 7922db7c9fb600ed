import { Global, Module } from '@nestjs/common';
import { AnnouncedWrites } from './announced-writes';
import { DigestComposer } from './digest-composer';
import { ItemFlagger } from './item-flagger';
import { RulesCache } from './rules-cache';
import { SpikeMonitor } from './spike-monitor';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher';
import { WebhookSecrets } from './webhooks/webhook-secrets';

/**
 * Watch rules compiled once per process, the step that flags matching items, and the hand-off of critical flags and
 * spikes to webhooks; the pipeline and the API share it.
 */
@Global()
@Module({
  providers: [AnnouncedWrites, DigestComposer, RulesCache, ItemFlagger, SpikeMonitor, WebhookDispatcher, WebhookSecrets],
  exports: [AnnouncedWrites, DigestComposer, RulesCache, ItemFlagger, SpikeMonitor, WebhookDispatcher, WebhookSecrets],
})
export class DetectionModule {}
