export * from './working-calendar';
export * from './vietnam-holidays';
export * from './sla-policy';
export * from './deadline-timing';
export * from './escalation-ladder';
export * from './sla-policy-check';
