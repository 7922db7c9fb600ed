export * from './deadlines.module';
export * from './deadlines-worker.module';
export * from './case-deadline-planner';
export * from './deadline-ticker';
export * from './sla-policy.store';
export { toCaseSummary } from './case-summary';
