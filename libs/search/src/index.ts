export * from './search-engine';
export * from './search.module';
export * from './postgres/postgres-search.engine';
export type { ElasticsearchClient, ElasticsearchSearchEngine, ElasticsearchSearchEngineOptions, ItemsIndexDocument, ItemsIndexTemplate } from './elasticsearch';
export { loadElasticsearch } from './load-elasticsearch';
export * from './search-cursor';
