export * from './collection.module';
export * from './collection-worker.module';
export * from './source-detector';
export * from './snapshot/snapshot-page';
export * from './snapshot/snapshot-pages';
export * from './parsing-pool';
export { collectJobId } from './tasks/schedule-due-sources.task';
export { decodeText } from './http';
export { DeliverWebhookProcessor } from './webhooks/deliver-webhook.processor';
