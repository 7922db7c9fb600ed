import { Module } from '@nestjs/common';
import { SearchIndexer } from './search-indexer';
import { SearchReindexer } from './search-reindexer';

/** The search rebuild alone, for `vigil reindex`: PostgreSQL and the search engine, no queue, no collection. */
@Module({ providers: [SearchIndexer, SearchReindexer], exports: [SearchReindexer] })
export class SearchReindexModule {}
