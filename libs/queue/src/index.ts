export * from './job-queue';
export * from './queue.module';
export * from './redis-connection';
