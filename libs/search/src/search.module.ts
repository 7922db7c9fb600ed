import { Global, Inject, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { VIGIL_CONFIG, type VigilConfig } from '@vigil/config';
import { ItemsRepository } from '@vigil/persistence';
import type { ElasticsearchClient } from './elasticsearch';
import { loadElasticsearch } from './load-elasticsearch';
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
      useFactory: async (config: VigilConfig): Promise<ElasticsearchClient | null> => {
        if (!config.search.elasticsearchUrl) return null;
        const { createElasticsearchClient } = await loadElasticsearch();
        return createElasticsearchClient(config.search.elasticsearchUrl);
      },
    },
    {
      provide: SEARCH_ENGINE,
      inject: [VIGIL_CONFIG, ELASTICSEARCH_CLIENT, ItemsRepository],
      useFactory: async (config: VigilConfig, client: ElasticsearchClient | null, items: ItemsRepository): Promise<SearchEngine> => {
        if (!client) return new PostgresSearchEngine(items);
        const { ElasticsearchSearchEngine } = await loadElasticsearch();
        return new ElasticsearchSearchEngine(client, { indexPrefix: config.search.indexPrefix });
      },
    },
  ],
  exports: [SEARCH_ENGINE],
})
export class SearchModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SearchModule.name);

  constructor(
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    @Inject(ELASTICSEARCH_CLIENT) private readonly client: ElasticsearchClient | null,
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
