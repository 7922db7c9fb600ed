export * from './collection-worker.module';
