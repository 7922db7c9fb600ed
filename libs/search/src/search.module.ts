import type { Client } from '@elastic/elasticsearch';
import { Global, Inject, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { VIGIL_CONFIG, type VigilConfig } from '@vigil/config';
import { ItemsRepository } from '@vigil/persistence';
import { createElasticsearchClient, ElasticsearchSearchEngine } from './elasticsearch';
import { PostgresSearchEngine } from './postgres/postgres-search.engine';
import { SEARCH_ENGINE, type SearchEngine } from './search-engine';

const ELASTICSEARCH_CLIENT = Symbol('ELASTICSEARCH_CLIENT');

/** Chooses the search engine once, from configuration; everything else sees only the SearchEngine port. */
@Global()
@Module({
  providers: [
    {
      provide: ELASTICSEARCH_CLIENT,
      inject: [VIGIL_CONFIG],
      useFactory: (config: VigilConfig) =>
        config.search.elasticsearchUrl ? createElasticsearchClient(config.search.elasticsearchUrl) : null,
    },
    {
      provide: SEARCH_ENGINE,
      inject: [VIGIL_CONFIG, ELASTICSEARCH_CLIENT, ItemsRepository],
      useFactory: (config: VigilConfig, client: Client | null, items: ItemsRepository): SearchEngine =>
        client ? new ElasticsearchSearchEngine(client, { indexPrefix: config.search.indexPrefix }) : new PostgresSearchEngine(items),
    },
  ],
  exports: [SEARCH_ENGINE],
})
export class SearchModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SearchModule.name);

  constructor(
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    @Inject(ELASTICSEARCH_CLIENT) private readonly client: Client | null,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.logger.log(`Search engine: ${this.engine.name}`);
    try {
      await this.engine.prepare();
    } catch (error) {
      // Start anyway: storing items must not depend on the search cluster; health reports it as down.
      this.logger.error(`Search engine not ready: ${(error as Error).message}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client?.close();
  }
}
