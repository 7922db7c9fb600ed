export * from './search-engine';
export * from './search.module';
