export * from './realtime.module';
export * from './live-notifier';
export * from './live-event-publisher';
export * from './live-envelope';
export * from './session-events';
export * from './in-process-live-notifier';
export * from './redis-live-notifier';
