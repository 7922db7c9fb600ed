import { Controller, Delete, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { ItemDetail, ItemPage } from '@vigil/contracts';
import { AnyRole } from '../auth/access.decorators';
import { ItemQueryDto } from './item-query.dto';
import { ItemsService } from './items.service';

const OPTIONAL_UUID = new ParseUUIDPipe({ optional: true });

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

  /** The archived page (first snapshot unless one is named), sanitised and unable to load anything. */
  @Get(':id/snapshot')
  @ApiProduces('text/html')
  @ApiQuery({ name: 'snapshotId', required: false })
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'")
  @Header('x-content-type-options', 'nosniff')
  snapshot(@Param('id', ParseUUIDPipe) id: string, @Query('snapshotId', OPTIONAL_UUID) snapshotId?: string): Promise<string> {
    return this.items.snapshotPage(id, snapshotId ?? null);
  }

  @Post(':id/watch')
  @HttpCode(200)
  watch(@Param('id', ParseUUIDPipe) id: string): Promise<ItemDetail> {
    return this.items.setWatched(id, true);
  }

  @Delete(':id/watch')
  unwatch(@Param('id', ParseUUIDPipe) id: string): Promise<ItemDetail> {
    return this.items.setWatched(id, false);
  }
}
