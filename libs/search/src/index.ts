export * from './search-engine';
export * from './search.module';
export * from './postgres/postgres-search.engine';
export * from './elasticsearch';
export * from './search-cursor';
