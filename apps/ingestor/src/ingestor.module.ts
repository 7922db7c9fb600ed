import { DynamicModule, Module } from '@nestjs/common';
import { CollectionWorkerModule } from '@vigil/collection';
import { ConfigModule, type VigilConfig } from '@vigil/config';
import { DeadlinesWorkerModule } from '@vigil/deadlines';
import { DetectionModule } from '@vigil/detection';
import { MetricsModule } from '@vigil/metrics';
import { PersistenceModule } from '@vigil/persistence';
import { QueueModule } from '@vigil/queue';
import { SearchModule } from '@vigil/search';
import { IngestorMetricsEndpoint } from './metrics-endpoint';

/** A worker process: no HTTP, just collection jobs and the deadline ticker's, taken from the shared queue. */
@Module({})
export class IngestorModule {
  static forRoot(config: VigilConfig): DynamicModule {
    return {
      module: IngestorModule,
      // Detection flags items as the pipeline stores them: the collection processors need it here as in the API.
      imports: [ConfigModule.forRoot(config), PersistenceModule.forRoot(), QueueModule, MetricsModule, SearchModule, DetectionModule, CollectionWorkerModule, DeadlinesWorkerModule],
      providers: [IngestorMetricsEndpoint],
    };
  }
}
