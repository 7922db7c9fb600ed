import { Controller, Delete, Get, Header, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { ItemDetail, ItemPage } from '@vigil/contracts';
import { Answers } from '../../common/api-answers';
import { Refuses } from '../../common/api-refusals';
import { OptionalUuidParamPipe, UuidParamPipe } from '../../common/uuid-param.pipe';
import { AnyRole } from '../auth/access.decorators';
import { ItemQueryDto } from './item-query.dto';
import { ItemsService } from './items.service';

@ApiTags('items')
@Controller('api/items')
@AnyRole()
export class ItemsController {
  constructor(private readonly items: ItemsService) {}

  @Get()
  @Refuses('date_range_invalid', 'search_cursor_invalid')
  @Answers('ItemPage')
  find(@Query() query: ItemQueryDto): Promise<ItemPage> {
    return this.items.find(query);
  }

  @Get(':id')
  @Refuses('item_not_found')
  @Answers('ItemDetail')
  get(@Param('id', UuidParamPipe) id: string): Promise<ItemDetail> {
    return this.items.get(id);
  }

  /** The archived page (first snapshot unless one is named), sanitised and unable to load anything. */
  @Get(':id/snapshot')
  @ApiProduces('text/html')
  @ApiQuery({ name: 'snapshotId', required: false })
  @ApiQuery({ name: 'lang', required: false, enum: ['vi', 'en'], description: 'Language of the banner above the archived page' })
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'")
  @Header('x-content-type-options', 'nosniff')
  @Refuses('item_not_found', 'snapshot_not_found')
  @Answers('text/html')
  snapshot(
    @Param('id', UuidParamPipe) id: string,
    @Query('snapshotId', OptionalUuidParamPipe) snapshotId?: string,
    @Query('lang') lang?: string,
  ): Promise<string> {
    return this.items.snapshotPage(id, snapshotId ?? null, lang === 'en' ? 'en' : 'vi');
  }

  @Post(':id/watch')
  @HttpCode(200)
  @Refuses('item_not_found')
  @Answers('ItemDetail')
  watch(@Param('id', UuidParamPipe) id: string): Promise<ItemDetail> {
    return this.items.setWatched(id, true);
  }

  @Delete(':id/watch')
  @Refuses('item_not_found')
  @Answers('ItemDetail')
  unwatch(@Param('id', UuidParamPipe) id: string): Promise<ItemDetail> {
    return this.items.setWatched(id, false);
  }
}
