import { Body, Controller, Delete, Get, Header, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type FetchQueued, type OpmlImportResult, type SourceRemoval, type SourceView, VigilError } from '@vigil/contracts';
import { Answers } from '../../common/api-answers';
import { Refuses } from '../../common/api-refusals';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { AnyRole, Roles } from '../auth/access.decorators';
import { CreateSourceDto, RemoveSourceQueryDto, UpdateSourceDto } from './source.dto';
import { SourcesService } from './sources.service';

@ApiTags('sources')
@Controller('api/sources')
export class SourcesController {
  constructor(private readonly sources: SourcesService) {}

  @Roles('admin', 'duty_officer')
  @Post()
  @Refuses('source_exists', 'url_has_credentials', 'poll_bounds_invalid', 'source_unreachable', 'source_kind_unknown', 'advertised_feed_invalid')
  @Answers('SourceView')
  create(@Body() body: CreateSourceDto): Promise<SourceView> {
    return this.sources.create(body);
  }

  @AnyRole()
  @Get()
  @Answers('SourceView[]')
  list(): Promise<SourceView[]> {
    return this.sources.list();
  }

  /** OPML 2.0 of every source, for other readers or another Vigil. */
  @AnyRole()
  @Get('export')
  @ApiProduces('text/x-opml')
  @Header('content-type', 'text/x-opml; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="vigil-sources.opml"')
  @Answers('text/x-opml')
  export(): Promise<string> {
    return this.sources.exportOpml();
  }

  /** The OPML file itself is the body (Content-Type text/x-opml, text/xml or application/xml). */
  @Roles('admin', 'duty_officer')
  @Post('import')
  @HttpCode(200)
  @ApiConsumes('text/x-opml')
  @ApiBody({ schema: { type: 'string' } })
  @Refuses('opml_missing', 'opml_too_large', 'opml_doctype_refused', 'opml_unreadable', 'opml_not_opml', 'unsupported_media_type')
  @Answers('OpmlImportResult')
  import(@Body() body: unknown): Promise<OpmlImportResult> {
    if (typeof body !== 'string' || !body.trim()) {
      throw new VigilError('opml_missing', 'Send the OPML file as the request body with Content-Type text/x-opml');
    }
    return this.sources.importOpml(body);
  }

  @AnyRole()
  @Get(':id')
  @Refuses('source_not_found')
  @Answers('SourceView')
  get(@Param('id', UuidParamPipe) id: string): Promise<SourceView> {
    return this.sources.get(id);
  }

  @Roles('admin', 'duty_officer')
  @Patch(':id')
  @Refuses('source_not_found', 'source_exists', 'url_has_credentials', 'poll_bounds_invalid')
  @Answers('SourceView')
  update(@Param('id', UuidParamPipe) id: string, @Body() body: UpdateSourceDto): Promise<SourceView> {
    return this.sources.update(id, body);
  }

  /** Admins only: the source stops being polled; its items stay as evidence unless `withItems=true`. */
  @Roles('admin')
  @Delete(':id')
  @Refuses('source_not_found')
  @Answers('SourceRemoval')
  remove(@Param('id', UuidParamPipe) id: string, @Query() query: RemoveSourceQueryDto): Promise<SourceRemoval> {
    return this.sources.remove(id, query.withItems ?? false);
  }

  /** Fetches now and forgives past failures (backoff starts over). */
  @Roles('admin', 'duty_officer')
  @Post(':id/fetch')
  @HttpCode(202)
  @Refuses('source_not_found', 'source_paused')
  @Answers('FetchQueued')
  fetchNow(@Param('id', UuidParamPipe) id: string): Promise<FetchQueued> {
    return this.sources.fetchNow(id);
  }
}
