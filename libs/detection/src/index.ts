export * from './detection.module';
export * from './item-flagger';
export * from './rules-cache';
export * from './spike-monitor';
export * from './flag-view';
