export * from './roles';
export * from './api';
export * from './jobs';
export * from './errors';
export * from './source-failures';
export * from './detection';
export * from './live-events';
export * from './webhooks';
