export * from './realtime.module';
export * from './live-notifier';
export * from './live-event-publisher';
export * from './live-envelope';
export * from './session-events';
