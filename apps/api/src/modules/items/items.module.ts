import { Module } from '@nestjs/common';
import { CollectionModule } from '@vigil/collection';
import { ItemsController } from './items.controller';
import { ItemsService } from './items.service';

@Module({ imports: [CollectionModule], controllers: [ItemsController], providers: [ItemsService] })
export class ItemsModule {}
