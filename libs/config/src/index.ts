export * from './vigil-config';
export * from './config.module';
export * from './log-levels';
export * from './log-context';
export * from './worker-thread-file';
