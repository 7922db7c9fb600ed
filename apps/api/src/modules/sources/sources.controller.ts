import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { SourceView } from '@vigil/contracts';
import { AnyRole, Roles } from '../auth/access.decorators';
import { CreateSourceDto } from './source.dto';
import { SourcesService } from './sources.service';

@ApiTags('sources')
@Controller('api/sources')
export class SourcesController {
  constructor(private readonly sources: SourcesService) {}

  @Roles('admin', 'duty_officer')
  @Post()
  create(@Body() body: CreateSourceDto): Promise<SourceView> {
    return this.sources.create(body);
  }

  @AnyRole()
  @Get()
  list(): Promise<SourceView[]> {
    return this.sources.list();
  }

  @AnyRole()
  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<SourceView> {
    return this.sources.get(id);
  }

  @Roles('admin', 'duty_officer')
  @Post(':id/fetch')
  @HttpCode(202)
  fetchNow(@Param('id', ParseUUIDPipe) id: string): Promise<{ queued: true }> {
    return this.sources.fetchNow(id);
  }
}
