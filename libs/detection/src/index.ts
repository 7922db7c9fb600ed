export * from './detection.module';
export * from './item-flagger';
export * from './rules-cache';
export * from './spike-monitor';
export * from './flag-view';
export * from './webhooks/webhook-dispatcher';
export * from './webhooks/webhook-secrets';
export * from './decision-model';
