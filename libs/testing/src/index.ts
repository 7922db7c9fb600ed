export * from './test-environment';
export * from './test-clock';
export * from './fixture-server';
export * from './wait-for';
export * from './synthetic-items';
export * from './test-database';
