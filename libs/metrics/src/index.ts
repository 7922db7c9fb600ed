export * from './vigil-metrics';
export * from './index-lag';
export * from './metrics-scrape';
export * from './metrics.module';
export * from './metrics-server';
