import { DynamicModule, Module } from '@nestjs/common';
import { CollectionWorkerModule } from '@vigil/collection';
import { ConfigModule, type VigilConfig } from '@vigil/config';
import { PersistenceModule } from '@vigil/persistence';
import { QueueModule } from '@vigil/queue';
import { SearchModule } from '@vigil/search';

/** A worker process: no HTTP, just collection jobs taken from the shared queue. */
@Module({})
export class IngestorModule {
  static forRoot(config: VigilConfig): DynamicModule {
    return {
      module: IngestorModule,
      imports: [ConfigModule.forRoot(config), PersistenceModule.forRoot(), QueueModule, SearchModule, CollectionWorkerModule],
    };
  }
}
