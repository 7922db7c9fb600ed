export { ElasticsearchSearchEngine, type ElasticsearchSearchEngineOptions } from './elasticsearch-search.engine';
export { ITEMS_INDEX_TEMPLATE, type ItemsIndexDocument, type ItemsIndexTemplate } from './items-index-template';
export { createElasticsearchClient, type ElasticsearchClient } from './elasticsearch-client';
