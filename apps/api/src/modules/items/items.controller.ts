import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ItemDetail, ItemPage } from '@vigil/contracts';
import { AnyRole } from '../auth/access.decorators';
import { ItemQueryDto } from './item-query.dto';
import { ItemsService } from './items.service';

@ApiTags('items')
@Controller('api/items')
@AnyRole()
export class ItemsController {
  constructor(private readonly items: ItemsService) {}

  @Get()
  find(@Query() query: ItemQueryDto): Promise<ItemPage> {
    return this.items.find(query);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<ItemDetail> {
    return this.items.get(id);
  }
}
