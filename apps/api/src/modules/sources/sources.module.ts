import { Module } from '@nestjs/common';
import { CollectionModule } from '@vigil/collection';
import { SourcesController } from './sources.controller';
import { SourcesService } from './sources.service';

@Module({ imports: [CollectionModule], controllers: [SourcesController], providers: [SourcesService] })
export class SourcesModule {}
