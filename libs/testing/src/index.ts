export * from './test-environment';
export * from './fixture-server';
export * from './wait-for';
